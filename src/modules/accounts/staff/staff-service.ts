import type { FieldEncryption } from '../../../platform/crypto/field-encryption.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../../../platform/crypto/password-hashing.js';
import { randomId } from '../../../platform/crypto/tokens.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';
import { AppError } from '../../../platform/http/errors.js';
import { type StaffPrincipal, type StaffRole, isStaffRole } from '../../../platform/http/staff-access.js';
import type { ShopIdentity } from '../../shop/shop-identity.js';
import type { SessionRow, StaffRow } from '../account-tables.js';
import type { LoginThrottle } from '../login-throttle.js';
import { type FieldProblems, emailKey, emailProblem, invalid, newPasswordProblem } from '../member-input.js';
import type { ClientInfo, SessionLifetime, SessionService, StartedSession } from '../sessions/session-service.js';
import type { StaffStore } from './staff-store.js';
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
  ) {}

  async create(input: NewStaff): Promise<StaffRow> {
    const email = input.email.trim();
    const name = input.name.trim();
    const problems: FieldProblems = {};
    const emailIssue = emailProblem(email);
    if (emailIssue) problems.email = emailIssue;
    if (!name || [...name].length > 100) problems.name = name ? 'too-long' : 'required';
    if (!isStaffRole(input.role)) problems.role = 'role';
    const passwordIssue = await newPasswordProblem(input.password, [email, email.split('@')[0] ?? '', name, this.shop().name]);
    if (passwordIssue) problems.password = passwordIssue;
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const now = this.now().toISOString();
    const row: StaffRow = {
      id: randomId(),
      email,
      email_key: emailKey(email),
      name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      created_at: now,
      updated_at: now,
      last_seen_at: now,
    };
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
  async checkPassword(input: { email: string; password: string }, client: ClientInfo): Promise<StartedSession & { needsSetup: boolean }> {
    const key = emailKey(input.email);
    await this.throttle.attempt(`staff:${key}`, client.ip);
    const staff = key ? await this.store.findByEmailKey(key) : undefined;
    const valid = staff ? await verifyPassword(staff.password_hash, input.password) : await verifyAgainstDecoy(input.password);
    if (!staff || !valid) throw new AppError('VT_SIGN_IN_FAILED');
    await this.throttle.succeeded(`staff:${key}`);
    const started = await this.sessions.start(staff.id, { lifetime: staffSessionLifetime({ stage: 'password' }), remember: false, stage: 'password', client });
    return { ...started, needsSetup: !staff.totp_enabled_at };
  }

  /** The staff member half-way through signing in (password passed, code not yet). */
  async pendingStaff(session: SessionRow | undefined): Promise<StaffRow | undefined> {
    if (session?.stage !== 'password') return undefined;
    return this.store.findById(session.account_id);
  }

  /** The key to show at two-factor setup: made once, kept (encrypted) until the setup is confirmed. */
  async setupKey(staff: StaffRow): Promise<{ secret: string; qrSvg: string }> {
    if (staff.totp_enabled_at) throw new AppError('VT_BAD_REQUEST');
    let secret = staff.totp_secret ? this.totpKeys.decrypt(staff.totp_secret) : undefined;
    if (!secret) {
      secret = await newTotpSecret();
      await this.store.update(staff.id, { totp_secret: this.totpKeys.encrypt(secret), updated_at: this.now().toISOString() });
    }
    return { secret, qrSvg: await qrCodeSvg(await totpUri(secret, this.shop().name, staff.email)) };
  }

  /**
   * Step two: the code (which also confirms a first setup). The half-way session is replaced by
   * a new, complete one: a new token for the new privilege.
   */
  async checkCode(session: SessionRow, code: string, client: ClientInfo): Promise<StartedSession> {
    const staff = await this.pendingStaff(session);
    if (!staff?.totp_secret) throw new AppError('VT_UNAUTHORIZED');
    await this.throttle.attempt(`staff-code:${staff.id}`, client.ip);
    const now = this.now();
    const step = await totpStepOf(this.totpKeys.decrypt(staff.totp_secret), code, now);
    if (step === undefined || !(await this.store.claimTotpStep(staff.id, step))) throw new AppError('VT_TOTP_INVALID');
    await this.throttle.succeeded(`staff-code:${staff.id}`);
    await this.store.update(staff.id, { last_seen_at: now.toISOString(), ...(staff.totp_enabled_at ? {} : { totp_enabled_at: now.toISOString() }) });
    return this.sessions.rotate(session, { lifetime: staffSessionLifetime({ stage: 'complete' }), stage: 'complete', client });
  }

  async principalOf(session: SessionRow): Promise<StaffPrincipal | undefined> {
    if (session.stage !== 'complete') return undefined;
    const staff = await this.store.findById(session.account_id);
    if (!staff || !isStaffRole(staff.role)) return undefined;
    return { id: staff.id, name: staff.name, email: staff.email, role: staff.role as StaffRole, sessionId: session.id };
  }

  list(): Promise<StaffRow[]> {
    return this.store.list();
  }
}
