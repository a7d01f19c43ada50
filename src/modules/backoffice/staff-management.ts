import type { Transaction } from 'kysely';
import { hashPassword } from '../../platform/crypto/password-hashing.js';
import { randomId } from '../../platform/crypto/tokens.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { AppError } from '../../platform/http/errors.js';
import { type Locale, isLocale } from '../../platform/http/i18n.js';
import { isStaffRole } from './staff-access.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import { isTokenShaped } from '../../platform/crypto/tokens.js';
import type { StaffTables, StaffRow } from './staff-tables.js';
import { emailKey, invalid, newAccountProblems } from '../../platform/auth/account-input.js';
import { hashToken } from '../../platform/auth/session-service.js';
import type { SessionService } from '../../platform/auth/session-service.js';
import type { RecoveryCodeStore } from './recovery-code-store.js';
import type { StaffActor, StaffAudit, StaffAuditEntry } from './staff-audit.js';
import type { StaffInvitationStore } from './staff-invitation-store.js';
import { newStaffProblems, newStaffRow } from './staff-input.js';
import { staffMail } from './staff-mail.js';
import type { StaffStore } from './staff-store.js';

/** How long an invitation link works. */
export const invitationHours = 72;

export interface Invitation {
  email: string;
  name: string;
  role: string;
  locale: string;
}

/**
 * What an owner (or the server's command line) does to staff accounts: invite, change role,
 * disable and re-enable, reset two-factor. Each change and its audit row are one transaction;
 * disabling and resetting end the person's sessions at once. The last owner who can sign in
 * cannot be disabled or demoted, so the back office always keeps someone who can manage it
 * (and `staff:reset-2fa` is the way back in for that owner). The acting owner is checked again
 * inside each change's transaction: one disabled or demoted while their request runs changes
 * nothing.
 */
export class StaffManagement {
  constructor(
    private readonly store: StaffStore,
    private readonly sessions: SessionService,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly invitations: StaffInvitationStore,
    private readonly audit: StaffAudit,
    private readonly mail: MailService,
    private readonly shop: () => ShopIdentity,
    private readonly publicUrl: string,
    private readonly now: () => Date,
  ) {}

