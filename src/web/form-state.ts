import type { ErrorCode } from '../platform/http/errors.js';
import type { Locale } from '../platform/http/i18n.js';
import { fieldProblemText } from './field-wording.js';

/** A form as it comes back after a refusal: the error, each field's problem, what was typed. */
export interface FormState {
  code?: ErrorCode;
  fields?: Record<string, string>;
  values?: Record<string, string | undefined>;
}

/** The worded problem of one field, if it has one. */
export function problemOf(state: FormState | undefined, field: string, locale: Locale): string | undefined {
  const problem = state?.fields?.[field];
  return problem ? fieldProblemText(problem, locale) : undefined;
}
