import type { FastifyContextConfig, FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One route as registered: what the permanent route checks (test/route-checks) read. */
export interface RouteEntry {
  methods: string[];
  url: string;
  config: FastifyContextConfig;
  schema?: FastifySchema;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Records every route added to the app from now on, from whichever plugin, so tests can hold
 * every route to the same checks (authorization, CSRF, hostile input) without a hand-kept list.
 * Called before any route is registered.
 */
export function recordRoutes(app: FastifyInstance) {
  const routes: RouteEntry[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    routes.push({
      methods: [route.method].flat().map(String),
      url: route.url,
      config: route.config ?? {},
      schema: route.schema,
    });
  });
}

/** The routes of an app built by buildApp, in the order they were registered. */
export function routeTableOf(app: FastifyInstance): readonly RouteEntry[] {
  const routes = tables.get(app);
  if (!routes) throw new Error('this app does not record its routes (recordRoutes was not called)');
  return routes;
}
