import type { ComponentChildren } from 'preact';
import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, Notice } from '../../../web/components/form.js';
import { Layout } from '../../../web/components/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';

const text = defineWording({
  en: {
    nav: 'My account',
    profile: 'Profile',
    security: 'Email and password',
    devices: 'Devices',
    orders: 'Orders',
    privacy: 'Privacy',
    delete: 'Delete my account',
    signOut: 'Sign out',
    hello: 'Signed in as',
  },
  fr: {
    nav: 'Mon compte',
    profile: 'Profil',
    security: 'E-mail et mot de passe',
    devices: 'Appareils',
    orders: 'Commandes',
    privacy: 'Confidentialité',
    delete: 'Supprimer mon compte',
    signOut: 'Se déconnecter',
    hello: 'Connecté en tant que',
  },
});

/** The frame of every account page: the section menu, and sign-out (a form: it changes state). */
export function AccountLayout(props: {
  ctx: PageContext;
  title: string;
  username: string;
  notice?: string;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const entries = [
    [paths.account(ctx.locale), t.profile],
    [paths.accountOrders(ctx.locale), t.orders],
    [paths.security(ctx.locale), t.security],
    [paths.devices(ctx.locale), t.devices],
    [paths.accountPrivacy(ctx.locale), t.privacy],
    [paths.deleteAccount(ctx.locale), t.delete],
  ] as const;
  return (
    <Layout ctx={ctx} title={props.title}>
      <div class="container account-layout">
        <aside>
          <p class="small muted">
            {t.hello} <strong>{props.username}</strong>
          </p>
          <nav class="account-nav" aria-label={t.nav}>
            <ul>
              {entries.map(([href, label]) => (
                <li key={href}>
                  <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form method="post" action={paths.signOut(ctx.locale)} class="inline-form">
            <CsrfField ctx={ctx} />
            <button class="button button--ghost" type="submit">
              {t.signOut}
            </button>
          </form>
        </aside>
        <section>
          <h1>{props.title}</h1>
          {props.notice && <Notice kind="success">{props.notice}</Notice>}
          {props.children}
        </section>
      </div>
    </Layout>
  );
}
