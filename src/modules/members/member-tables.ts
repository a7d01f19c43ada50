import type { SessionRow } from '../../platform/auth/session-store.js';

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

/** The members module's tables (named accounts_* since they were created, before the split). */
export interface MemberTables {
  accounts_members: MemberRow;
  accounts_sessions: SessionRow;
  accounts_tokens: TokenRow;
}
