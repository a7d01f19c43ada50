import type { ComponentChildren } from 'preact';

/**
 * The band at the top of a shop page: its title, a lead sentence, and what belongs under them
 * (the catalog's filters). Reading pages (policy, cookies) keep the narrow column of their text.
 */
export function PageHeader(props: { title: string; lead: string; narrow?: boolean; children?: ComponentChildren }) {
  return (
    <section class="page-head">
      <div class={props.narrow ? 'container narrow' : 'container'}>
        <h1>{props.title}</h1>
        <p class="lead">{props.lead}</p>
        {props.children}
      </div>
    </section>
  );
}
