import type { DataSubject } from '../core/vocabulary.js';

/**
 * Whom a request is about, as the engine finds their rows: the kind of person (a link finds only
 * the kinds it declares in `of`), their account id if they have one, and every address known to be
 * theirs (lower-cased: email columns are matched lower-cased).
 */
export interface DataSubjectRef {
  kind: DataSubject;
  accountId?: string;
  emails: readonly string[];
}

export function dataSubject(
  kind: DataSubject,
  accountId: string | undefined,
  emails: readonly string[],
): DataSubjectRef {
  const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  return { kind, ...(accountId ? { accountId } : {}), emails: unique };
}
