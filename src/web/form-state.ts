import type { FormState } from '../platform/http/forms.js';
import type { Locale } from '../platform/http/i18n.js';
import { fieldProblemText } from './field-wording.js';

export type { FormState } from '../platform/http/forms.js';

/** The worded problem of one field, if it has one. */
export function problemOf(state: FormState | undefined, field: string, locale: Locale): string | undefined {
  const problem = state?.fields?.[field];
  return problem ? fieldProblemText(problem, locale) : undefined;
}
