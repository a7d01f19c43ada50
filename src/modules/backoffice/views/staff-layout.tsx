import type { ComponentChildren } from 'preact';
import { defineWording } from '../../../platform/http/i18n.js';
import { type StaffPermission, type StaffPrincipal, mayStaff } from '../staff-access.js';
import type { PageContext } from '../../../web/page-context.js';
import { CsrfField } from '../../../web/components/form.js';
import { Logo } from '../../../web/components/logo.js';

const text = defineWording({
  en: {
    backOffice: 'Back office',
    menu: 'Back-office menu',
    dashboard: 'Dashboard',
    members: 'Members',
    outbox: 'Mail outbox',
    privacy: 'Privacy requests',
    catalog: 'Catalog',
    orders: 'Orders',
    staff: 'Staff',
    shop: 'View the shop',
    signOut: 'Sign out',
    roles: { owner: 'Owner', support: 'Support', marketing: 'Marketing', accountant: 'Accountant' },
  },
  fr: {
    backOffice: 'Administration',
    menu: 'Menu de l’administration',
    dashboard: 'Tableau de bord',
    members: 'Membres',
    outbox: 'Boîte d’envoi',
    privacy: 'Demandes RGPD',
    catalog: 'Catalogue',
    orders: 'Commandes',
    staff: 'Personnel',
    shop: 'Voir la boutique',
    signOut: 'Se déconnecter',
    roles: { owner: 'Propriétaire', support: 'Support', marketing: 'Marketing', accountant: 'Comptabilité' },
  },
});

export function roleName(role: StaffPrincipal['role'], locale: PageContext['locale']): string {
  return text[locale].roles[role];
}

const entries: {
  href: string;
  key: 'dashboard' | 'orders' | 'catalog' | 'members' | 'outbox' | 'privacy' | 'staff';
  permission: StaffPermission;
}[] = [
  { href: '/admin', key: 'dashboard', permission: 'back-office' },
  // Contributed by the commerce and catalog modules (staffArea); listed here so the menu is read in one place.
  { href: '/admin/orders', key: 'orders', permission: 'orders.read' },
  { href: '/admin/catalog', key: 'catalog', permission: 'catalog.manage' },
  { href: '/admin/members', key: 'members', permission: 'members.read' },
  { href: '/admin/outbox', key: 'outbox', permission: 'mail.outbox' },
  { href: '/admin/privacy', key: 'privacy', permission: 'privacy.requests' },
  { href: '/admin/staff', key: 'staff', permission: 'staff.manage' },
];

/** A section's link is current on its pages too (a request of the privacy queue, a message of the outbox). */
const isCurrent = (path: string, href: string) => path === href || (href !== '/admin' && path.startsWith(`${href}/`));

/**
 * The frame of back-office pages: a plain, dense layout that cannot be mistaken for the shop.
 * The menu shows only what the staff member's role opens. Without `staff` (sign-in pages) it
 * shows the frame alone.
 */
export function StaffLayout(props: {
  ctx: PageContext;
  title: string;
  staff?: StaffPrincipal | null;
  children: ComponentChildren;
}) {
  const { ctx, staff } = props;
  const t = text[ctx.locale];
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${t.backOffice} · ${ctx.shop.name}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/favicon.ico" />
      </head>
      <body class="staff">
        <header class="staff-header">
          <div class="container header-row">
            <a class="brand" href="/admin">
              <Logo />
              <span>
                {ctx.shop.name} <span class="staff-tag">{t.backOffice}</span>
              </span>
            </a>
            {staff && (
              <nav class="main-nav" aria-label={t.menu}>
                {entries
                  .filter((entry) => mayStaff(staff, entry.permission))
                  .map((entry) => (
                    <a
                      key={entry.href}
                      href={entry.href}
                      aria-current={isCurrent(ctx.path, entry.href) ? 'page' : undefined}
                    >
                      {t[entry.key]}
                    </a>
                  ))}
              </nav>
            )}
            <div class="staff-user">
              <a href={`/${ctx.locale}`}>{t.shop}</a>
              {staff && (
                <form method="post" action="/admin/sign-out">
                  <CsrfField ctx={ctx} />
                  <span class="small muted">
                    {staff.name} · {t.roles[staff.role]}
                  </span>{' '}
                  <button class="link-button" type="submit">
                    {t.signOut}
                  </button>
                </form>
              )}
            </div>
          </div>
        </header>
        <main id="main" class="container staff-main">
          {props.children}
        </main>
      </body>
    </html>
  );
}
