import type { ComponentChildren } from 'preact';
import { type ErrorCode, errorCatalog } from '../../platform/http/errors.js';
import { csrfFieldName } from '../../platform/http/csrf.js';
import type { PageContext } from '../page-context.js';

/**
 * Form building blocks. Every form posts without JavaScript; a refused form comes back with what
 * the visitor typed (never passwords), a summary at the top, and each problem next to its field,
 * linked with aria-describedby so screen readers read it with the field.
 */

export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name={csrfFieldName} value={props.ctx.csrfToken()} />;
}

/** The refusal at the top of a form: the catalog's title and message, announced at once. */
export function FormAlert(props: { ctx: PageContext; code: ErrorCode | undefined }) {
  if (!props.code) return null;
  const spec = errorCatalog[props.code];
  return (
    <div class="notice notice--error" role="alert">
      <p class="notice-title">{spec.title[props.ctx.locale]}</p>
      <p>{spec.message[props.ctx.locale]}</p>
    </div>
  );
}

export function Notice(props: { kind?: 'success' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice${props.kind === 'success' ? ' notice--success' : ''}`} role="status">
      {props.children}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search';
  value?: string | null;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
}

export function Field(props: FieldProps) {
  const id = `field-${props.name}`;
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    autoComplete: props.autocomplete,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
  };
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      {props.multiline ? (
        <textarea {...common} rows={4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : (props.value ?? '')}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled select with its hint and problem, like Field for text. `options` are [value, label] pairs. */
export function SelectField(props: {
  name: string;
  label: string;
  selected: string;
  options: readonly (readonly [string, string])[];
  hint?: string;
  error?: string;
  autocomplete?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <select
        id={id}
        name={props.name}
        autoComplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.selected === value}>
            {label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** The hint and the problem a control's screen reader reads with it, by their ids. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A control's label above it, its hint, and its problem under it: what every field looks like. */
function FieldFrame(props: { id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  const { id } = props;
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean; error?: string }) {
  const id = `field-${props.name}`;
  return (
    <div class={`field field--check${props.error ? ' field--invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="1"
        checked={props.checked}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
