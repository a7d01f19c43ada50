import type { FastifyInstance } from 'fastify';
import { type Locale, locales } from '../../platform/http/i18n.js';
import type { CatalogService } from './catalog-service.js';
import { type Product, type ProductKind, productKinds } from './product.js';

// Plain JSON Schema, compiled by Fastify's validator.
const localeSchema = { type: 'string', enum: [...locales] } as const;
const listQuery = {
  type: 'object',
  properties: { locale: localeSchema, kind: { type: 'string', enum: [...productKinds] } },
} as const;
const productQuery = { type: 'object', properties: { locale: localeSchema } } as const;

/** The public storefront API (JSON): the same catalog the pages show, for apps and partners. */
export function catalogApiRoutes(app: FastifyInstance, catalog: CatalogService) {
  app.get<{ Querystring: { locale?: Locale; kind?: ProductKind } }>(
    '/api/v1/products',
    { schema: { querystring: listQuery }, config: { access: 'public' } },
    async (request) => {
      const products = await catalog.list(request.query.locale ?? 'fr', request.query.kind);
      return { products: products.map(toJson) };
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { locale?: Locale } }>(
    '/api/v1/products/:slug',
    { schema: { querystring: productQuery }, config: { access: 'public' } },
    async (request) => ({ product: toJson(await catalog.product(request.params.slug, request.query.locale ?? 'fr')) }),
  );
}

function toJson(product: Product) {
  const { id: _internalId, featured: _featured, ...published } = product;
  return published;
}
