import path from 'node:path';
import type { PlatformContext } from '../../platform/platform-context.js';
import { LoginThrottle, mailLimits } from '../../platform/auth/login-throttle.js';
import { paths } from '../../web/paths.js';
import type { Locale } from '../core/languages.js';
import { AuditLedger } from './audit-ledger.js';
import { ErasureEngine } from './erasure-engine.js';
import { ErasureService } from './erasure-service.js';
import { downloadPathOf, ExportService } from './export-service.js';
import { Objections } from './objections.js';
import { PrivacyRequests } from './privacy-requests.js';
import { PublicRequests } from './public-requests.js';
import { StaffDirectory } from './staff-directory.js';
import { TableKeys } from './table-keys.js';
import { Tombstones } from './tombstones.js';

export type RightsServices = ReturnType<typeof rightsServices>;

/**
 * The privacy-rights engine's services, built once per process from the platform alone: every
 * module reaches them through the privacy module (`dependsOn: { privacy: privacyModule }`).
 */
export function rightsServices(platform: PlatformContext) {
  const { database, now, config, logger } = platform;
  const shop = () => platform.shop.identity();
  const keys = new TableKeys(database);
  const requests = new PrivacyRequests(database, now);
  const ledger = new AuditLedger(database, platform.secrets, now);
  // Outside the database on purpose: a restored backup must not take the record of later erasures with it.
  const tombstones = new Tombstones(config.tombstoneFile, platform.secrets);
  const erasure = new ErasureService({
    database,
    registry: platform.privacy,
    engine: new ErasureEngine(database, keys, now),
    keys,
    requests,
    ledger,
    tombstones,
    jobs: platform.jobs,
    mail: platform.mail,
    shop,
    logger,
    now,
  });
  const staff = new StaffDirectory();
  const exports = new ExportService({
    database,
    registry: platform.privacy,
    keys,
    requests,
    ledger,
    erasure,
    jobs: platform.jobs,
    mail: platform.mail,
    secrets: platform.secrets,
    shop,
    staff,
    directory: path.join(config.dataDir, 'exports'),
    downloadUrl: (token: string, _locale: Locale) => `${config.publicUrl}${downloadPathOf(token)}`,
    logger,
    now,
  });
  const objections = new Objections(database, now);
  // The public form's proof mails count with the members' sign-up and reset mails: per address and per client.
  const mailThrottle = new LoginThrottle(platform.rateLimitStore, platform.secrets, {
    limits: mailLimits,
    scope: 'mail',
    refusal: 'VT_MAIL_THROTTLED',
  });
  const publicRequests = new PublicRequests({
    database,
    requests,
    erasure,
    exports,
    objections,
    ledger,
    mail: platform.mail,
    secrets: platform.secrets,
    throttle: mailThrottle,
    shop,
    confirmUrl: (token: string, locale: Locale) =>
      `${config.publicUrl}${paths.privacyRequestConfirm(locale)}?token=${encodeURIComponent(token)}`,
    now,
  });
  return { keys, requests, ledger, tombstones, erasure, exports, objections, publicRequests, staff };
}
