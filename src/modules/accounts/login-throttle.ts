import { AppError } from '../../platform/http/errors.js';
import type { RateLimitStore } from '../../platform/http/rate-limit/rate-limit-store.js';
import type { Secrets } from '../../platform/crypto/secrets.js';

export interface ThrottleLimits {
  /** Attempts on one account (known or not) per window. */
  perAccount: number;
  /** Attempts from one IP address per window, whatever the accounts. */
  perAddress: number;
  windowMs: number;
}

export const signInLimits: ThrottleLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000 };

/** Emails sent on a visitor's request (sign-up, reset link): per recipient address and per IP. */
export const mailLimits: ThrottleLimits = { perAccount: 3, perAddress: 20, windowMs: 60 * 60_000 };

/**
 * Brute-force protection for sign-in and other password checks (OWASP Authentication cheat
 * sheet): a few attempts per account, more per IP address. The account key is the typed
 * identifier, whether or not an account has it, so throttling reveals nothing about which
 * accounts exist. Keys are HMACs: the store never holds an address or a username.
 * A successful sign-in clears the account's count (not the address's).
 */
export class LoginThrottle {
  constructor(
    private readonly store: RateLimitStore,
    private readonly secrets: Secrets,
    private readonly limits: ThrottleLimits = signInLimits,
    private readonly scope = 'sign-in',
    private readonly refusal: 'VT_SIGN_IN_THROTTLED' | 'VT_MAIL_THROTTLED' = 'VT_SIGN_IN_THROTTLED',
  ) {}

  private accountKey(identifier: string) {
    return `${this.scope}:account:${this.secrets.sign('throttle', identifier).slice(0, 22)}`;
  }

  /** Counts one attempt; throws the refusal (VT_SIGN_IN_THROTTLED) when over either limit. */
  async attempt(identifier: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.store.hit(this.accountKey(identifier), this.limits.windowMs),
      this.store.hit(`${this.scope}:ip:${this.secrets.sign('throttle', ip).slice(0, 22)}`, this.limits.windowMs),
    ]);
    const over = [account.count > this.limits.perAccount ? account.resetAt : 0, address.count > this.limits.perAddress ? address.resetAt : 0];
    const resetAt = Math.max(...over);
    if (resetAt > 0) throw new AppError(this.refusal, { retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) });
  }

  /** Counts one more attempt on an account key only (no address): see SignInService. */
  async attemptAccount(identifier: string): Promise<void> {
    const account = await this.store.hit(this.accountKey(identifier), this.limits.windowMs);
    if (account.count > this.limits.perAccount) {
      throw new AppError(this.refusal, { retryAfterSeconds: Math.max(1, Math.ceil((account.resetAt - Date.now()) / 1000)) });
    }
  }

  succeeded(identifier: string): Promise<void> {
    return this.store.reset(this.accountKey(identifier));
  }
}
