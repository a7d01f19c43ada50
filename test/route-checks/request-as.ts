import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Principal, areaOf } from '../principals.js';
import { stateChangingMethods } from './routes-under-check.js';

/**
 * One request as a principal's browser would send it: its cookies, and for a state-changing
 * method a fresh CSRF token of the right kind in the form (so CSRF never hides what a guard does).
 */
export async function requestAs(
  app: FastifyInstance,
  principal: Principal,
  method: string,
  url: string,
  form: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  await principal.ensureSignedIn();
  if (!stateChangingMethods.has(method)) {
    return app.inject({
      method: method as InjectOptions['method'],
      url,
      headers: { ...principal.headers, cookie: principal.cookieHeader() },
      ...principal.client,
    });
  }
  const grant = await principal.csrf(areaOf(url));
  principal.mayHaveSignedOut();
  return postForm(app, principal, method, url, { _csrf: grant.token, ...form }, principal.cookieHeader());
}

/** A form sent with exactly the given token and cookies (the CSRF cases build them by hand). */
export function postForm(
  app: FastifyInstance,
  principal: Principal,
  method: string,
  url: string,
  form: Record<string, string>,
  cookie: string,
) {
  return app.inject({
    method: method as InjectOptions['method'],
    url,
    headers: { ...principal.headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
    ...principal.client,
  });
}
