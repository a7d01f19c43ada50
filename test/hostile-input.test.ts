import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './harness.js';
import { type Principal, enumeratingTestTimeoutMs, routeCheckEnv, signInPrincipals } from './principals.js';
import { appWithBrokenRoutes, brokenPrefix } from './route-checks/broken-module.js';
import { type FuzzTarget, fuzzRoutes } from './route-checks/fuzz-check.js';
import { paramSamples, routesUnderCheck } from './route-checks/routes-under-check.js';

/**
 * Every route of the router, fed malformed, oversized and hostile input as a visitor, a member
 * and the owner: never a 5xx, never a stack trace, and what is refused changes nothing. A new
 * route is held to this without editing it.
 */
describeEachEngine(
  'every route withstands hostile input',
  (suite) => {
    let principals: Principal[];
    let target: FuzzTarget;
    beforeAll(async () => {
      principals = await signInPrincipals(suite, ['anonymous', 'member', 'staff:owner']);
      const cookieNames = suite.context.privacy.cookies.all().map((cookie) => cookie.name);
      target = { app: suite.app, database: suite.database, logs: suite.logs, samples: await paramSamples(suite.database), cookieNames };
    });

    it('never answers 5xx or shows a stack trace, and refused input changes nothing', async () => {
      const routes = routesUnderCheck(suite.app);
      expect(routes.length).toBeGreaterThan(20);
      expect(await fuzzRoutes(target, routes, principals)).toEqual([]);
    }, enumeratingTestTimeoutMs);

    describe('the check can fail', () => {
      const broken = appWithBrokenRoutes(suite);

      it('reports a route that fails on a NUL, and one that writes what it refuses', async () => {
        const routes = routesUnderCheck(broken(), (route) => route.url.endsWith('/echo') || route.url.endsWith('/writes-early'));
        const failures = await fuzzRoutes({ ...target, app: broken() }, routes, principals.slice(0, 1));
        expect(failures).toContain(`GET ${brokenPrefix}echo as anonymous, query: NUL: 500 VT_INTERNAL (request failed: TypeError cannot echo string)`);
        expect(failures).toContainEqual(expect.stringMatching(`^POST ${brokenPrefix}writes-early as anonymous, form: NUL, without a token: refused, yet changed the database`));
      });
    });
  },
  { env: routeCheckEnv },
);
