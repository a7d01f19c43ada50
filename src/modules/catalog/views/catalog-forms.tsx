import type { ErrorCode } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/http/i18n.js';
import { CsrfField } from '../../../web/components/form.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { PageContext } from '../../../web/page-context.js';

/** A refused form: which one (a page has several), the refusal, each field's problem, what was typed. */
export interface CatalogFormState {
  form: string;
  code: ErrorCode;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** What a refused form shows: its own values and problems; the page's other forms show what is saved. */
export function formOf(state: CatalogFormState | undefined, name: string, locale: Locale) {
  const mine = state?.form === name ? state : undefined;
  return {
    value: (field: string, saved: string | number | null | undefined) =>
      mine?.values ? (mine.values[field] ?? '') : saved === null || saved === undefined ? '' : String(saved),
    checked: (field: string, saved: boolean) => (mine?.values ? mine.values[field] === '1' : saved),
    error: (field: string) => {
      const problem = mine?.fields?.[field];
      return problem ? fieldProblemText(problem, locale) : undefined;
    },
  };
}
export type FormValues = ReturnType<typeof formOf>;

/**
 * A one-button form (publish, archive, move up…), with its CSRF field. `about` names what it
 * acts on for screen readers, when the label alone is the same for several (“Move up: the hoodie, front”).
 */
export function ActionButton(props: {
  ctx: PageContext;
  action: string;
  fields: Record<string, string>;
  label: string;
  about?: string;
  look?: 'danger' | 'ghost';
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.look ? `button button--${props.look}` : 'button'}>
        {props.label}
        {props.about && <span class="visually-hidden">: {props.about}</span>}
      </button>
    </form>
  );
}
