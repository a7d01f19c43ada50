import { hashPassword, verifyPassword } from '../../platform/crypto/password-hashing.js';
import { AppError } from '../../platform/http/errors.js';
import { type Locale, isLocale } from '../../platform/http/i18n.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { AccountLinks } from './account-links.js';
import { accountMail } from './account-mail.js';
import type { MemberRow } from './member-tables.js';
import type { SessionRow } from '../../platform/auth/session-store.js';
import { type KnownDevice, type LoginThrottle, memberAccount } from '../../platform/auth/login-throttle.js';
import { emailKey, emailProblem, invalid, newPasswordProblem } from '../../platform/auth/account-input.js';
import type { MemberStore } from './member-store.js';
import type { ClientInfo, SessionService, StartedSession } from '../../platform/auth/session-service.js';
import { memberSessionLifetime } from './sign-in-service.js';

export const passwordResetJob = defineJob({
  name: 'accounts.send-password-reset',
  parse: (payload): { email: string; locale: Locale } => {
    const { email, locale } = (payload ?? {}) as { email?: unknown; locale?: unknown };
    if (typeof email !== 'string' || !isLocale(locale)) throw new Error('expected an email and a locale');
    return { email, locale };
  },
});
/**
 * Passwords and addresses: reset by emailed link, change with the current password, change of
 * address confirmed from the new mailbox. Changing the password ends every other session.
 */
export class CredentialsService {
  constructor(
    private readonly members: MemberStore,
    private readonly links: AccountLinks,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly mailThrottle: LoginThrottle,
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
    private readonly shop: () => ShopIdentity,
    private readonly now: () => Date,
  ) {}

  /**
   * Asks for a reset link. The request only queues a job, whether or not the address has an
   * account: the answer and its timing are the same; the job sends a link only to a member.
   */
  async requestPasswordReset(email: string, locale: Locale, ip: string): Promise<void> {
    const problem = emailProblem(email.trim());
    if (problem) throw invalid({ email: problem });
    await this.mailThrottle.attempt(emailKey(email), ip);
    await this.jobs.enqueue(this.members.db, passwordResetJob, { email: email.trim(), locale }, { maxAttempts: 5 });
  }

  /** The job handler behind requestPasswordReset. */
  readonly sendPasswordReset = async ({ email, locale }: ReturnType<typeof passwordResetJob.parse>): Promise<void> => {
    const member = await this.members.findByEmailKey(emailKey(email));
    if (!member) return;
    await this.members.transaction().execute(async (trx) => {
      const link = await this.links.issue(member.id, 'reset-password', member.email, locale, trx);
      await this.mail.queue(
        trx,
        accountMail(this.shop(), locale).passwordReset(member.email, link.url),
        link.mailOptions,
      );
    });
  };

  /**
   * The member a reset link is for (to check the new password against their own words), if the
   * link was sent to the account's current address: a link sent before a change of address
   * does not work after it.
   */
  async memberOfResetLink(token: string): Promise<MemberRow | undefined> {
    const link = await this.links.isUsable(token, 'reset-password');
    const member = link && (await this.members.findById(link.member_id));
    return member && member.email_key === emailKey(link.email) ? member : undefined;
  }

  /**
   * Sets the new password from a reset link. The browser that did it (it read the mailbox) becomes
   * a known device of the account: it can sign in even while the account is under attack.
   */
  async resetPassword(token: string, password: string, device?: KnownDevice): Promise<void> {
    const member = await this.memberOfResetLink(token);
    if (!member) throw new AppError('VT_LINK_INVALID');
    const problem = await newPasswordProblem(password, personalWords(member, this.shop()));
    if (problem) throw invalid({ password: problem });
    const passwordHash = await hashPassword(password);
    await this.members.transaction().execute(async (trx) => {
      if (!(await this.links.consume(token, 'reset-password', trx))) throw new AppError('VT_LINK_INVALID');
      const now = this.now().toISOString();
      // The link reached the mailbox: that confirms the address as well.
      await this.members.update(
        member.id,
        {
          password_hash: passwordHash,
          password_changed_at: now,
          updated_at: now,
          email_verified_at: member.email_verified_at ?? now,
        },
        trx,
      );
      // A pending change of address may be the intruder's, the reason for this reset: cancel it.
      await this.links.retireAll(member.id, 'change-email', trx);
      await this.mail.queue(
        trx,
        accountMail(this.shop(), member.preferred_locale as Locale).passwordChanged(member.email),
      );
    });
    await this.sessions.endAll(member.id);
    device?.remember(memberAccount(member.id));
  }

