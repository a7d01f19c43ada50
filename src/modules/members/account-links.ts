import type { Transaction } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { QueueOptions } from '../../platform/mail/mail-service.js';
import { addDuration } from '../../privacy/core/duration.js';
import type { MemberTables, TokenPurpose, TokenRow } from './member-tables.js';
import type { AccountTokenStore } from './account-token-store.js';
import type { MemberUrls } from './member-urls.js';
import { isTokenShaped } from '../../platform/crypto/tokens.js';
import { hashToken } from '../../platform/auth/session-service.js';

/** How long each kind of emailed link works. */
const linkLifetime: Record<TokenPurpose, string> = {
  'verify-email': 'P1D',
  'reset-password': 'PT1H',
  'change-email': 'P1D',
};

export interface IssuedLink {
  url: string;
  /** For MailService.queue: the token is a one-time secret, working until the link expires. */
  mailOptions: QueueOptions;
}

/**
 * One-time links sent by email (verify an address, reset a password, confirm a new address):
 * 256 random bits in the link, only their hash in the database, a lifetime per kind, single use.
 * Opening a link shows a page with a button; only that button's POST uses the token, so mail
 * scanners that prefetch links cannot use them up.
 */
export class AccountLinks {
  constructor(
    private readonly tokens: AccountTokenStore,
    private readonly urls: MemberUrls,
    private readonly now: () => Date,
  ) {}

  /**
   * Issues a link (retiring older ones of the same kind) inside the caller's transaction. The
   * mail that carries it passes `secret` to MailService.queue (`mailOptions`), so no stored copy
   * of the mail keeps the token.
   */
  async issue(
    memberId: string,
    purpose: TokenPurpose,
    email: string,
    locale: Locale,
    trx: Transaction<MemberTables>,
  ): Promise<IssuedLink> {
    const token = randomId(32);
    const now = this.now();
    const expiresAt = addDuration(now, linkLifetime[purpose]).toISOString();
    await this.tokens.retireAll(memberId, purpose, now.toISOString(), trx);
    await this.tokens.insert(
      {
        token_hash: hashToken(token),
        member_id: memberId,
        purpose,
        email,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      },
      trx,
    );
    return {
      url: this.urls.link(purpose, locale, token),
      mailOptions: { secrets: [token], secretsExpireAt: expiresAt },
    };
  }

  /** Whether a link still works, without using it (the page with the button). */
  async isUsable(token: string, purpose: TokenPurpose): Promise<TokenRow | undefined> {
    if (!isTokenShaped(token)) return undefined;
    return this.tokens.findUsable(hashToken(token), purpose, this.now().toISOString());
  }

  /** Uses the link up inside the caller's transaction; undefined if expired, used or unknown. */
  async consume(token: string, purpose: TokenPurpose, trx: Transaction<MemberTables>): Promise<TokenRow | undefined> {
    if (!isTokenShaped(token)) return undefined;
    return this.tokens.consume(hashToken(token), purpose, this.now().toISOString(), trx);
  }

  retireAll(memberId: string, purpose: TokenPurpose, trx: Transaction<MemberTables>) {
    return this.tokens.retireAll(memberId, purpose, this.now().toISOString(), trx);
  }

  lastIssuedAt(memberId: string, purpose: TokenPurpose) {
    return this.tokens.lastIssuedAt(memberId, purpose);
  }
}
