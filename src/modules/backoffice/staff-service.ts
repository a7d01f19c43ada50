import type { FieldEncryption } from '../../platform/crypto/field-encryption.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../../platform/crypto/password-hashing.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { AppError } from '../../platform/http/errors.js';
import { type StaffPrincipal, type StaffRole, isStaffRole } from './staff-access.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { StaffRow } from './staff-tables.js';
import type { SessionRow } from '../../platform/auth/session-store.js';
import type { LoginThrottle } from '../../platform/auth/login-throttle.js';
import { emailKey, invalid } from '../../platform/auth/account-input.js';
import type {
  ClientInfo,
  SessionLifetime,
  SessionService,
  StartedSession,
} from '../../platform/auth/session-service.js';
import type { StaffStore } from './staff-store.js';
import { type RecoveryCodes, canonicalRecoveryCode } from './recovery-codes.js';
import { newStaffProblems, newStaffRow } from './staff-input.js';
import { newTotpSecret, qrCodeSvg, totpStepOf, totpUri } from './totp.js';

/**
 * Between the password and the code, a staff session may only finish signing in, for 10 minutes.
 * A signed-in staff session ends after an hour without use, and 12 hours after sign-in at most.
 */
export function staffSessionLifetime(session: Pick<SessionRow, 'stage'>): SessionLifetime {
  return session.stage === 'complete' ? { idle: 'PT1H', absolute: 'PT12H' } : { idle: 'PT10M', absolute: 'PT10M' };
}

export interface NewStaff {
  email: string;
  name: string;
  role: string;
  password: string;
}

/**
 * Staff accounts and their two-step sign-in: password, then a code from an authenticator app
 * (TOTP). A staff member without two-factor set up must set it up at their first sign-in, before
 * any back-office page opens. The TOTP key is stored encrypted; each code works once.
 */
export class StaffService {
  constructor(
    private readonly store: StaffStore,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly totpKeys: FieldEncryption,
    private readonly shop: () => ShopIdentity,
    private readonly now: () => Date,
    readonly recovery: RecoveryCodes,
  ) {}

  async create(input: NewStaff): Promise<StaffRow> {
    const email = input.email.trim();
    const name = input.name.trim();
    const problems = await newStaffProblems(
      { email, name, role: input.role, password: input.password },
      this.shop().name,
    );
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const row = newStaffRow({
      email,
      name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      now: this.now().toISOString(),
    });
    try {
      await this.store.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid({ email: 'staff-email-taken' });
      throw error;
    }
    return row;
  }

  hasAnyStaff(): Promise<boolean> {
    return this.store.count().then((count) => count > 0);
  }

  /** Step one: the password. Returns a session that can only go on to the code. */
  async checkPassword(
    input: { email: string; password: string },
    client: ClientInfo,
  ): Promise<StartedSession & { needsSetup: boolean }> {
    const key = emailKey(input.email);
    // Counted per (account, address) and under the account's ceiling, which a known device
    // passes; the staff member is warned by mail at the ceiling (login-throttle.ts).
    await this.throttle.attempt(`staff:${key}`, client, async () => {
      const owner = key ? await this.store.findByEmailKey(key) : undefined;
      return owner && { email: owner.email };
    });
    const staff = key ? await this.store.findByEmailKey(key) : undefined;
    // An invited account without a password yet ('') costs the decoy's time; a disabled one fails
    // after its real check: both answer exactly like a wrong password.
    const valid = staff?.password_hash
      ? await verifyPassword(staff.password_hash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!staff || !valid || staff.disabled_at) throw new AppError('VT_SIGN_IN_FAILED');
    await this.throttle.succeeded(`staff:${key}`, client);
    const started = await this.sessions.start(staff.id, {
      lifetime: staffSessionLifetime({ stage: 'password' }),
      remember: false,
      stage: 'password',
      client,
    });
    return { ...started, needsSetup: !staff.totp_enabled_at };
  }

  /** The staff member half-way through signing in (password passed, code not yet). */
  async pendingStaff(session: SessionRow | undefined): Promise<StaffRow | undefined> {
    if (session?.stage !== 'password') return undefined;
    const staff = await this.store.findById(session.account_id);
    return staff?.disabled_at ? undefined : staff;
  }

