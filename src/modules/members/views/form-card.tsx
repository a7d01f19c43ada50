import type { ComponentChildren } from 'preact';
import { Layout } from '../../../web/components/layout.js';
import type { PageContext } from '../../../web/page-context.js';

/** The narrow centred card of the sign-up, sign-in and emailed-link pages. */
export function FormCard(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <section class="container form-page">
        <div class="form-card">{props.children}</div>
      </section>
    </Layout>
  );
}
