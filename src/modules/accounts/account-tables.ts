export interface MemberRow {
  id: string;
  username: string;
  username_key: string;
  /** Look-alikes share it (username-skeleton.ts); null only for the newer of two look-alikes that existed before it. */
  username_skeleton: string | null;
  email: string;
  email_key: string;
  email_verified_at: string | null;
  password_hash: string;
  password_changed_at: string;
  name: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  preferred_locale: string;
  display_name: string | null;
  bio: string | null;
  created_at: string;
  updated_at: string;
  last_seen_at: string;
}

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

/** Member and staff sessions have the same shape, in two tables (they never mix). */
export interface SessionRow {
  id: string;
  token_hash: string;
  account_id: string;
  remember: number;
  stage: 'complete' | 'password';
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

export type TokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

export interface TokenRow {
  token_hash: string;
  member_id: string;
  purpose: TokenPurpose;
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountTables {
  accounts_members: MemberRow;
  accounts_staff: StaffRow;
  accounts_sessions: SessionRow;
  accounts_staff_sessions: SessionRow;
  accounts_staff_recovery_codes: StaffRecoveryCodeRow;
  accounts_staff_invitations: StaffInvitationRow;
  accounts_staff_audit: StaffAuditRow;
  accounts_tokens: TokenRow;
}

export type SessionTable = 'accounts_sessions' | 'accounts_staff_sessions';
