import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { locales, negotiateLocale } from '../../platform/http/i18n.js';
import { pageContext } from '../../web/page-context.js';
import { sendCachedPage } from '../../web/page-template.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { CatalogService } from './catalog-service.js';
import { type ProductKind, productKinds } from './product.js';
import { CatalogPage } from './views/catalog-page.js';
import { HomePage } from './views/home-page.js';
import { ProductPage } from './views/product-page.js';

/**
 * The page's filter is a link a visitor follows (or edits, or an old bookmark keeps): an unknown
 * kind shows the whole catalog with "All" selected rather than an error. The JSON API
 * (api-routes.ts) keeps refusing it with a 400: a program wants to know its request was wrong.
 */
function kindFilter(raw: unknown): ProductKind | undefined {
  return (productKinds as readonly unknown[]).includes(raw) ? (raw as ProductKind) : undefined;
}

/** The storefront pages, once per language: home, catalog (filterable by kind), product. */
export function storefrontRoutes(app: FastifyInstance, context: PlatformContext, catalog: CatalogService) {
  const shop = () => context.shop.identity();

  // The bare domain sends each visitor to their language; caches must key on that header.
  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply
      .header('vary', 'accept-language')
      .redirect(paths.home(negotiateLocale(request.headers['accept-language'])), 302),
  );

  for (const locale of locales) {
    app.get(paths.home(locale), { config: { access: 'public' } }, async (request, reply) => {
      const [featured, shopItems] = await Promise.all([catalog.featured(locale), catalog.list(locale, 'product')]);
      const ctx = pageContext(request, reply, { locale, shop: shop(), alternates: alternatesOf(paths.home) });
      return reply.html(
        <HomePage ctx={ctx} featured={featured.filter((p) => p.kind !== 'product')} shopItems={shopItems} />,
      );
    });

    app.get<{ Querystring: { kind?: unknown } }>(
      paths.catalog(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        const kind = kindFilter(request.query.kind);
        const products = await catalog.list(locale, kind);
        const query = kind ? `?kind=${kind}` : '';
        const ctx = pageContext(request, reply, {
          locale,
          shop: shop(),
          alternates: alternatesOf((l) => `${paths.catalog(l)}${query}`),
        });
        return reply.html(<CatalogPage ctx={ctx} products={products} kind={kind} />);
      },
    );

    app.get<{ Params: { slug: string } }>(
      `${paths.catalog(locale)}/:slug`,
      { config: { access: 'public' } },
      async (request, reply) => {
        const product = await catalog.product(request.params.slug, locale);
        const ctx = pageContext(request, reply, {
          locale,
          shop: shop(),
          alternates: alternatesOf((l) => paths.product(l, product.slug)),
        });
        // The same page for every visitor but for the nonce and the buy form's token: built once per loaded product.
        return sendCachedPage(request, reply, product, ctx, (page) => (
          <ProductPage ctx={page} product={product} publicUrl={context.config.publicUrl} />
        ));
      },
    );
  }
}
