import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { type StaffPermission, mayStaff } from '../../src/modules/backoffice/staff-access.js';
import { type Area, type Principal, areaOf } from '../principals.js';
import { postForm } from './request-as.js';
import { errorCodeOf, summary } from './responses.js';
import { tableChanges, tableDigests } from './table-digests.js';
import { type RouteUnderCheck, sampleUrl, stateChangingMethods } from './routes-under-check.js';

/** The principals a route is otherwise open to: the CSRF check must be what refuses them. */
export function allowedPrincipals(route: RouteUnderCheck, principals: Principal[]): Principal[] {
  const access = route.config.access;
  const area = areaOf(route.url);
  if (access === 'public')
    return principals
      .filter((p) => p.kind === 'anonymous' || p.hasSessionIn(area))
      .filter((p, i, all) => all.findIndex((q) => q.kind === p.kind) === i);
  if (access === 'member') return principals.filter((p) => p.kind === 'member');
  if (access === 'staff-pending') return principals.filter((p) => p.kind === 'staff-pending');
  const permission = access?.staff;
  return principals
    .filter(
      (p) => p.kind === 'staff' && p.role && permission && mayStaff({ role: p.role }, permission as StaffPermission),
    )
    .slice(0, 1);
}

const otherArea = (area: Area): Area => (area === 'storefront' ? 'back-office' : 'storefront');

/**
 * Every state-changing route (unless it opts out with `config.csrf: false`), for each principal
 * it is otherwise open to: refused with 403 VT_CSRF_INVALID without a token, with the token (and
 * cookie) of another session of the same kind, with another session's token against this
 * session's cookie, and with a token of the other kind of session (storefront vs back office);
 * the refused requests change nothing in the database; and the same request with the right token
 * gets past the check (so the refusals are not for some other reason).
 * `others`: a second principal of each name (another person, another session).
 */
export async function checkCsrf(
  app: FastifyInstance,
  database: Database,
  routes: RouteUnderCheck[],
  principals: Principal[],
  others: Principal[],
  samples: Record<string, string>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes.filter((r) => stateChangingMethods.has(r.method) && r.config.csrf !== false)) {
    const url = sampleUrl(route.url, samples);
    const area = areaOf(url);
    for (const principal of allowedPrincipals(route, principals)) {
      const other = others.find((p) => p.name === principal.name);
      const own = await principal.csrf(area);
      const otherKind = await principal.csrf(otherArea(area));
      const another = other ? await other.csrf(area) : undefined;
      const cases: [string, Record<string, string>, string][] = [
        ['no token', {}, principal.cookieHeader()],
        [
          'a token of the other kind of session',
          { _csrf: otherKind.token },
          principal.cookieHeader({ [own.cookieName]: otherKind.token }),
        ],
      ];
      if (another) {
        cases.push(['another session’s token against this cookie', { _csrf: another.token }, principal.cookieHeader()]);
        // Two browsers without a session here share the binding: their pair is valid for either (double submit).
        if (principal.hasSessionIn(area))
          cases.push([
            'the token and cookie of another session',
            { _csrf: another.token },
            principal.cookieHeader({ [own.cookieName]: another.token }),
          ]);
      }

      const before = await tableDigests(database);
      for (const [label, form, cookie] of cases) {
        const response = await postForm(app, principal, route.method, url, form, cookie);
        if (response.statusCode !== 403 || errorCodeOf(response) !== 'VT_CSRF_INVALID') {
          failures.push(
            `${route.name} as ${principal.name}, ${label}: ${summary(response)}, should be 403 VT_CSRF_INVALID`,
          );
        }
      }
      const changes = tableChanges(before, await tableDigests(database));
      if (changes.length > 0)
        failures.push(
          `${route.name} as ${principal.name}: refused forgeries changed the database (${changes.join(', ')})`,
        );

      const genuine = await postForm(app, principal, route.method, url, { _csrf: own.token }, principal.cookieHeader());
      principal.mayHaveSignedOut();
      if (errorCodeOf(genuine) === 'VT_CSRF_INVALID')
        failures.push(`${route.name} as ${principal.name}: refused even with its own token (${summary(genuine)})`);
    }
  }
  return failures;
}