  /** The key to show at two-factor setup: made once, kept (encrypted) until the setup is confirmed. */
  async setupKey(staff: StaffRow): Promise<{ secret: string; qrSvg: string }> {
    if (staff.totp_enabled_at) throw new AppError('VT_BAD_REQUEST');
    let secret = staff.totp_secret ? this.totpKeys.decrypt(staff.totp_secret) : undefined;
    if (!secret) {
      secret = await newTotpSecret();
      await this.store.update(staff.id, {
        totp_secret: this.totpKeys.encrypt(secret),
        updated_at: this.now().toISOString(),
      });
    }
    return { secret, qrSvg: await qrCodeSvg(await totpUri(secret, this.shop().name, staff.email)) };
  }

  /**
   * Step two: the code (which also confirms a first setup), or once two-factor is on, one of the
   * recovery codes instead (same throttle). The half-way session is replaced by a new, complete
   * one: a new token for the new privilege. Confirming the setup makes the recovery codes, which
   * the caller shows this once; signing in with one says how many remain.
   */
  async checkCode(
    session: SessionRow,
    code: string,
    client: ClientInfo,
  ): Promise<StartedSession & { recoveryCodes?: string[]; recoveryCodesLeft?: number }> {
    const staff = await this.pendingStaff(session);
    if (!staff?.totp_secret) throw new AppError('VT_UNAUTHORIZED');
    // The same limits as the password step, and the same warning mail to the staff member at the ceiling.
    await this.throttle.attempt(`staff-code:${staff.id}`, client, async () => ({ email: staff.email }));
    const now = this.now();
    let recoveryCodesLeft: number | undefined;
    if (staff.totp_enabled_at && canonicalRecoveryCode(code)) {
      recoveryCodesLeft = await this.recovery.use(staff.id, code);
      if (recoveryCodesLeft === undefined) throw new AppError('VT_TOTP_INVALID');
    } else {
      const step = await totpStepOf(this.totpKeys.decrypt(staff.totp_secret), code, now);
      if (step === undefined || !(await this.store.claimTotpStep(staff.id, step)))
        throw new AppError('VT_TOTP_INVALID');
    }
    await this.throttle.succeeded(`staff-code:${staff.id}`, client);
    await this.store.update(staff.id, {
      last_seen_at: now.toISOString(),
      ...(staff.totp_enabled_at ? {} : { totp_enabled_at: now.toISOString() }),
    });
    const recoveryCodes = staff.totp_enabled_at ? undefined : await this.recovery.make(staff.id, staff.id);
    const started = await this.sessions.rotate(session, {
      lifetime: staffSessionLifetime({ stage: 'complete' }),
      stage: 'complete',
      client,
    });
    return { ...started, recoveryCodes, recoveryCodesLeft };
  }

  /**
   * A new set of recovery codes for a signed-in staff member, only against a current code of their
   * authenticator app: a stolen session cookie alone cannot mint a way in that outlives the session.
   * The code is throttled and used up like a sign-in code.
   */
  async remakeRecoveryCodes(staffId: string, code: string, client: ClientInfo): Promise<string[]> {
    const staff = await this.store.findById(staffId);
    if (!staff?.totp_secret || !staff.totp_enabled_at || staff.disabled_at) throw new AppError('VT_BAD_REQUEST');
    await this.throttle.attempt(`staff-code:${staff.id}`, client, async () => ({ email: staff.email }));
    const step = await totpStepOf(this.totpKeys.decrypt(staff.totp_secret), code, this.now());
    if (step === undefined || !(await this.store.claimTotpStep(staff.id, step))) throw invalid({ code: 'totp-wrong' });
    await this.throttle.succeeded(`staff-code:${staff.id}`, client);
    return this.recovery.make(staff.id, staff.id);
  }

  async principalOf(session: SessionRow): Promise<StaffPrincipal | undefined> {
    if (session.stage !== 'complete') return undefined;
    const staff = await this.store.findById(session.account_id);
    if (!staff || staff.disabled_at || !isStaffRole(staff.role)) return undefined;
    return { id: staff.id, name: staff.name, email: staff.email, role: staff.role as StaffRole, sessionId: session.id };
  }

  list(): Promise<StaffRow[]> {
    return this.store.list();
  }
}
