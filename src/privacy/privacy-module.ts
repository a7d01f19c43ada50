import { h } from 'preact';
import { defineModule } from '../platform/module.js';
import { locales } from '../platform/http/i18n.js';
import { pageContext } from '../web/page-context.js';
import { alternatesOf, paths } from '../web/paths.js';
import { CookiesPage } from './cookies/cookies-page.js';
import { PolicyPage } from './policy/policy-page.js';

/** The published privacy policy and cookie list, rendered from the registry on every request. */
export const privacyModule = defineModule({
  name: 'privacy',
  routes: (app, context) => {
    for (const locale of locales) {
      app.get(paths.privacy(locale), async (request, reply) => {
        const ctx = pageContext(request, reply, { locale, shop: context.shop.identity(), alternates: alternatesOf(paths.privacy) });
        const tables = context.privacy.personalTables().map(({ name, declaration }) => ({ name, declaration }));
        return reply.html(h(PolicyPage, { ctx, tables }));
      });
      app.get(paths.cookies(locale), async (request, reply) => {
        const ctx = pageContext(request, reply, { locale, shop: context.shop.identity(), alternates: alternatesOf(paths.cookies) });
        return reply.html(h(CookiesPage, { ctx, cookies: context.privacy.cookies.all() }));
      });
    }
  },
});
