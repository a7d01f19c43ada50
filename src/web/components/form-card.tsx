import type { ComponentChildren } from 'preact';
import { Layout } from './layout.js';
import type { PageContext } from '../page-context.js';

/** The centred card of the sign-up, sign-in, emailed-link and privacy request pages (`wide` for longer forms). */
export function FormCard(props: { ctx: PageContext; title: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <section class="container form-page">
        <div class={props.wide ? 'form-card form-card--wide' : 'form-card'}>{props.children}</div>
      </section>
    </Layout>
  );
}
