export interface MemberRow {
  id: string;
  username: string;
  username_key: string;
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
  created_at: string;
  updated_at: string;
  last_seen_at: string;
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
  accounts_tokens: TokenRow;
}

export type SessionTable = 'accounts_sessions' | 'accounts_staff_sessions';
