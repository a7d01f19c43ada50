import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './harness.js';
import {
  type Principal,
  developerEnv,
  enumeratingTestTimeoutMs,
  routeCheckEnv,
  signInPrincipals,
} from './principals.js';
import { undeclaredAccess } from './route-checks/access-declarations.js';
import { checkAuthorization } from './route-checks/authorization-matrix.js';
import { appWithBrokenRoutes, brokenPrefix } from './route-checks/broken-module.js';
import { developerOnlyRoutes } from './route-checks/developer-routes.js';
import { requestAs } from './route-checks/request-as.js';
import { paramSamples, routesUnderCheck, sampleUrl } from './route-checks/routes-under-check.js';

/**
 * Every route of the router declares who may use it, and answers each kind of principal as that
 * declaration and the permission table say: a new route is held to this without editing it.
 */
describeEachEngine(
  'every route declares its access, and answers each principal accordingly',
  (suite) => {
    let principals: Principal[];
    let samples: Record<string, string>;
    beforeAll(async () => {
      principals = await signInPrincipals(suite);
      samples = await paramSamples(suite.database);
    });

    it('every route declares who may use it', () => {
      const routes = routesUnderCheck(suite.app);
      expect(routes.length).toBeGreaterThan(20);
      expect(undeclaredAccess(routes)).toEqual([]);
    });

    it(
      'every route × anonymous, member, each staff role and half-signed staff: allowed or refused as declared',
      async () => {
        expect(await checkAuthorization(suite.app, routesUnderCheck(suite.app), principals, samples)).toEqual([]);
      },
      enumeratingTestTimeoutMs,
    );

    describe('the checks can fail', () => {
      const broken = appWithBrokenRoutes(suite);
      const brokenRoutes = () => routesUnderCheck(broken(), (route) => route.url.startsWith(brokenPrefix));

      it('names a route without a declaration', () => {
        expect(undeclaredAccess(brokenRoutes())).toEqual([`GET ${brokenPrefix}undeclared: no config.access`]);
      });

      it('reports a route declared for staff that lets anyone in', async () => {
        const routes = brokenRoutes().filter((route) => route.url.endsWith('members-export'));
        const failures = await checkAuthorization(broken(), routes, principals, samples);
        expect(failures).toContain(
          `POST ${brokenPrefix}members-export as anonymous: 200, should be refused with 401 VT_UNAUTHORIZED`,
        );
        expect(failures).toContain(
          `POST ${brokenPrefix}members-export as staff:marketing: 200, should be refused with 403 VT_FORBIDDEN`,
        );
        expect(failures.filter((failure) => failure.includes('staff:owner'))).toEqual([]);
      });
    });
  },
  { env: routeCheckEnv },
);

/** The same, for the routes the app has only as a developer runs it (the development mailbox). */
describeEachEngine(
  'every route of the app as a developer runs it declares its access, and answers each principal accordingly',
  (suite) => {
    it(
      'the development-only routes: declared, and allowed or refused as declared',
      async () => {
        const routes = await developerOnlyRoutes(suite);
        expect(routes.map((route) => route.name)).toEqual(
          expect.arrayContaining(['GET /dev/mailbox', 'GET /dev/mailbox/:id']),
        );
        expect(undeclaredAccess(routes)).toEqual([]);
        // Public routes of the storefront: the other principals would be the anonymous run again.
        const principals = await signInPrincipals(suite, ['anonymous', 'member', 'staff:owner', 'staff-pending:code']);
        const samples = await paramSamples(suite.database);
        expect(await checkAuthorization(suite.app, routes, principals, samples)).toEqual([]);
        // The checks' requests reach the mailbox itself (a relayed request would get its 404): a real message.
        const [visitor] = await signInPrincipals(suite, ['anonymous']);
        expect(
          visitor && (await requestAs(suite.app, visitor, 'GET', sampleUrl('/dev/mailbox/:id', samples))).statusCode,
        ).toBe(200);
      },
      enumeratingTestTimeoutMs,
    );
  },
  { env: developerEnv },
);
