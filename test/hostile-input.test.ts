import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './harness.js';
import {
  type Principal,
  developerEnv,
  enumeratingTestTimeoutMs,
  routeCheckEnv,
  signInPrincipals,
} from './principals.js';
import { appWithBrokenRoutes, brokenPrefix } from './route-checks/broken-module.js';
import { developerOnlyRoutes } from './route-checks/developer-routes.js';
import { type FuzzTarget, fuzzRoutes } from './route-checks/fuzz-check.js';
import { paramSamples, routesUnderCheck } from './route-checks/routes-under-check.js';

/**
 * Every route of the router, fed malformed, oversized and hostile input as a visitor, a member,
 * the owner, and (on the two-factor code and setup steps) staff half-way through sign-in: never a 5xx, never a stack trace, and what is refused changes nothing. A new
 * route is held to this without editing it.
 */
describeEachEngine(
  'every route withstands hostile input',
  (suite) => {
    let principals: Principal[];
    let target: FuzzTarget;
    beforeAll(async () => {
      principals = await signInPrincipals(suite, [
        'anonymous',
        'member',
        'staff:owner',
        'staff-pending:code',
        'staff-pending:setup',
      ]);
      const cookieNames = suite.context.privacy.cookies.all().map((cookie) => cookie.name);
      target = {
        app: suite.app,
        database: suite.database,
        logs: suite.logs,
        samples: await paramSamples(suite.database),
        cookieNames,
      };
    });

    it(
      'never answers 5xx or shows a stack trace, and refused input changes nothing',
      async () => {
        const routes = routesUnderCheck(suite.app);
        expect(routes.length).toBeGreaterThan(20);
        expect(await fuzzRoutes(target, routes, principals)).toEqual([]);
      },
      enumeratingTestTimeoutMs,
    );

    describe('the check can fail', () => {
      const broken = appWithBrokenRoutes(suite);

      it('reports a route that fails on a NUL, one that adds a row on what it refuses, and one that changes a row', async () => {
        const routes = routesUnderCheck(broken(), (route) =>
          ['/echo', '/writes-early', '/changes-early'].some((end) => route.url.endsWith(end)),
        );
        const failures = await fuzzRoutes({ ...target, app: broken() }, routes, principals.slice(0, 1));
        expect(failures).toContain(
          `GET ${brokenPrefix}echo as anonymous, query: NUL: 500 VT_INTERNAL (request failed: TypeError cannot echo string)`,
        );
        expect(failures).toContainEqual(
          expect.stringMatching(
            `^POST ${brokenPrefix}writes-early as anonymous, form: NUL, without a token: refused, yet changed the database`,
          ),
        );
        expect(failures).toContainEqual(
          expect.stringMatching(
            `^POST ${brokenPrefix}changes-early as anonymous, .*: refused, yet changed the database \\(catalog_products rows changed\\)$`,
          ),
        );
      });
    });
  },
  { env: routeCheckEnv },
);

/** The same, for the routes the app has only as a developer runs it (the development mailbox). */
describeEachEngine(
  'every route of the app as a developer runs it withstands hostile input',
  (suite) => {
    it(
      'the development-only routes: never a 5xx or a stack trace, and refused input changes nothing',
      async () => {
        const routes = await developerOnlyRoutes(suite);
        expect(routes.length).toBeGreaterThan(0);
        const principals = await signInPrincipals(suite, ['anonymous', 'member']);
        const cookieNames = suite.context.privacy.cookies.all().map((cookie) => cookie.name);
        const target = {
          app: suite.app,
          database: suite.database,
          logs: suite.logs,
          samples: await paramSamples(suite.database),
          cookieNames,
        };
        expect(await fuzzRoutes(target, routes, principals)).toEqual([]);
      },
      enumeratingTestTimeoutMs,
    );
  },
  { env: developerEnv },
);
