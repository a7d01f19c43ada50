import { KnownDevices } from '../../platform/auth/known-devices.js';
import { type AccountOwner, LoginThrottle, mailLimits, signInLimits } from '../../platform/auth/login-throttle.js';
import { SessionService } from '../../platform/auth/session-service.js';
import { SessionStore } from '../../platform/auth/session-store.js';
import { signInWarningMail } from '../../platform/auth/sign-in-warning-mail.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import type { RightsServices } from '../../privacy/rights/rights-services.js';
import { AccountLinks } from './account-links.js';
import { AccountTokenStore } from './account-token-store.js';
import { accountUses } from './account-uses.js';
import { CredentialsService } from './credentials-service.js';
import { MemberPrivacy } from './member-privacy.js';
import { MemberService } from './member-service.js';
import { MemberStore } from './member-store.js';
import { type MemberUrls, memberUrls } from './member-urls.js';
import { SignInService } from './sign-in-service.js';
import { SignUpService } from './sign-up-service.js';

export type MemberServices = ReturnType<typeof memberServices>;

/** The members module's services, built once per process: its routes and jobs share them. */
export function memberServices(platform: PlatformContext, { privacy }: { privacy: RightsServices }) {
  const { database, now, config } = platform;
  const shop = () => platform.shop.identity();
  const store = new MemberStore(database);
  const urls = memberUrls(config.publicUrl);
  const links = new AccountLinks(new AccountTokenStore(database), urls, now);
  // Member sessions are read on every page: cached 5 s (platform/auth/session-cache.ts).
  const sessions = new SessionService(new SessionStore(database, 'accounts_sessions'), now, 5_000);
  const signInThrottle = new LoginThrottle(platform.rateLimitStore, platform.secrets, {
    limits: signInLimits,
    scope: 'sign-in',
    warn: (owner) => warnUnderAttack(platform, urls, owner),
  });
  const mailThrottle = new LoginThrottle(platform.rateLimitStore, platform.secrets, {
    limits: mailLimits,
    scope: 'mail',
    refusal: 'VT_MAIL_THROTTLED',
  });
  const signUp = new SignUpService(store, links, platform.mail, mailThrottle, shop, urls, now);
  const credentials = new CredentialsService(
    store,
    links,
    sessions,
    signInThrottle,
    mailThrottle,
    platform.jobs,
    platform.mail,
    shop,
    now,
  );
  // Once a member is erased, no process may keep a cached session of theirs.
  privacy.erasure.onErased(async (subject) => {
    if (subject.accountId) await sessions.endAll(subject.accountId);
  });
  return {
    /** What the members' pages say an account gives; modules that give more add a line (account-uses.ts). */
    accountUses: accountUses(),
    links,
    sessions,
    signUp,
    signIn: new SignInService(store, sessions, signInThrottle, signUp, now),
    knownDevices: new KnownDevices(platform.secrets, config.secureCookies, now),
    credentials,
    /** An erasure's plan as the receipt's lines, in a language. */
    erasureReceipt: privacy.erasure.receipt.bind(privacy.erasure),
    members: new MemberService(store, credentials, sessions, privacy.erasure, now),
    /** The member's Privacy area: a copy of their data, corrections, objections and restriction, who read their data. */
    privacyArea: new MemberPrivacy(database, privacy, now),
  };
}

/** The "someone is trying to sign in to your account" mail, in the member's language, with a reset link. */
function warnUnderAttack(platform: PlatformContext, urls: MemberUrls, owner: AccountOwner): Promise<void> {
  const locale = owner.locale ?? 'fr';
  const links = { signIn: urls.signIn(locale), reset: urls.forgotPassword(locale) };
  return platform.mail.queue(
    platform.database.db,
    signInWarningMail(platform.shop.identity(), locale, owner.email, links),
  );
}
