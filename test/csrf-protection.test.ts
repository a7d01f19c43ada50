import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './harness.js';
import {
  type Principal,
  type PrincipalName,
  enumeratingTestTimeoutMs,
  routeCheckEnv,
  signInPrincipals,
} from './principals.js';
import { appWithBrokenRoutes, brokenPrefix } from './route-checks/broken-module.js';
import { checkCsrf } from './route-checks/csrf-check.js';
import { paramSamples, routesUnderCheck } from './route-checks/routes-under-check.js';

/** The principals a state-changing route can be open to, and a second session of each. */
const names: PrincipalName[] = [
  'anonymous',
  'member',
  'staff:owner',
  'staff:support',
  'staff-pending:code',
  'staff-pending:setup',
];

/**
 * Every state-changing route of the router refuses a request without a valid CSRF token of the
 * right kind of session, and changes nothing: a new route is held to this without editing it.
 */
describeEachEngine(
  'every state-changing route refuses a missing or foreign CSRF token',
  (suite) => {
    let principals: Principal[];
    let others: Principal[];
    let samples: Record<string, string>;
    beforeAll(async () => {
      principals = await signInPrincipals(suite, names);
      others = await signInPrincipals(suite, names);
      samples = await paramSamples(suite.database);
    });

    it(
      'without a token, with another session’s, or with one of the other kind of session: 403, nothing changed',
      async () => {
        const routes = routesUnderCheck(suite.app);
        expect(routes.filter((route) => route.method === 'POST').length).toBeGreaterThan(10);
        expect(await checkCsrf(suite.app, suite.database, routes, principals, others, samples)).toEqual([]);
      },
      enumeratingTestTimeoutMs,
    );

    describe('the check can fail', () => {
      const broken = appWithBrokenRoutes(suite);

      it('reports a route that answers without a token, one that adds a row before the check, and one that changes a row', async () => {
        const routes = routesUnderCheck(broken(), (route) => route.url.startsWith(brokenPrefix));
        const failures = await checkCsrf(broken(), suite.database, routes, principals, others, samples);
        expect(failures).toContain(
          `POST ${brokenPrefix}swallows-errors as anonymous, no token: 200, should be 403 VT_CSRF_INVALID`,
        );
        expect(
          failures.some((failure) =>
            failure.startsWith(`POST ${brokenPrefix}writes-early as anonymous: refused forgeries changed the database`),
          ),
        ).toBe(true);
        expect(failures).toContain(
          `POST ${brokenPrefix}changes-early as anonymous: refused forgeries changed the database (catalog_products rows changed)`,
        );
        expect(failures.filter((failure) => failure.includes('members-export'))).toEqual([]);
      });
    });
  },
  { env: routeCheckEnv },
);
