import { randomId } from '../../platform/crypto/tokens.js';
import { hashPassword } from '../../platform/crypto/password-hashing.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { AccountLinks } from './account-links.js';
import { accountMail } from './account-mail.js';
import type { MemberRow } from './member-tables.js';
import type { LoginThrottle } from '../../platform/auth/login-throttle.js';
import { emailKey, invalid, newAccountProblems } from '../../platform/auth/account-input.js';
import type { MemberUrls } from './member-urls.js';
import { usernameKey, usernameLookAlikeProblem, usernameProblem } from './member-input.js';
import type { MemberStore } from './member-store.js';
import { usernameSkeleton } from './username-skeleton.js';

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  name: string;
}

/**
 * Sign-up and email verification. A new account is inactive until its address is confirmed.
 * Signing up with an address that already has an account looks exactly the same from the form
 * ("check your inbox"); only the address's owner gets told, by email, that they already have one.
 * Both paths hash the password first, so they also take the same time.
 */
export class SignUpService {
  constructor(
    private readonly members: MemberStore,
    private readonly links: AccountLinks,
    private readonly mail: MailService,
    private readonly mailThrottle: LoginThrottle,
    private readonly shop: () => ShopIdentity,
    private readonly urls: MemberUrls,
    private readonly now: () => Date,
  ) {}

  async signUp(input: SignUpInput, locale: Locale, ip: string): Promise<void> {
    const username = input.username.trim();
    const email = input.email.trim();
    const name = input.name.trim();
    const problems = await newAccountProblems(
      { email, name, password: input.password, otherWords: [username] },
      this.shop().name,
    );
    const usernameIssue = usernameProblem(username) ?? (await usernameLookAlikeProblem(username));
    if (usernameIssue) problems.username = usernameIssue;
    if (Object.keys(problems).length > 0) throw invalid(problems);
    // A username is a name, not a secret (other visitors may see it once a module shows what
    // members write): saying one is taken reveals nothing.
    // A look-alike of a taken name (`pаypal` with a Cyrillic а for `paypal`) is taken too.
    const skeleton = await usernameSkeleton(username);
    if (await this.members.usernameTaken(usernameKey(username), skeleton)) throw usernameTaken();
    await this.mailThrottle.attempt(emailKey(email), ip);

    const passwordHash = await hashPassword(input.password);
    const existing = await this.members.findByEmailKey(emailKey(email));
    if (existing) return this.tellOwnerTheyHaveAnAccount(existing, locale);

    const now = this.now().toISOString();
    const member: MemberRow = {
      id: randomId(),
      username,
      username_key: usernameKey(username),
      username_skeleton: skeleton,
      email,
      email_key: emailKey(email),
      email_verified_at: null,
      password_hash: passwordHash,
      password_changed_at: now,
      name: name || null,
      address_line1: null,
      address_line2: null,
      postal_code: null,
      city: null,
      country: null,
      phone: null,
      preferred_locale: locale,
      display_name: null,
      bio: null,
      created_at: now,
      updated_at: now,
      last_seen_at: now,
    };
    try {
      await this.members.transaction().execute(async (trx) => {
        await this.members.insert(member, trx);
        const link = await this.links.issue(member.id, 'verify-email', email, locale, trx);
        await this.mail.queue(
          trx,
          accountMail(this.shop(), locale).verifyEmail(email, username, link.url),
          link.mailOptions,
        );
      });
    } catch (error) {
      // Two sign-ups raced past the checks above: the unique constraints decide.
      if (!isUniqueViolation(error)) throw error;
      if (await this.members.usernameTaken(member.username_key, skeleton)) throw usernameTaken();
      const winner = await this.members.findByEmailKey(member.email_key);
      if (winner) return this.tellOwnerTheyHaveAnAccount(winner, locale);
      throw error;
    }
  }

  /**
   * No confirmation link here, even for an unconfirmed account: that account may have been
   * created by someone else with this address and a password they know. Resetting the password
   * (which also confirms the address) is the way in for the mailbox's owner.
   */
  private async tellOwnerTheyHaveAnAccount(member: MemberRow, locale: Locale): Promise<void> {
    const links = { signIn: this.urls.signIn(locale), reset: this.urls.forgotPassword(locale) };
    await this.mail.queue(
      this.members.db,
      accountMail(this.shop(), locale).existingAccount(member.email, member.username, links, !member.email_verified_at),
    );
  }

  /**
   * Sends a fresh confirmation link to an unconfirmed account: at most one every 5 minutes, and
   * within the mail limits of its address (beyond them, silently none: the visitor is told to
   * confirm their address either way).
   */
  async resendVerification(member: MemberRow, locale: Locale, ip: string): Promise<void> {
    const last = await this.links.lastIssuedAt(member.id, 'verify-email');
    if (last && this.now().getTime() - Date.parse(last) < 5 * 60_000) return;
    try {
      await this.mailThrottle.attempt(member.email_key, ip);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VT_MAIL_THROTTLED') return;
      throw error;
    }
    await this.members.transaction().execute(async (trx) => {
      const link = await this.links.issue(member.id, 'verify-email', member.email, locale, trx);
      await this.mail.queue(
        trx,
        accountMail(this.shop(), locale).verifyEmail(member.email, member.username, link.url),
        link.mailOptions,
      );
    });
  }

  /** Uses a confirmation link; the address must still be the account's (not changed since). */
  async confirmEmail(token: string): Promise<MemberRow> {
    return this.members.transaction().execute(async (trx) => {
      const link = await this.links.consume(token, 'verify-email', trx);
      const member = link && (await this.members.findById(link.member_id, trx));
      if (!link || !member || member.email_key !== emailKey(link.email)) throw new AppError('VT_LINK_INVALID');
      if (!member.email_verified_at) {
        const now = this.now().toISOString();
        await this.members.update(member.id, { email_verified_at: now, updated_at: now }, trx);
        member.email_verified_at = now;
      }
      return member;
    });
  }
}

function usernameTaken() {
  return new AppError('VT_USERNAME_TAKEN', { fields: { username: 'username-taken' } });
}
