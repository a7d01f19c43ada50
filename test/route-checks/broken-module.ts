import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { PlatformContext } from '../../src/platform/platform-context.js';
import type { CatalogTables } from '../../src/modules/catalog/catalog-tables.js';
import { tablesOf } from '../../src/platform/db/database.js';
import { testMail } from '../../src/modules/backoffice/test-mail.js';
import { defineModule } from '../../src/platform/module.js';
import type { Suite } from '../harness.js';

/** Where the deliberately broken routes live: the proofs check only these. */
export const brokenPrefix = '/test-broken/';

const queueMail = (context: PlatformContext) =>
  context.database.db
    .transaction()
    .execute((trx) => context.mail.queue(trx, testMail(context.shop.identity(), 'en', context.now())));

let touches = 0;
/** A new `updated_at` for the first product, different at each call. */
const touchProduct = (context: PlatformContext) => {
  touches += 1;
  return tablesOf<CatalogTables>(context.database)
    .updateTable('catalog_products')
    .set({ updated_at: new Date(Date.UTC(2000, 0, 1) + touches * 1000).toISOString() })
    .where('id', '=', (eb) => eb.selectFrom('catalog_products').select('id').orderBy('position').limit(1))
    .execute();
};

/**
 * Routes with the mistakes the permanent checks exist to catch, to prove each check reports
 * them (a check that cannot fail proves nothing).
 */
export const brokenModule = defineModule({
  name: 'broken',
  routes: (app, { platform: context }) => {
    // Says nothing about who may use it.
    app.get(`${brokenPrefix}undeclared`, async () => ({ ok: true }));
    // Declared for staff who may read members, but nobody put the guard on.
    app.post(`${brokenPrefix}members-export`, { config: { access: { staff: 'members.read' } } }, async () => ({
      exported: true,
    }));
    // CSRF switched off without `csrf: false`: its own error handler turns every refusal into a success.
    app.post(
      `${brokenPrefix}swallows-errors`,
      { config: { access: 'public' }, errorHandler: (_error, _request, reply) => reply.send({ ok: true }) },
      async () => ({ ok: true }),
    );
    // Writes before the CSRF check (and any validation) has run.
    app.post(
      `${brokenPrefix}writes-early`,
      { config: { access: 'public' }, onRequest: async () => queueMail(context) },
      async () => ({ ok: true }),
    );
    // Changes a row (none added or removed) before the CSRF check and any validation: a count of
    // rows would not see it.
    app.post(
      `${brokenPrefix}changes-early`,
      { config: { access: 'public' }, onRequest: async () => touchProduct(context) },
      async () => ({ ok: true }),
    );
    // Trusts its input: a NUL (or anything but one plain string) is a 500.
    app.get<{ Querystring: { q?: unknown } }>(
      `${brokenPrefix}echo`,
      { config: { access: 'public' } },
      async (request) => {
        const q = request.query.q;
        if (q !== undefined && (typeof q !== 'string' || q.includes('\u0000')))
          throw new TypeError(`cannot echo ${typeof q}`);
        return { q };
      },
    );
  },
});

/**
 * The real app plus the broken routes: a second app on the suite's context and database, built
 * before the tests of the calling describe block and closed after them.
 */
export function appWithBrokenRoutes(suite: Suite): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ ...suite.context, modules: [...suite.context.modules, brokenModule] });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the app with broken routes is only available inside tests');
    return app;
  };
}
