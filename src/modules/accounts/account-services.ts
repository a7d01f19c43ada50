import type { AppContext } from '../../context.js';
import { AccountLinks } from './account-links.js';
import { AccountTokenStore } from './account-token-store.js';
import { CredentialsService } from './credentials-service.js';
import { type AccountOwner, LoginThrottle, mailLimits, signInLimits } from './login-throttle.js';
import { KnownDevices } from './known-devices.js';
import { accountMail } from './account-mail.js';
import { paths } from '../../web/paths.js';
import { MemberService } from './member-service.js';
import { MemberStore } from './member-store.js';
import { SessionService } from './sessions/session-service.js';
import { SessionStore } from './sessions/session-store.js';
import { SignInService } from './sign-in-service.js';
import { SignUpService } from './sign-up-service.js';
import { RecoveryCodeStore } from './staff/recovery-code-store.js';
import { RecoveryCodes } from './staff/recovery-codes.js';
import { StaffAudit } from './staff/staff-audit.js';
import { StaffInvitationStore } from './staff/staff-invitation-store.js';
import { StaffManagement } from './staff/staff-management.js';
import { StaffService } from './staff/staff-service.js';
import { StaffStore } from './staff/staff-store.js';
import { FieldEncryption } from '../../platform/crypto/field-encryption.js';

export type AccountServices = ReturnType<typeof accountServices>;

/** The accounts module's services, wired once per context (routes and jobs share them). */
export function accountServices(context: AppContext) {
  const { database, now } = context;
  const shop = () => context.shop.identity();
  const members = new MemberStore(database);
  const links = new AccountLinks(new AccountTokenStore(database), context.config.publicUrl, now);
  // Member sessions are read on every page: cached 5 s (sessions/session-cache.ts). Staff
  // sessions are read on back-office pages only, always from the database.
  const memberSessions = new SessionService(new SessionStore(database, 'accounts_sessions'), now, 5_000);
  const staffSessions = new SessionService(new SessionStore(database, 'accounts_staff_sessions'), now);
  const signInThrottle = new LoginThrottle(context.rateLimitStore, context.secrets, { limits: signInLimits, scope: 'sign-in', warn: (owner) => warnUnderAttack(context, owner) });
  const mailThrottle = new LoginThrottle(context.rateLimitStore, context.secrets, { limits: mailLimits, scope: 'mail', refusal: 'VT_MAIL_THROTTLED' });
  const signUp = new SignUpService(members, links, context.mail, mailThrottle, shop, context.config.publicUrl, now);
  const credentials = new CredentialsService(members, links, memberSessions, signInThrottle, mailThrottle, context.jobs, context.mail, shop, now);
  const totpKeys = new FieldEncryption(context.secrets, 'staff-totp');
  const staffStore = new StaffStore(database);
  const staffAudit = new StaffAudit(database, context.logger, now);
  const recoveryCodeStore = new RecoveryCodeStore(database);
  const recoveryCodes = new RecoveryCodes(recoveryCodeStore, staffAudit, context.secrets, now);
  return {
    links,
    memberStore: members,
    memberSessions,
    staffSessions,
    staff: new StaffService(staffStore, staffSessions, signInThrottle, totpKeys, shop, now, recoveryCodes),
    staffManagement: new StaffManagement(staffStore, staffSessions, recoveryCodeStore, new StaffInvitationStore(database), staffAudit, context.mail, shop, context.config.publicUrl, now),
    staffAudit,
    signUp,
    signIn: new SignInService(members, memberSessions, signInThrottle, signUp, now),
    knownDevices: new KnownDevices(context.secrets, context.config.publicUrl.startsWith('https:'), now),
    credentials,
    members: new MemberService(database, members, credentials, memberSessions, now),
  };
}

/**
 * The "someone is trying to sign in to your account" mail (login-throttle.ts): a member in their
 * language with a reset link; staff, whose language is not recorded, in French and English.
 */
function warnUnderAttack(context: AppContext, owner: AccountOwner): Promise<void> {
  const { publicUrl } = context.config;
  const shop = context.shop.identity();
  if (owner.kind === 'member') {
    const links = { signIn: publicUrl + paths.signIn(owner.locale), reset: publicUrl + paths.forgotPassword(owner.locale) };
    return context.mail.queue(context.database.db, accountMail(shop, owner.locale).signInUnderAttack(owner.email, links));
  }
  const [fr, en] = (['fr', 'en'] as const).map((locale) => accountMail(shop, locale).signInUnderAttack(owner.email, { signIn: `${publicUrl}/admin/sign-in` }));
  return context.mail.queue(context.database.db, { to: owner.email, subject: `${fr?.subject} / ${en?.subject}`, text: `${fr?.text}\n\n---\n\n${en?.text}` });
}

// One set per context: the module's routes and its job handlers get the same instances.
const built = new WeakMap<AppContext, AccountServices>();

export function accountServicesOf(context: AppContext): AccountServices {
  let services = built.get(context);
  if (!services) {
    services = accountServices(context);
    built.set(context, services);
  }
  return services;
}
