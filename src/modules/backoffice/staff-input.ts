import { randomId } from '../../platform/crypto/tokens.js';
import { isStaffRole } from './staff-access.js';
import type { StaffRow } from './staff-tables.js';
import { type FieldProblems, emailKey, emailProblem } from '../members/member-input.js';

/** The problems of a new staff member's email, name and role (staff:create and invitations). */
export function staffIdentityProblems(email: string, name: string, role: string): FieldProblems {
  const problems: FieldProblems = {};
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue;
  if (!name || [...name].length > 100) problems.name = name ? 'too-long' : 'required';
  if (!isStaffRole(role)) problems.role = 'role';
  return problems;
}

/** A new staff account's row: two-factor still to set up, enabled. */
export function newStaffRow(input: { email: string; name: string; role: string; passwordHash: string; now: string }): StaffRow {
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
