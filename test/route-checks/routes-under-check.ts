import type { FastifyContextConfig, FastifyInstance, FastifySchema } from 'fastify';
import { type Database, tablesOf } from '../../src/platform/db/database.js';
import type { CatalogTables } from '../../src/modules/catalog/catalog-tables.js';
import type { OutboxTable } from '../../src/platform/mail/outbox-table.js';
import { routeTableOf } from '../../src/platform/http/route-table.js';

/** One method of one route, as the permanent checks see it. */
export interface RouteUnderCheck {
  method: string;
  url: string;
  config: FastifyContextConfig;
  schema?: FastifySchema;
  /** `POST /en/account/sign-out`: how failures name the route. */
  name: string;
}

export const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route of the app, read from its router (recordRoutes), one entry per method. HEAD
 * routes Fastify adds beside each GET run the same guards and handler, so they are left out.
 */
export function routesUnderCheck(
  app: FastifyInstance,
  keep: (route: RouteUnderCheck) => boolean = () => true,
): RouteUnderCheck[] {
  const routes = routeTableOf(app);
  const withGet = new Set(routes.filter((route) => route.methods.includes('GET')).map((route) => route.url));
  return routes
    .flatMap((route) =>
      route.methods.map((method) => ({
        method,
        url: route.url,
        config: route.config,
        schema: route.schema,
        name: `${method} ${route.url}`,
      })),
    )
    .filter((route) => !(route.method === 'HEAD' && withGet.has(route.url)))
    .filter(keep);
}

/**
 * What to put in a path parameter: a real product for `:slug`, a real message of the outbox for
 * `:id` (the outbox and development mailbox pages then show one; elsewhere it is an unknown id),
 * a plausible unknown id for any other.
 */
export async function paramSamples(database: Database): Promise<Record<string, string>> {
  const product = await tablesOf<CatalogTables>(database)
    .selectFrom('catalog_products')
    .select('slug')
    .orderBy('position')
    .executeTakeFirst();
  const message = await tablesOf<OutboxTable>(database)
    .selectFrom('mail_outbox')
    .select('id')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return { slug: product?.slug ?? 'no-product', ...(message ? { id: message.id } : {}), '*': 'any/thing' };
}

/** The route's URL with each parameter filled in (`/en/catalog/:slug` → `/en/catalog/javascript-fundamentals`). */
export function sampleUrl(url: string, samples: Record<string, string>): string {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => encodeURIComponent(samples[name] ?? 'q7Yt2mZp9Ld4xW'))
    .replace(/\*$/, samples['*'] ?? '');
}
