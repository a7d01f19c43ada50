import { emailProblem, type FieldProblems, invalid } from '../../platform/auth/account-input.js';
import { type Locale, locales } from '../../platform/http/i18n.js';
import { detailsMaxLength } from '../../privacy/rights/public-requests.js';
import { type RequestKind, requestKinds } from '../../privacy/rights/rights-tables.js';

/** The channels staff record requests from: the reference policy's "write to us" (a letter, an email). */
export const staffChannels = ['post', 'email'] as const;

/** The record form, as typed. */
export interface RecordForm {
  channel?: string;
  kind?: string;
  /** The person's email address, or a member's username. */
  person?: string;
  details?: string;
  /** '1' when staff checked the person's identity (a signed letter, a reply from the account's address). */
  verified?: string;
  /** The language to answer in. */
  locale?: string;
}

const isKind = (value: unknown): value is RequestKind => requestKinds.includes(value as RequestKind);

/** The record form checked: each field's problem named (VT_VALIDATION), or its values. */
export function parseRecordForm(form: RecordForm) {
  const problems: FieldProblems = {};
  const channel = staffChannels.find((value) => value === form.channel);
  if (!channel) problems.channel = 'choice';
  const kind = isKind(form.kind) ? form.kind : undefined;
  if (!kind) problems.kind = 'choice';
  const locale = locales.find((value) => value === form.locale);
  if (!locale) problems.locale = 'locale';
  const person = (form.person ?? '').trim();
  if (!person) problems.person = 'required';
  else if (person.includes('@')) {
    const problem = emailProblem(person);
    if (problem) problems.person = problem;
  } else if (person.length > 100) problems.person = 'too-long';
  const details = (form.details ?? '').trim();
  if ([...details].length > detailsMaxLength) problems.details = 'too-long';
  else if (!details && (kind === 'correction' || kind === 'restriction')) problems.details = 'details-needed';
  if (!channel || !kind || !locale || Object.keys(problems).length > 0) throw invalid(problems);
  return { channel, kind, locale: locale as Locale, person, details, verified: form.verified === '1' };
}

/** A reason or an answer: required, and no longer than a request's details may be. */
export function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw invalid({ [field]: 'required' });
  if ([...text].length > detailsMaxLength) throw invalid({ [field]: 'too-long' });
  return text;
}
