import { AppError } from '../http/errors.js';
import { passwordProblem } from './password-policy.js';

/**
 * What every new account is checked for, member or staff, and how an address is compared. A problem is reported per field as a stable
 * code (`username-format`); views word it in the visitor's language (web/field-wording.ts).
 */
export type FieldProblems = Record<string, string>;

export function invalid(fields: FieldProblems): AppError {
  return new AppError('VT_VALIDATION', { fields });
}

export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export function emailProblem(email: string): string | undefined {
  if (!email) return 'required';
  if (email.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) return 'email-format';
  return undefined;
}

export async function newPasswordProblem(password: string, personalWords: string[]): Promise<string | undefined> {
  if (!password) return 'required';
  const problem = await passwordProblem(password, personalWords);
  return problem ? `password-${problem}` : undefined;
}

/**
 * The checks of every new account, member or staff: a well-formed email, a name of at most 100
 * characters (required when `nameRequired`), and, when one is given, a password that is long
 * enough, not common, and not made of the person's own words or the shop's name.
 */
export async function newAccountProblems(
  account: { email: string; name: string; nameRequired?: boolean; password?: string; otherWords?: string[] },
  shopName: string,
): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  const emailIssue = emailProblem(account.email);
  if (emailIssue) problems.email = emailIssue;
  if (!account.name && account.nameRequired) problems.name = 'required';
  else if ([...account.name].length > 100) problems.name = 'too-long';
  if (account.password !== undefined) {
    const words = [
      account.email,
      account.email.split('@')[0] ?? '',
      account.name,
      ...(account.otherWords ?? []),
      shopName,
    ].filter(Boolean);
    const passwordIssue = await newPasswordProblem(account.password, words);
    if (passwordIssue) problems.password = passwordIssue;
  }
  return problems;
}
