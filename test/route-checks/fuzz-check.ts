import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { type CsrfGrant, type Principal, areaOf, nextClientAddress } from '../principals.js';
import { type HostileRequest, hostileRequests } from './hostile-inputs.js';
import { showsStackTrace, summary } from './responses.js';
import { tableChanges, tableDigests } from './table-digests.js';
import { type RouteUnderCheck, sampleUrl, stateChangingMethods } from './routes-under-check.js';

export interface FuzzTarget {
  app: FastifyInstance;
  database: Database;
  /** The suite's log lines: a 5xx is reported with the error it logged. */
  logs: string[];
  samples: Record<string, string>;
  /** Every cookie the app may read (garbage is put in each). */
  cookieNames: string[];
}

function send(
  target: FuzzTarget,
  principal: Principal,
  method: string,
  request: HostileRequest,
  grant: CsrfGrant | undefined,
  address: string,
): Promise<LightMyRequestResponse> {
  // An address per batch: hostile sign-in attempts must not throttle the principal's own sign-in.
  const headers: Record<string, string> = {
    ...principal.headers,
    cookie: request.rawCookie ?? principal.cookieHeader(request.cookies),
  };
  if (grant && request.token) headers['x-xsrf-token'] = grant.token;
  if (request.body?.type) headers['content-type'] = request.body.type;
  return target.app.inject({
    method: method as InjectOptions['method'],
    url: request.url,
    headers: { ...headers, ...request.headers },
    payload: request.body?.payload,
    remoteAddress: address,
  });
}

/** The message of the last error the app logged (what a 5xx was). */
function lastError(logs: string[]): string {
  const line = [...logs].reverse().find((l) => l.includes('"level":"error"') || l.includes('"level":50'));
  if (!line) return 'nothing logged';
  const parsed = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string } };
  return `${parsed.msg ?? ''}: ${parsed.err?.type ?? ''} ${parsed.err?.message ?? ''}`.slice(0, 300);
}

/**
 * Whether a principal's run on a route differs from the anonymous one. A session is only read in
 * its own area: elsewhere a member or staff member is the anonymous run again. A half-signed staff
 * member gets past the guard of the two sign-in steps only (any other back-office route refuses
 * them before reading anything, as it does a visitor).
 */
function reaches(principal: Principal, route: RouteUnderCheck): boolean {
  if (principal.kind === 'anonymous') return true;
  if (principal.kind === 'staff-pending') return route.config.access === 'staff-pending';
  return principal.hasSessionIn(areaOf(route.url));
}

/**
 * Sends every hostile input (hostileRequests) to every route, anonymously and as each principal
 * with a session in the route's area (storefront or back office) that gets past its guard. Never a 5xx,
 * never a stack trace, and a refused request (4xx) changes nothing in the database. A request
 * the app accepts (below 400: a sign-out whatever its body, a test mail, a session touched) may
 * write, as it would for any visitor: when a batch with accepted requests changed the row
 * counts, its refused requests are sent again, and must change nothing.
 */
export async function fuzzRoutes(
  target: FuzzTarget,
  routes: RouteUnderCheck[],
  principals: Principal[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const all = hostileRequests(route, target.samples, target.cookieNames);
    const writes = stateChangingMethods.has(route.method);
    for (const principal of principals.filter((p) => reaches(p, route))) {
      const where = `${route.name} as ${principal.name}`;
      // Cookie inputs replace the principal's own cookies: the same as the anonymous run.
      const requests =
        principal.kind === 'anonymous' ? all : all.filter((request) => !request.cookies && !request.rawCookie);
      const run = async (batch: HostileRequest[], grant: CsrfGrant | undefined) => {
        const before = await tableDigests(target.database);
        const address = nextClientAddress();
        const refused: HostileRequest[] = [];
        for (const request of batch) {
          let response: LightMyRequestResponse;
          try {
            response = await send(target, principal, route.method, request, grant, address);
          } catch (error) {
            failures.push(`${where}, ${request.label}: could not be sent (${(error as Error).message})`);
            continue;
          }
          if (response.statusCode >= 500)
            failures.push(`${where}, ${request.label}: ${summary(response)} (${lastError(target.logs)})`);
          if (showsStackTrace(response.body))
            failures.push(`${where}, ${request.label}: the answer shows a stack trace or source path`);
          if (response.statusCode >= 400) refused.push(request);
        }
        return { refused, changes: tableChanges(before, await tableDigests(target.database)) };
      };
      await principal.ensureSignedIn();
      const grant = writes ? await principal.csrf(areaOf(sampleUrl(route.url, target.samples))) : undefined;
      if (writes) principal.mayHaveSignedOut();
      const batch = await run(requests, grant);
      if (batch.changes.length === 0) continue;
      // Some were accepted (a sign-out, a test mail): the refused ones again, as the principal now
      // is (no new session, same token), must change nothing; if they do, each alone names it.
      const again = batch.refused.length === requests.length ? batch : await run(batch.refused, grant);
      if (again.changes.length === 0) continue;
      const named: string[] = [];
      for (const request of again.refused) {
        const alone = await run([request], grant);
        if (alone.refused.length === 1 && alone.changes.length > 0)
          named.push(`${where}, ${request.label}: refused, yet changed the database (${alone.changes.join(', ')})`);
      }
      failures.push(
        ...(named.length > 0
          ? named
          : [`${where}: refused hostile input changed the database (${again.changes.join(', ')})`]),
      );
    }
  }
  return failures;
}
