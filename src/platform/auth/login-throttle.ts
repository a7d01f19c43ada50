import { clientNetwork } from '../http/client-network.js';
import { AppError } from '../http/errors.js';
import type { Locale } from '../http/i18n.js';
import type { RateLimitStore } from '../http/rate-limit/rate-limit-store.js';
import type { Secrets } from '../crypto/secrets.js';

export interface ThrottleLimits {
  /**
   * Attempts on one account from one IP address per window: what stops guessing from one place.
   * Without it, `perAccount` applies to every attempt, from anywhere (mail limits).
   */
  perAccountAndAddress?: number;
  /**
   * Attempts on one account (known or not) per window, from anywhere. With `perAccountAndAddress`
   * it is a much higher ceiling against guessing from many addresses, which a known device passes.
   */
  perAccount: number;
  /** Attempts from one IP address per window, whatever the accounts. */
  perAddress: number;
  windowMs: number;
}

/**
 * 5 tries per account and address, 30 per address, 100 per account from everywhere: a guesser
 * gets 100 tries in 15 minutes at most, whatever they control, and a stranger can no longer lock
 * an owner out with 5 wrong passwords (issue 7, finding 9; docs/accounts.md).
 */
export const signInLimits: ThrottleLimits = {
  perAccountAndAddress: 5,
  perAccount: 100,
  perAddress: 30,
  windowMs: 15 * 60_000,
};

/** Emails sent on a visitor's request (sign-up, reset link): per recipient address and per IP. */
export const mailLimits: ThrottleLimits = { perAccount: 3, perAddress: 20, windowMs: 60 * 60_000 };

/**
 * What the browser making a request proves about earlier sign-ins (known-devices.ts reads and
 * writes it from a signed cookie). Accounts are named by their throttle identifier.
 */
export interface KnownDevice {
  knows(account: string): boolean;
  remember(account: string): void;
}

export interface ThrottleClient {
  ip: string;
  device?: KnownDevice;
}

/** The owner of an account under attack, in their language when it is known. */
export interface AccountOwner {
  email: string;
  locale?: Locale;
}

/** Who to warn when an account reaches the ceiling; undefined for an identifier with no account. */
export type UnderAttackRecipient = () => Promise<AccountOwner | undefined>;

export interface LoginThrottleOptions {
  limits?: ThrottleLimits;
  scope?: string;
  refusal?: 'VT_SIGN_IN_THROTTLED' | 'VT_MAIL_THROTTLED';
  /** Sends the "someone is trying to sign in to your account" mail. */
  warn?: (owner: AccountOwner) => Promise<void>;
}

/** The throttle identifier of a member account, the same whether they typed username or email. */
export const memberAccount = (memberId: string) => `member:${memberId}`;

/**
 * Brute-force protection for sign-in and other password checks (OWASP Authentication cheat
 * sheet). The account key is whatever identifies the account, whether or not it exists, so
 * throttling reveals nothing about which accounts exist. Keys are HMACs: the store never holds
 * an address or a username.
 *
 * An attempt counts against the address, against the (account, address) pair, and only when
 * both of those allow it, against the account's ceiling from everywhere. A known device (or a
 * "remember me" session of the account) does not count against nor stop at the ceiling, so the
 * owner still signs in during an attack. The attempt that first reaches the ceiling in a window
 * warns the account's owner by email (once per window: fixed windows count it exactly once).
 * A successful attempt clears its pair's count, never the address's or the ceiling's.
 */
export class LoginThrottle {
  private readonly limits: ThrottleLimits;
  private readonly scope: string;
  private readonly refusal: 'VT_SIGN_IN_THROTTLED' | 'VT_MAIL_THROTTLED';

  constructor(
    private readonly store: RateLimitStore,
    private readonly secrets: Secrets,
    private readonly options: LoginThrottleOptions = {},
  ) {
    this.limits = options.limits ?? signInLimits;
    this.scope = options.scope ?? 'sign-in';
    this.refusal = options.refusal ?? 'VT_SIGN_IN_THROTTLED';
  }

  private key(kind: 'account' | 'pair' | 'ip', value: string) {
    return `${this.scope}:${kind}:${this.secrets.sign('throttle', value).slice(0, 22)}`;
  }

  private refuse(resetAt: number): AppError {
    return new AppError(this.refusal, { retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) });
  }

  /**
   * Counts one attempt; throws the refusal (VT_SIGN_IN_THROTTLED) when over a limit. `client` is
   * an IP address, or the address and the device. `recipient` names who to warn at the ceiling.
   */
  async attempt(identifier: string, client: string | ThrottleClient, recipient?: UnderAttackRecipient): Promise<void> {
    const { ip, device } = clientOf(client);
    const { perAccountAndAddress, perAccount, perAddress, windowMs } = this.limits;
    const [address, pair] = await Promise.all([
      this.store.hit(this.key('ip', ip), windowMs),
      perAccountAndAddress === undefined
        ? undefined
        : this.store.hit(this.key('pair', `${identifier}\n${ip}`), windowMs),
    ]);
    const over = Math.max(
      address.count > perAddress ? address.resetAt : 0,
      pair && perAccountAndAddress !== undefined && pair.count > perAccountAndAddress ? pair.resetAt : 0,
    );
    if (over > 0) throw this.refuse(over);
    if (pair && device?.knows(identifier)) return;
    const account = await this.store.hit(this.key('account', identifier), windowMs);
    if (account.count <= perAccount) return;
    if (account.count === perAccount + 1 && recipient && this.options.warn) {
      const to = await recipient();
      if (to) await this.options.warn(to);
    }
    throw this.refuse(account.resetAt);
  }

  /** After the right password: the pair starts again, and this browser now knows the account. */
  async succeeded(identifier: string, client: string | ThrottleClient): Promise<void> {
    const { ip, device } = clientOf(client);
    if (this.limits.perAccountAndAddress === undefined) return this.store.reset(this.key('account', identifier));
    await this.store.reset(this.key('pair', `${identifier}\n${ip}`));
    device?.remember(identifier);
  }
}

/** The client as the limits count it: an IPv4 address or an IPv6 /64 (client-network.ts). */
function clientOf(client: string | ThrottleClient): { ip: string; device: KnownDevice | undefined } {
  const { ip, device } = typeof client === 'string' ? { ip: client, device: undefined } : client;
  return { ip: clientNetwork(ip), device };
}
