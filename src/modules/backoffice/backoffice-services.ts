import { KnownDevices } from '../../platform/auth/known-devices.js';
import { type AccountOwner, LoginThrottle, signInLimits } from '../../platform/auth/login-throttle.js';
import { SessionService } from '../../platform/auth/session-service.js';
import { SessionStore } from '../../platform/auth/session-store.js';
import { signInWarningMail } from '../../platform/auth/sign-in-warning-mail.js';
import { FieldEncryption } from '../../platform/crypto/field-encryption.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import type { RightsServices } from '../../privacy/rights/rights-services.js';
import type { MemberServices } from '../members/index.js';
import type { StaffReadLedger } from './member-data-access.js';
import { OutboxService } from './outbox-service.js';
import { PrivacyQueue } from './privacy-queue-service.js';
import { sendPrivacyReminders } from './privacy-reminders.js';
import { RecoveryCodeStore } from './recovery-code-store.js';
import { RecoveryCodes } from './recovery-codes.js';
import { StaffAudit } from './staff-audit.js';
import { StaffInvitationStore } from './staff-invitation-store.js';
import { StaffManagement } from './staff-management.js';
import { StaffService } from './staff-service.js';
import { StaffStore } from './staff-store.js';

export type BackofficeServices = ReturnType<typeof backofficeServices>;

/**
 * The back office's services: staff accounts, their sessions and two-factor codes, audit, outbox,
 * and the staff side of privacy requests.
 */
export function backofficeServices(
  platform: PlatformContext,
  { members, privacy }: { members: MemberServices; privacy: RightsServices },
) {
  const { database, now, config } = platform;
  const shop = () => platform.shop.identity();
  // Staff sessions are read on back-office pages only, always from the database (no cache).
  const staffSessions = new SessionService(new SessionStore(database, 'accounts_staff_sessions'), now);
  // Same scope as the members' throttle: a client's attempts count once, whichever door it knocks on.
  const signInThrottle = new LoginThrottle(platform.rateLimitStore, platform.secrets, {
    limits: signInLimits,
    scope: 'sign-in',
    warn: (owner) => warnUnderAttack(platform, owner),
  });
  const store = new StaffStore(database);
  const audit = new StaffAudit(database, platform.logger, now);
  const recoveryCodeStore = new RecoveryCodeStore(database);
  const recoveryCodes = new RecoveryCodes(recoveryCodeStore, audit, platform.secrets, now);
  // People whose data staff read are told who read it: the privacy engine asks the back office.
  privacy.staff.provide(async (ids) => {
    const wanted = new Set(ids);
    const rows = (await store.list()).filter((row) => wanted.has(row.id));
    return new Map(rows.map((row) => [row.id, { name: row.name, role: row.role }]));
  });
  const staffReads: StaffReadLedger = {
    database,
    ledger: privacy.ledger,
    objections: privacy.objections,
    erasure: privacy.erasure,
  };
  return {
    staffSessions,
    staff: new StaffService(
      store,
      staffSessions,
      signInThrottle,
      new FieldEncryption(platform.secrets, 'staff-totp'),
      shop,
      now,
      recoveryCodes,
    ),
    staffManagement: new StaffManagement(
      store,
      staffSessions,
      recoveryCodeStore,
      new StaffInvitationStore(database),
      audit,
      platform.mail,
      shop,
      config.publicUrl,
      now,
    ),
    staffAudit: audit,
    knownDevices: new KnownDevices(platform.secrets, config.secureCookies, now),
    /** The members list, read through the members module's own service. */
    members: members.members,
    outbox: new OutboxService(platform),
    /** Where staff reads of members' data are recorded (member-data-access.ts). */
    staffReads,
    privacyQueue: new PrivacyQueue({
      database,
      privacy,
      members: members.members,
      mail: platform.mail,
      shop,
      now,
    }),
    /** The daily reminder of privacy requests due within a week (privacy-reminders.ts). */
    remindPrivacyRequests: () =>
      sendPrivacyReminders({
        database,
        requests: privacy.requests,
        staff: () => store.list(),
        mail: platform.mail,
        shop,
        requestUrl: (id) => `${config.publicUrl}/admin/privacy/${encodeURIComponent(id)}`,
        queueUrl: `${config.publicUrl}/admin/privacy`,
        now,
      }),
  };
}

/** Staff, whose language is not recorded, are warned in French and English. */
function warnUnderAttack(platform: PlatformContext, owner: AccountOwner): Promise<void> {
  const signIn = `${platform.config.publicUrl}/admin/sign-in`;
  const fr = signInWarningMail(platform.shop.identity(), 'fr', owner.email, { signIn });
  const en = signInWarningMail(platform.shop.identity(), 'en', owner.email, { signIn });
  return platform.mail.queue(platform.database.db, {
    to: owner.email,
    subject: `${fr.subject} / ${en.subject}`,
    text: `${fr.text}\n\n---\n\n${en.text}`,
  });
}
