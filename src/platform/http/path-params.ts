import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Path parameters are validated like bodies and queries: every route with parameters gets a
 * schema for them unless it brings its own. A parameter is text without NUL (PostgreSQL refuses
 * NUL in text, so it reached the database as a 500) and no longer than the router accepts.
 * Registered before any route, so no route can forget it.
 */
export function validatePathParams(app: FastifyInstance, maxLength: number) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const names = paramNamesOf(route.url);
    if (names.length === 0 || route.schema?.params) return;
    route.schema = {
      ...route.schema,
      params: {
        type: 'object',
        properties: Object.fromEntries(
          names.map((name) => [name, { type: 'string', maxLength, pattern: '^[^\\u0000]*$' }]),
        ),
      },
    };
  });
}

/** `/en/catalog/:slug` → ['slug']; a wildcard route names its rest `*`. */
export function paramNamesOf(url: string): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);
  return url.endsWith('*') ? [...names, '*'] : names;
}
