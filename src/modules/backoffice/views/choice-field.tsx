/** A labelled select with its problem under it, like Field (web/components/form.tsx) for text. */
export function ChoiceField(props: {
  name: string;
  label: string;
  error?: string;
  selected: string;
  options: [string, string][];
}) {
  const id = `field-${props.name}`;
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.selected === value}>
            {label}
          </option>
        ))}
      </select>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
