import type { SessionRow } from '../../platform/auth/session-store.js';

export interface StaffRow {
  id: string;
  email: string;
  email_key: string;
  name: string;
  role: string;
  password_hash: string;
  password_changed_at: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  /** Set by an owner (or the CLI): the account cannot sign in, and its sessions were ended. */
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_seen_at: string;
}

/** One recovery code of a staff member: its keyed hash only; `used_at` once used (single use). */
export interface StaffRecoveryCodeRow {
  code_hash: string;
  staff_id: string;
  created_at: string;
  used_at: string | null;
}

/** An invitation link sent to a new staff member: only the SHA-256 of its token is kept. */
export interface StaffInvitationRow {
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Append-only record of changes to staff accounts: ids and facts, no personal data. */
export interface StaffAuditRow {
  id: string;
  at: string;
  /** The staff id of who acted, or 'cli' for the server's command line. */
  actor: string;
  action: string;
  target_staff_id: string;
  /** JSON of what changed (roles, counts), never names or addresses. */
  details: string | null;
}

/** The back office's tables (named accounts_* since they were created, before the split). */
export interface StaffTables {
  accounts_staff: StaffRow;
  accounts_staff_sessions: SessionRow;
  accounts_staff_recovery_codes: StaffRecoveryCodeRow;
  accounts_staff_invitations: StaffInvitationRow;
  accounts_staff_audit: StaffAuditRow;
}
