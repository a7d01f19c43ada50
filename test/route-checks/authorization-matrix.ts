import type { FastifyInstance } from 'fastify';
import type { Principal } from '../principals.js';
import { expectationFor, passedGuard } from './expected-access.js';
import { requestAs } from './request-as.js';
import { summary } from './responses.js';
import { type RouteUnderCheck, sampleUrl } from './routes-under-check.js';

/**
 * Every route × every principal: the answer must be what the route's declared access and the
 * permission table say (expectationFor). Returns one line per mismatch, naming route and principal.
 */
export async function checkAuthorization(
  app: FastifyInstance,
  routes: RouteUnderCheck[],
  principals: Principal[],
  samples: Record<string, string>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const access = route.config.access;
    if (!access) {
      failures.push(`${route.name}: declares no access`);
      continue;
    }
    const url = sampleUrl(route.url, samples);
    let pendingAllowed = false;
    for (const principal of principals) {
      const response = await requestAs(app, principal, route.method, url);
      const expected = expectationFor(access, principal, route.method);
      const passed = passedGuard(access, response);
      if (expected.outcome === 'either') pendingAllowed ||= passed;
      else if (expected.outcome === 'allowed' && !passed)
        failures.push(`${route.name} as ${principal.name}: refused (${summary(response)}), should be allowed`);
      else if (expected.outcome === 'refused' && !expected.matches(response)) {
        failures.push(
          `${route.name} as ${principal.name}: ${summary(response)}, should be refused with ${expected.refusal}`,
        );
      }
    }
    if (access === 'staff-pending' && !pendingAllowed)
      failures.push(`${route.name}: no half-signed staff member gets past its guard`);
  }
  return failures;
}
