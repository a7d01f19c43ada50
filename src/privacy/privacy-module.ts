import { h } from 'preact';
import { defineJob, noPayload } from '../platform/jobs/job-definition.js';
import { handle } from '../platform/jobs/job-handler.js';
import { defineModule } from '../platform/module.js';
import { locales } from '../platform/http/i18n.js';
import { pageContext } from '../web/page-context.js';
import { alternatesOf, paths } from '../web/paths.js';
import { CookiesPage } from './cookies/cookies-page.js';
import { PolicyPage } from './policy/policy-page.js';
import { enforceRetention } from './retention/enforce-retention.js';
import fs from 'node:fs';
import { verifyLedgerCommand } from './rights/audit-ledger.js';
import { erasureJob } from './rights/erasure-service.js';
import { downloadPathOf, exportJob } from './rights/export-service.js';
import { releaseDueHolds } from './rights/hold-release.js';
import * as rightsMigration from './rights/migrations/20261203_40_privacy_rights.js';
import * as linkKeysMigration from './rights/migrations/20261203_47_link_keys.js';
import { rightsData } from './rights/privacy.js';
import { publicRequestRoutes } from './rights/public-request-routes.js';
import { replayErasures } from './rights/replay-erasures.js';
import { rightsServices } from './rights/rights-services.js';

/**
 * The hourly job that deletes and clears what the declared retention periods no longer allow,
 * erases what ended holds kept, deletes archives whose download link expired, and requests from
 * the public form whose address was never confirmed.
 */
const retentionJob = defineJob({ name: 'privacy.retention', parse: noPayload });

/**
 * The published privacy policy and cookie list, rendered from the registry on every request; the
 * hourly job that keeps the retention periods the policy states; and the privacy-rights engine
 * (rights/): requests, export, erasure with holds, objections, the audit ledger. Modules reach the
 * engine through this module's services; the member's and the staff's pages are theirs.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  migrations: { '20261203_40_privacy_rights': rightsMigration, '20261203_47_link_keys': linkKeysMigration },
  data: [rightsData],
  services: rightsServices,
  jobs: ({ platform: context, services }) => [
    handle(erasureJob, services.erasure.run),
    handle(exportJob, services.exports.run),
    // Everything time ends, in one hourly job: retention periods, holds, and archives' links.
    handle(retentionJob, async () => {
      const results = await enforceRetention(context.database, context.privacy, context.now());
      const removed = results.filter((r) => r.deleted > 0 || Object.values(r.cleared).some((n) => n > 0));
      if (removed.length > 0) context.logger.info({ retention: removed }, 'retention periods enforced');
      const released = await releaseDueHolds(context.database, context.privacy, services.ledger, context.now());
      if (released > 0) context.logger.info({ holds: released }, 'holds released');
      const archives = await services.exports.expire();
      if (archives > 0) context.logger.info({ archives }, 'expired archives deleted');
      const unconfirmed = await services.requests.forgetUnconfirmed(context.now());
      if (unconfirmed > 0) context.logger.info({ unconfirmed }, 'unconfirmed requests deleted');
    }),
  ],
  schedules: [{ job: retentionJob, every: 'PT1H' }],
  commands: {
    'privacy:verify-ledger': {
      usage: 'privacy:verify-ledger   check the audit ledger’s hash chain; reports the first altered entry',
      run: async (_args, { services }) => {
        process.exitCode = await verifyLedgerCommand(services.ledger, (line) => process.stdout.write(`${line}\n`));
      },
    },
    'privacy:replay-erasures': {
      usage:
        'privacy:replay-erasures   after restoring a database backup: erase again everyone erased since (docs/backups.md)',
      run: async (_args, { platform, services }) => {
        const result = await replayErasures({
          database: platform.database,
          registry: platform.privacy,
          keys: services.keys,
          tombstones: services.tombstones,
          erasure: services.erasure,
          ledger: services.ledger,
        });
        process.stdout.write(
          `${result.tombstones} erasures on record; ${result.replayed.length} person(s) found again and erased again\n`,
        );
      },
    },
  },
  routes: (app, { platform: context, services }) => {
    // The single-use link to an archive of one's data (mailed, and shown on the member's Privacy page).
    app.get<{ Params: { token: string } }>(
      downloadPathOf(':token'),
      { config: { access: 'public' } },
      async (request, reply) => {
        const { file } = await services.exports.take(request.params.token, request.member?.id);
        const stream = fs.createReadStream(file);
        // Single use: once it has been sent, the file goes (the expiry job removes it otherwise).
        stream.on('close', () => fs.promises.rm(file, { force: true }).catch(() => {}));
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', 'application/zip')
          .header('content-disposition', 'attachment; filename="my-data.zip"')
          .send(stream);
      },
    );
    // The request form for people without an account, proven by a link mailed to the address.
    publicRequestRoutes(app, context, services.publicRequests);
    for (const locale of locales) {
      app.get(paths.privacy(locale), { config: { access: 'public' } }, async (request, reply) => {
        const ctx = pageContext(request, reply, {
          locale,
          shop: context.shop.identity(),
          alternates: alternatesOf(paths.privacy),
        });
        return reply.html(h(PolicyPage, { ctx, tables: context.privacy.personalTables() }));
      });
      app.get(paths.cookies(locale), { config: { access: 'public' } }, async (request, reply) => {
        const ctx = pageContext(request, reply, {
          locale,
          shop: context.shop.identity(),
          alternates: alternatesOf(paths.cookies),
        });
        const secure = context.config.secureCookies;
        return reply.html(h(CookiesPage, { ctx, cookies: context.privacy.cookies.all(), secure }));
      });
    }
  },
});
