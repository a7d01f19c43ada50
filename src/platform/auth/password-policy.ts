/**
 * What makes a new password acceptable (NIST SP 800-63B §5.1.1.2): at least 10 characters, at
 * most 128, and not a password attackers try first. No composition rules ("one digit, one
 * symbol"): they make passwords harder to remember, not harder to guess.
 * "Tried first" means: in a list of 49,000 passwords most common in breaches (the MIT-licensed
 * list bundled with zxcvbn-ts), also once the digits and symbols around it are removed
 * ("Password2024!"), made of one repeated or sequential pattern ("aaaaaaaaaa",
 * "1234567890"), or built from the account's own username, email or the shop's name.
 */
export const passwordLength = { min: 10, max: 128 } as const;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'personal';

let commonPasswords: Promise<Set<string>> | undefined;

// The list (380 kB) is loaded on the first check, not at start-up: most requests never need it.
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then((module) => {
    // The package is CommonJS for bundlers on Node: its exports may arrive as `default`.
    const { dictionary } = (module.dictionary ? module : module.default) as typeof module;
    return new Set(dictionary['passwords-common'] as string[]);
  });
  return commonPasswords;
}

export async function passwordProblem(password: string, personalWords: string[]): Promise<PasswordProblem | undefined> {
  const length = [...password].length;
  if (length < passwordLength.min) return 'too-short';
  if (length > passwordLength.max) return 'too-long';
  const folded = password.normalize('NFKC').toLowerCase();
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const common = await loadCommonPasswords();
  if (common.has(folded) || (core.length >= 4 && common.has(core)) || isMonotonous(folded)) return 'common';
  const personal = personalWords.map((word) => word.normalize('NFKC').toLowerCase()).filter((word) => word.length >= 4);
  if (personal.some((word) => folded.includes(word) || word.includes(folded))) return 'personal';
  return undefined;
}

/** One character repeated, or a run that steps by the same amount ("abcdefghij", "9876543210"). */
function isMonotonous(password: string): boolean {
  const codes = [...password].map((c) => c.codePointAt(0) ?? 0);
  if (new Set(codes).size <= 2) return true;
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}
