import { randomBytes } from 'node:crypto';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { RecoveryCodeStore } from './recovery-code-store.js';
import type { StaffActor, StaffAudit } from './staff-audit.js';

/** How many codes a staff member gets at once. */
export const recoveryCodeCount = 10;

// Crockford's base32 (no i, l, o, u): nothing to misread when copying a code from paper.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const codeLength = 12;

/** A code such as `7k2m-9qxd-4hfz`: 12 characters of 5 random bits, 60 bits in all. */
export function newRecoveryCode(): string {
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every character equally likely.
  const chars = [...randomBytes(codeLength)].map((byte) => alphabet[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * What a person typed, as the canonical code (lower case, no dashes or spaces, the look-alikes
 * i/l read as 1 and o as 0), or undefined when it cannot be a recovery code.
 */
export function canonicalRecoveryCode(typed: string): string | undefined {
  const code = typed.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  return code.length === codeLength && [...code].every((char) => alphabet.includes(char)) ? code : undefined;
}

/**
 * Recovery codes of staff two-factor sign-in: the way in when the authenticator app is lost.
 * Shown once when made; stored as HMAC-SHA-256 under a key derived from SECRET_KEY, bound to the
 * staff id. A fast hash is enough for 60 random bits (argon2 exists to slow down guessing of
 * low-entropy passwords), and it lets a code be found with one indexed query instead of ten
 * argon2 checks per attempt; the key means a copy of the database alone cannot even be brute-
 * forced offline. Online guessing is throttled with the TOTP codes (StaffService.checkCode).
 */
export class RecoveryCodes {
  constructor(
    private readonly store: RecoveryCodeStore,
    private readonly audit: StaffAudit,
    private readonly secrets: Secrets,
    private readonly now: () => Date,
  ) {}

  private hash(staffId: string, canonical: string): string {
    return this.secrets.sign('staff-recovery-code', `${staffId}:${canonical}`);
  }

  /** Makes a new set, replacing any older one, and returns the codes: the only time they exist in clear. */
  async make(staffId: string, actor: StaffActor): Promise<string[]> {
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    const hashes = codes.map((code) => this.hash(staffId, canonicalRecoveryCode(code) as string));
    await this.store.db.transaction().execute(async (trx) => {
      await this.store.replace(staffId, hashes, this.now().toISOString(), trx);
      await this.audit.record(
        { actor, action: 'recovery-codes-made', target: staffId, details: { codes: codes.length } },
        trx,
      );
    });
    return codes;
  }

  /** Uses a code up; returns how many remain, or undefined if the code is not (or no longer) valid. */
  async use(staffId: string, typed: string): Promise<number | undefined> {
    const canonical = canonicalRecoveryCode(typed);
    if (!canonical) return undefined;
    return this.store.db.transaction().execute(async (trx) => {
      if (!(await this.store.claim(staffId, this.hash(staffId, canonical), this.now().toISOString(), trx)))
        return undefined;
      const remaining = await this.store.remaining(staffId, trx);
      await this.audit.record(
        { actor: staffId, action: 'recovery-code-used', target: staffId, details: { remaining } },
        trx,
      );
      return remaining;
    });
  }

  remaining(staffId: string): Promise<number> {
    return this.store.remaining(staffId);
  }
}
