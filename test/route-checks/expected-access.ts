import type { FastifyContextConfig, LightMyRequestResponse } from 'fastify';
import { type StaffPermission, mayStaff } from '../../src/modules/backoffice/staff-access.js';
import type { Principal } from '../principals.js';
import { errorCodeOf, toMemberSignIn, toStaffSignIn } from './responses.js';

export type RouteAccess = NonNullable<FastifyContextConfig['access']>;

/**
 * What a principal should get from a route, from the route's declared access and the one
 * permission table (mayStaff): 'allowed', a refusal (described, with how to recognise it), or
 * 'either' for a half-signed staff member on a step of the sign-in that is not theirs (the code
 * page of someone who must set two-factor up first): which step is the sign-in's own rule.
 */
export type Expectation =
  | { outcome: 'allowed' }
  | { outcome: 'either' }
  | { outcome: 'refused'; refusal: string; matches: (response: LightMyRequestResponse) => boolean };

const hasCode = (status: number, code: string) => (response: LightMyRequestResponse) =>
  response.statusCode === status && errorCodeOf(response) === code;

const memberRefusal = (method: string): Expectation =>
  method === 'GET'
    ? { outcome: 'refused', refusal: '303 to the sign-in page (with next)', matches: toMemberSignIn }
    : { outcome: 'refused', refusal: '401 VT_SIGN_IN_REQUIRED', matches: hasCode(401, 'VT_SIGN_IN_REQUIRED') };

const staffRefusal = (method: string): Expectation =>
  method === 'GET'
    ? {
        outcome: 'refused',
        refusal: '303 to /admin/sign-in (with next)',
        matches: (response) => toStaffSignIn(response, true),
      }
    : { outcome: 'refused', refusal: '401 VT_UNAUTHORIZED', matches: hasCode(401, 'VT_UNAUTHORIZED') };

const pendingRefusal: Expectation = {
  outcome: 'refused',
  refusal: '303 to /admin/sign-in',
  matches: (response) => toStaffSignIn(response, false),
};

export function expectationFor(access: RouteAccess, principal: Principal, method: string): Expectation {
  if (access === 'public') return { outcome: 'allowed' };
  if (access === 'member') return principal.kind === 'member' ? { outcome: 'allowed' } : memberRefusal(method);
  if (access === 'staff-pending') return principal.kind === 'staff-pending' ? { outcome: 'either' } : pendingRefusal;
  if (principal.kind !== 'staff' || !principal.role) return staffRefusal(method);
  if (mayStaff({ role: principal.role }, access.staff as StaffPermission)) return { outcome: 'allowed' };
  return { outcome: 'refused', refusal: '403 VT_FORBIDDEN', matches: hasCode(403, 'VT_FORBIDDEN') };
}

const guardCodes = new Set(['VT_UNAUTHORIZED', 'VT_SIGN_IN_REQUIRED', 'VT_FORBIDDEN', 'VT_CSRF_INVALID']);

/**
 * Whether an answer came from past the guard: not one of the guards' refusals (401/403 with
 * their codes, a CSRF refusal, a redirect to a sign-in page that brings the visitor back), nor,
 * on a sign-in step, the redirect to the start of sign-in. A 404 for a thing that does not
 * exist, or a form refused for its content, is past the guard.
 */
export function passedGuard(access: RouteAccess, response: LightMyRequestResponse): boolean {
  if (guardCodes.has(errorCodeOf(response) ?? '')) return false;
  if (toMemberSignIn(response) || toStaffSignIn(response, true)) return false;
  return !(access === 'staff-pending' && toStaffSignIn(response, false));
}