  /** Creates the account without a password and emails its holder a link to choose one. */
  async invite(actor: StaffActor, input: Invitation): Promise<StaffRow> {
    const email = input.email.trim();
    const name = input.name.trim();
    const problems = await newStaffProblems({ email, name, role: input.role }, this.shop().name);
    if (!isLocale(input.locale)) problems.locale = 'locale';
    if (Object.keys(problems).length > 0) throw invalid(problems);
    // No password until the invitation is accepted: '' matches no password (StaffService.checkPassword).
    const row = newStaffRow({ email, name, role: input.role, passwordHash: '', now: this.now().toISOString() });
    try {
      await this.store.transaction().execute(async (trx) => {
        await this.actingOwners(actor, trx);
        await this.store.insert(row, trx);
        await this.sendInvitation(row, input.locale as Locale, trx);
        await this.audit.record({ actor, action: 'invite', target: row.id, details: { role: row.role } }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid({ email: 'staff-email-taken' });
      throw error;
    }
    return row;
  }

  /** A new link for an invited person who has not chosen a password yet (the older links stop working). */
  async inviteAgain(actor: StaffActor, targetId: string, locale: string): Promise<void> {
    if (!isLocale(locale)) throw invalid({ locale: 'locale' });
    await this.change(actor, targetId, async (trx, target) => {
      if (!isPending(target)) throw new AppError('VT_BAD_REQUEST');
      await this.sendInvitation(target, locale, trx);
      return { actor, action: 'invite', target: target.id, details: { role: target.role, again: 1 } };
    });
  }

  /** Issues the link (only the SHA-256 of its token is stored) and queues its mail, in the caller's transaction. */
  private async sendInvitation(staff: StaffRow, locale: Locale, trx: Transaction<StaffTables>): Promise<void> {
    const now = this.now();
    const token = randomId(32);
    const expiresAt = new Date(now.getTime() + invitationHours * 3_600_000).toISOString();
    await this.invitations.retireAll(staff.id, now.toISOString(), trx);
    await this.invitations.insert(
      {
        token_hash: hashToken(token),
        staff_id: staff.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      },
      trx,
    );
    const link = `${this.publicUrl}/admin/invitation?token=${token}&locale=${locale}`;
    // The token is a one-time secret: no stored copy of the mail (job, outbox) keeps it.
    await this.mail.queue(
      trx,
      staffMail(this.shop(), locale).invitation(staff.email, staff.name, link, invitationHours),
      { secrets: [token], secretsExpireAt: expiresAt },
    );
  }

  /** The invited staff member a link is for, if it still works (the page with the password form). */
  async invitedBy(token: string): Promise<StaffRow | undefined> {
    if (!isTokenShaped(token)) return undefined;
    const invitation = await this.invitations.findUsable(hashToken(token), this.now().toISOString());
    const staff = invitation && (await this.store.findById(invitation.staff_id));
    return staff && isPending(staff) ? staff : undefined;
  }

  /** Sets the invited person's password; two-factor is set up at their first sign-in. */
  async acceptInvitation(token: string, password: string): Promise<StaffRow> {
    const invited = await this.invitedBy(token);
    if (!invited) throw new AppError('VT_LINK_INVALID');
    // Checked before using the link up: a refused password leaves the link working.
    const problems = await newAccountProblems({ email: invited.email, name: invited.name, password }, this.shop().name);
    if (problems.password) throw invalid({ password: problems.password });
    const passwordHash = await hashPassword(password);
    const now = this.now().toISOString();
    return this.store.transaction().execute(async (trx) => {
      const used = await this.invitations.consume(hashToken(token), now, trx);
      const staff = used && (await this.store.findById(used.staff_id, trx));
      if (!staff || !isPending(staff)) throw new AppError('VT_LINK_INVALID');
      await this.store.update(
        staff.id,
        { password_hash: passwordHash, password_changed_at: now, updated_at: now },
        trx,
      );
      await this.audit.record({ actor: staff.id, action: 'invitation-accepted', target: staff.id }, trx);
      return staff;
    });
  }

  async changeRole(actor: StaffActor, targetId: string, role: string): Promise<void> {
    if (!isStaffRole(role)) throw invalid({ role: 'role' });
    await this.change(actor, targetId, async (trx, target, owners) => {
      if (target.role === role) return undefined;
      if (role !== 'owner') keepAnOwner(owners, target);
      await this.store.update(target.id, { role, updated_at: this.now().toISOString() }, trx);
      return { actor, action: 'role', target: target.id, details: { from: target.role, to: role } };
    });
  }

  /** Disabled staff cannot sign in (they fail like a wrong password), and their sessions end now. */
  async disable(actor: StaffActor, targetId: string): Promise<void> {
    await this.change(actor, targetId, async (trx, target, owners) => {
      if (target.disabled_at) return undefined;
      keepAnOwner(owners, target);
      const now = this.now().toISOString();
      await this.store.update(target.id, { disabled_at: now, updated_at: now }, trx);
      await this.invitations.retireAll(target.id, now, trx);
      return { actor, action: 'disable', target: target.id };
    });
    await this.sessions.endAll(targetId);
  }

  async enable(actor: StaffActor, targetId: string): Promise<void> {
    await this.change(actor, targetId, async (trx, target) => {
      if (!target.disabled_at) return undefined;
      await this.store.update(target.id, { disabled_at: null, updated_at: this.now().toISOString() }, trx);
      return { actor, action: 'enable', target: target.id };
    });
  }

  /** Clears the two-factor key and recovery codes and ends every session: setup again at next sign-in. */
  async resetTwoFactor(actor: StaffActor, targetId: string): Promise<void> {
    await this.change(actor, targetId, async (trx, target) => {
      await this.store.update(
        target.id,
        { totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: this.now().toISOString() },
        trx,
      );
      await this.recoveryCodes.deleteAll(target.id, trx);
      return { actor, action: 'reset-2fa', target: target.id, details: { wasOn: target.totp_enabled_at ? 1 : 0 } };
    });
    await this.sessions.endAll(targetId);
  }

  findByEmail(email: string): Promise<StaffRow | undefined> {
    return this.store.findByEmailKey(emailKey(email));
  }

  /**
   * One change and its audit row, in one transaction; `apply` returns no entry when nothing
   * changes. It gets the active owners, read (and on PostgreSQL locked) after the actor's check.
   */
  private async change(
    actor: StaffActor,
    targetId: string,
    apply: (trx: Transaction<StaffTables>, target: StaffRow, owners: string[]) => Promise<StaffAuditEntry | undefined>,
  ): Promise<void> {
    await this.store.transaction().execute(async (trx) => {
      const owners = await this.actingOwners(actor, trx);
      const target = await this.store.findById(targetId, trx);
      if (!target) throw new AppError('VT_STAFF_NOT_FOUND');
      const entry = await apply(trx, target, owners);
      if (entry) await this.audit.record(entry, trx);
    });
  }

  /**
   * The active owners, locked until the transaction ends on PostgreSQL (StaffStore.activeOwners),
   * and the actor must be one of them: the access check of the request ran before, and an owner
   * disabled or demoted since then must not finish an invitation, a re-enabling or a reset. On
   * PostgreSQL a concurrent disabling or demotion of the actor either commits first (and the
   * actor is no longer listed) or waits for this change to end. The command line acts as the server.
   */
  private async actingOwners(actor: StaffActor, trx: Transaction<StaffTables>): Promise<string[]> {
    const owners = await this.store.activeOwners(trx);
    if (actor !== 'cli' && !owners.includes(actor)) throw new AppError('VT_FORBIDDEN');
    return owners;
  }
}

/** Refuses a change that would leave no owner able to sign in. */
function keepAnOwner(owners: string[], target: StaffRow): void {
  if (owners.includes(target.id) && owners.length === 1) throw new AppError('VT_LAST_OWNER');
}

/** Invited and not yet in: no password chosen, not disabled. */
function isPending(staff: StaffRow): boolean {
  return staff.password_hash === '' && !staff.disabled_at;
}
