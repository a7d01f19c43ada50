import {
  hashPassword,
  needsRehash,
  verifyAgainstDecoy,
  verifyPassword,
} from '../../platform/crypto/password-hashing.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { MemberRow } from './member-tables.js';
import type { SessionRow } from '../../platform/auth/session-store.js';
import { type LoginThrottle, memberAccount } from '../../platform/auth/login-throttle.js';
import { emailKey } from '../../platform/auth/account-input.js';
import { usernameKey } from './member-input.js';
import type { MemberStore } from './member-store.js';
import type {
  ClientInfo,
  SessionLifetime,
  SessionService,
  StartedSession,
} from '../../platform/auth/session-service.js';
import type { SignUpService } from './sign-up-service.js';

/**
 * A member session lives 12 hours without use (and 7 days at most) when the browser forgets it
 * on closing; with "Remember me", 12 months after its last use, like the cookie.
 */
export function memberSessionLifetime(session: Pick<SessionRow, 'remember'>): SessionLifetime {
  return session.remember === 1 ? { idle: 'P12M' } : { idle: 'PT12H', absolute: 'P7D' };
}

export interface SignInInput {
  identifier: string;
  password: string;
  remember: boolean;
}

/**
 * Sign-in with username or email. Every failure says the same thing and takes the same time:
 * an unknown identifier is checked against a decoy hash, so neither the message nor the delay
 * tells whether an account exists.
 */
export class SignInService {
  constructor(
    private readonly members: MemberStore,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly signUps: SignUpService,
    private readonly now: () => Date,
  ) {}

  async signIn(
    input: SignInInput,
    client: ClientInfo,
    locale: Locale,
  ): Promise<StartedSession & { member: MemberRow }> {
    const identifier = input.identifier.trim();
    if (!identifier || !input.password) throw new AppError('VT_SIGN_IN_FAILED');
    const key = identifier.includes('@') ? emailKey(identifier) : usernameKey(identifier);
    const member = identifier.includes('@')
      ? await this.members.findByEmailKey(key)
      : await this.members.findByUsernameKey(key);
    // Typed as a username or as an email, an account is one account: its attempts are counted
    // under its id. An unknown identifier is counted under what was typed, by the same limits,
    // with the same answers: the throttle says nothing about which accounts exist.
    const account = member ? memberAccount(member.id) : `unknown:${key}`;
    await this.throttle.attempt(
      account,
      client,
      async () => member && { email: member.email, locale: member.preferred_locale as Locale },
    );
    const valid = member
      ? await verifyPassword(member.password_hash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!member || !valid) throw new AppError('VT_SIGN_IN_FAILED');
    await this.throttle.succeeded(account, client);
    if (!member.email_verified_at) {
      // Only someone who knows the password learns the account is not active yet.
      await this.signUps.resendVerification(member, locale, client.ip);
      throw new AppError('VT_EMAIL_NOT_VERIFIED');
    }

    const now = this.now().toISOString();
    const changes: Partial<MemberRow> = { last_seen_at: now };
    // Parameters raised since this hash was made: upgrade it now that we hold the password.
    if (needsRehash(member.password_hash)) changes.password_hash = await hashPassword(input.password);
    await this.members.update(member.id, changes);
    const started = await this.sessions.start(member.id, {
      lifetime: memberSessionLifetime({ remember: input.remember ? 1 : 0 }),
      remember: input.remember,
      client,
    });
    return { ...started, member };
  }
}