  /** Checks the current password (throttled like sign-in), for changes that need it. */
  async checkCurrentPassword(member: MemberRow, password: string, ip: string): Promise<void> {
    await this.throttle.attempt(member.id, ip);
    if (!(await verifyPassword(member.password_hash, password)))
      throw new AppError('VT_PASSWORD_WRONG', { fields: { current_password: 'password-wrong' } });
    await this.throttle.succeeded(member.id, ip);
  }

  /** Returns the session that replaces the current one (new token: privilege change). */
  async changePassword(
    member: MemberRow,
    session: SessionRow,
    input: { current: string; next: string },
    client: ClientInfo,
  ): Promise<StartedSession> {
    const problem = await newPasswordProblem(input.next, personalWords(member, this.shop()));
    if (problem) throw invalid({ new_password: problem });
    await this.checkCurrentPassword(member, input.current, client.ip);
    const passwordHash = await hashPassword(input.next);
    await this.members.transaction().execute(async (trx) => {
      const now = this.now().toISOString();
      await this.members.update(
        member.id,
        { password_hash: passwordHash, password_changed_at: now, updated_at: now },
        trx,
      );
      // The "address change requested" mail says "if this was not you, change your password":
      // doing so must cancel that change, and any reset link that is still open.
      await this.links.retireAll(member.id, 'change-email', trx);
      await this.links.retireAll(member.id, 'reset-password', trx);
      await this.mail.queue(
        trx,
        accountMail(this.shop(), member.preferred_locale as Locale).passwordChanged(member.email),
      );
    });
    await this.sessions.endAll(member.id, session.id);
    return this.sessions.rotate(session, { lifetime: memberSessionLifetime(session), client });
  }

  /**
   * Starts a change of address: a link goes to the new address, a notice to the current one.
   * Whether the new address belongs to another account is only checked when the link is used,
   * by whoever holds that mailbox: the form reveals nothing about other accounts.
   */
  async requestEmailChange(
    member: MemberRow,
    input: { email: string; current: string },
    ip: string,
    locale: Locale,
  ): Promise<void> {
    const email = input.email.trim();
    const problem = emailProblem(email);
    if (problem) throw invalid({ email: problem });
    if (emailKey(email) === member.email_key) throw invalid({ email: 'email-same' });
    await this.checkCurrentPassword(member, input.current, ip);
    // It sends mail to an address the member types: limited like sign-up and reset requests.
    await this.mailThrottle.attempt(emailKey(email), ip);
    await this.members.transaction().execute(async (trx) => {
      const link = await this.links.issue(member.id, 'change-email', email, locale, trx);
      const mails = accountMail(this.shop(), locale);
      await this.mail.queue(trx, mails.confirmNewEmail(email, link.url), link.mailOptions);
      await this.mail.queue(trx, mails.emailChangeRequested(member.email, email));
    });
  }

  /**
   * Uses a confirmation link. The account's other links (sent to the old address) are retired,
   * and every session but `keepSessionId` (the browser confirming, if signed in) is ended.
   */
  async confirmEmailChange(token: string, keepSessionId?: string): Promise<MemberRow> {
    const member = await this.members.transaction().execute(async (trx) => {
      const link = await this.links.consume(token, 'change-email', trx);
      const member = link && (await this.members.findById(link.member_id, trx));
      if (!link || !member) throw new AppError('VT_LINK_INVALID');
      const now = this.now().toISOString();
      const changes = { email: link.email, email_key: emailKey(link.email), email_verified_at: now, updated_at: now };
      const owner = await this.members.findByEmailKey(changes.email_key, trx);
      if (owner && owner.id !== member.id) throw new AppError('VT_EMAIL_TAKEN');
      await this.members.update(member.id, changes, trx);
      await this.links.retireAll(member.id, 'reset-password', trx);
      await this.links.retireAll(member.id, 'verify-email', trx);
      return { ...member, ...changes };
    });
    await this.sessions.endAll(member.id, keepSessionId);
    return member;
  }
}

/** Words a member's password must not be built from. */
export function personalWords(member: Pick<MemberRow, 'username' | 'email'>, shop: ShopIdentity): string[] {
  return [member.username, member.email, member.email.split('@')[0] ?? '', shop.name];
}
