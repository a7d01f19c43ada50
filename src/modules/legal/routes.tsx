import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { type Locale, locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { LegalService } from './legal-service.js';
import { LegalNoticePage, TermsPage } from './views/legal-pages.js';

/**
 * Where a version of the terms is read (commerce links each order to the one its buyer accepted);
 * `:version` is the route's parameter.
 */
export const termsVersionPath = (locale: Locale, version: string) =>
  `${paths.termsOfSale(locale)}/versions/${version === ':version' ? version : encodeURIComponent(version)}`;

/** The legal notice and the terms of sale in each language, and each published version of the terms. */
export function legalRoutes(app: FastifyInstance, platform: PlatformContext, legal: LegalService) {
  const shop = () => platform.shop.identity();
  for (const locale of locales) {
    app.get(paths.legalNotice(locale), { config: { access: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, reply, { locale, shop: shop(), alternates: alternatesOf(paths.legalNotice) });
      return reply.html(<LegalNoticePage ctx={ctx} seller={legal.seller()} />);
    });

    app.get(paths.termsOfSale(locale), { config: { access: 'public' } }, async (request, reply) => {
      const terms = await legal.currentVersion();
      const ctx = pageContext(request, reply, { locale, shop: shop(), alternates: alternatesOf(paths.termsOfSale) });
      return reply.html(<TermsPage ctx={ctx} terms={terms} current />);
    });

    // What a buyer accepted, linked from their order. Not indexed: the terms in force are the page to find.
    app.get<{ Params: { version: string } }>(
      termsVersionPath(locale, ':version'),
      { config: { access: 'public', noindex: true } },
      async (request, reply) => {
        const terms = await legal.version(request.params.version);
        if (!terms) throw new AppError('VT_NOT_FOUND');
        const current = (await legal.currentVersion()).version === terms.version;
        const ctx = pageContext(request, reply, {
          locale,
          shop: shop(),
          alternates: alternatesOf((l) => termsVersionPath(l, terms.version)),
        });
        return reply.html(<TermsPage ctx={ctx} terms={terms} current={current} />);
      },
    );
  }
}
