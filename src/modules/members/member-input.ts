/**
 * Checks and normalization of what members type (their username and profile); what every new
 * account is checked for, member or staff, is in platform/auth/account-input.ts.
 */
import { isLocale } from '../../platform/http/i18n.js';
import type { MemberRow } from './member-tables.js';
import { type FieldProblems, invalid } from '../../platform/auth/account-input.js';
import { usernameSkeleton } from './username-skeleton.js';

/** "Alice" and "alice" (and their Unicode look-alikes in compatibility forms) are one username. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

// Names a visitor could mistake for the shop itself.
const reservedUsernames = new Set([
  'admin',
  'administrator',
  'root',
  'staff',
  'support',
  'help',
  'owner',
  'moderator',
  'vitrine',
  'system',
  'security',
  'contact',
  'info',
]);

export function usernameProblem(username: string): string | undefined {
  if (!username) return 'required';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]{2,29}$/u.test(username)) return 'username-format';
  if (reservedUsernames.has(usernameKey(username))) return 'username-reserved';
  return undefined;
}

let reservedSkeletons: Promise<Set<string>> | undefined;

/** A reserved name in disguise (`аdmin` with a Cyrillic а, `suppоrt`, `adrnin`): see username-skeleton.ts. */
export async function usernameLookAlikeProblem(username: string): Promise<string | undefined> {
  reservedSkeletons ??= Promise.all([...reservedUsernames].map(usernameSkeleton)).then(
    (skeletons) => new Set(skeletons),
  );
  return (await reservedSkeletons).has(await usernameSkeleton(username)) ? 'username-reserved' : undefined;
}

export type ProfileInput = Pick<
  MemberRow,
  | 'name'
  | 'display_name'
  | 'bio'
  | 'address_line1'
  | 'address_line2'
  | 'postal_code'
  | 'city'
  | 'country'
  | 'phone'
  | 'preferred_locale'
>;

const profileLimits: Record<Exclude<keyof ProfileInput, 'preferred_locale'>, number> = {
  name: 100,
  display_name: 50,
  bio: 500,
  address_line1: 200,
  address_line2: 200,
  postal_code: 20,
  city: 100,
  country: 100,
  phone: 30,
};

/** The profile's fields, as typed in the form (the route picks them from the body). */
export const profileFields = [
  'name',
  'display_name',
  'bio',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'phone',
  'preferred_locale',
] as const;
export type ProfileForm = Partial<Record<(typeof profileFields)[number], string>>;

/** The profile form, trimmed, with empty fields stored as "not given" (null). */
export function parseProfile(body: ProfileForm): ProfileInput {
  const problems: FieldProblems = {};
  const profile = {} as ProfileInput;
  for (const [field, limit] of Object.entries(profileLimits) as [
    Exclude<keyof ProfileInput, 'preferred_locale'>,
    number,
  ][]) {
    const raw = body[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if ([...value].length > limit) problems[field] = 'too-long';
    profile[field] = value === '' ? null : value;
  }
  if (profile.phone && !/^\+?[0-9][0-9 ().-]{5,24}$/.test(profile.phone)) problems.phone = 'phone-format';
  if (!isLocale(body.preferred_locale)) problems.preferred_locale = 'locale';
  profile.preferred_locale = String(body.preferred_locale);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return profile;
}
