import type { ComponentChildren } from 'preact';

/**
 * A data table that scrolls sideways on a phone. The region is named and takes focus, so it
 * scrolls by keyboard too (WCAG 2.1.1); `children` are the body's rows.
 */
export function ScrollTable(props: { label: string; headers: string[]; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={props.label}>
      <table class="data-table">
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}
