import { randomId } from '../../platform/crypto/tokens.js';
import { isStaffRole } from './staff-access.js';
import type { StaffRow } from './staff-tables.js';
import { type FieldProblems, emailKey, newAccountProblems } from '../../platform/auth/account-input.js';

/**
 * The problems of a new staff member (staff:create, invitations): the checks of every new account
 * (with a password when one is chosen now), a name, and a role.
 */
export async function newStaffProblems(
  input: { email: string; name: string; role: string; password?: string },
  shopName: string,
): Promise<FieldProblems> {
  const problems = await newAccountProblems(
    { email: input.email, name: input.name, nameRequired: true, password: input.password },
    shopName,
  );
  if (!isStaffRole(input.role)) problems.role = 'role';
  return problems;
}

/** A new staff account's row: two-factor still to set up, enabled. */
export function newStaffRow(input: {
  email: string;
  name: string;
  role: string;
  passwordHash: string;
  now: string;
}): StaffRow {
  const { email, now } = input;
  return {
    id: randomId(),
    email,
    email_key: emailKey(email),
    name: input.name,
    role: input.role,
    password_hash: input.passwordHash,
    password_changed_at: now,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
    last_seen_at: now,
  };
}
