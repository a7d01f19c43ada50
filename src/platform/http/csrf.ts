import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defineCookie } from '../../privacy/core/declare.js';
import { cookieNameFor, setDeclaredCookie } from './cookie-guard.js';
import type { Secrets } from '../crypto/secrets.js';
import { randomId, safeEqual } from '../crypto/tokens.js';
import { AppError } from './errors.js';
import { isBackOfficeRequest } from './route-access.js';

export const csrfCookie = defineCookie({
  name: 'XSRF-TOKEN',
  category: 'essential',
  purpose: {
    en: 'Security: proves that a form was sent from this site and not forged by another one (CSRF protection).',
    fr: 'Sécurité : prouve qu’un formulaire a été envoyé depuis ce site et non falsifié par un autre (protection CSRF).',
  },
  duration: 'session',
  httpOnly: true,
});

/** The back office's own token: a storefront form never invalidates an open staff form, nor the reverse. */
export const staffCsrfCookie = defineCookie({
  name: 'XSRF-STAFF',
  category: 'essential',
  purpose: {
    en: 'Security: proves that a back-office form was sent by the shop’s staff from this site (CSRF protection). Set for staff only.',
    fr: 'Sécurité : prouve qu’un formulaire de l’espace d’administration a été envoyé par l’équipe depuis ce site (protection CSRF). Posé pour l’équipe seulement.',
  },
  duration: 'session',
  httpOnly: true,
});

export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'x-xsrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The CSRF token to put in this page's forms; sets the cookie on first use. */
    csrfToken(reply: FastifyReply): string;
    /**
     * The session the request belongs to ('' for a visitor), set by whoever resolves sessions:
     * tokens are signed together with it, so a token minted before sign-in (or for another
     * session) is refused after it.
     */
    csrfBinding: string;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit CSRF protection (OWASP). The XSRF-TOKEN cookie holds a random value and
 * its HMAC under the server's key; every state-changing request must repeat the same token in
 * the `_csrf` form field or the X-XSRF-Token header. A forged page on another site can make the
 * browser send the cookie but can neither read it nor mint a valid one. The cookie is only set
 * when a page renders a form, so most pages set no cookie at all. Tokens are bound to the
 * session (`csrfBinding`): signing in or out makes older tokens invalid (OWASP: no CSRF token
 * outlives the session it was issued for).
 * The storefront (visitors and members) and the back office (staff) are two kinds of session,
 * each with its own cookie and with the kind signed into the token: opening a form on one side
 * never replaces the token of a form open on the other, and a token of one kind is refused by
 * the other.
 * Routes that authenticate otherwise (signed webhooks) opt out with `config: { csrf: false }`;
 * routes whose body is read later than the parsing step (multipart) say `csrf: 'after-body'`.
 */
export function csrfProtection(app: FastifyInstance, options: { secrets: Secrets; secure: boolean }) {
  const cookieNames = {
    storefront: cookieNameFor(csrfCookie, options.secure),
    staff: cookieNameFor(staffCsrfCookie, options.secure),
  };
  const kindOf = (request: FastifyRequest): SessionKind => (isBackOfficeRequest(request) ? 'staff' : 'storefront');
  const sign = (kind: SessionKind, binding: string, value: string) =>
    options.secrets.sign('csrf', `${kind}.${binding}.${value}`);
  const isValid = (token: string | undefined, kind: SessionKind, binding: string): token is string => {
    if (!token) return false;
    const dot = token.indexOf('.');
    return dot > 0 && safeEqual(token.slice(dot + 1), sign(kind, binding, token.slice(0, dot)));
  };

  app.decorateRequest('csrfBinding', '');
  app.decorateRequest('csrfToken', function (this: FastifyRequest, reply: FastifyReply) {
    const kind = kindOf(this);
    const existing = this.cookies[cookieNames[kind]];
    if (isValid(existing, kind, this.csrfBinding)) return existing;
    const value = randomId();
    const token = `${value}.${sign(kind, this.csrfBinding, value)}`;
    // Remember it for the rest of this request, so several forms share one token.
    this.cookies[cookieNames[kind]] = token;
    setDeclaredCookie(reply, kind === 'staff' ? staffCsrfCookie : csrfCookie, token, { secure: options.secure });
    return token;
  });

  const verify = async (request: FastifyRequest) => {
    const kind = kindOf(request);
    const cookie = request.cookies[cookieNames[kind]];
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers[csrfHeaderName] ?? (typeof body === 'object' && body ? body[csrfFieldName] : undefined);
    if (!isValid(cookie, kind, request.csrfBinding) || typeof sent !== 'string' || !safeEqual(sent, cookie)) {
      throw new AppError('VT_CSRF_INVALID');
    }
  };
  // An unmatched route changes nothing: it gets its 404, not a CSRF refusal.
  const checked = (request: FastifyRequest) =>
    stateChanging.has(request.method) && !!request.routeOptions.url && request.routeOptions.config.csrf !== false;
  const afterBody = (request: FastifyRequest) => request.routeOptions.config.csrf === 'after-body';
  app.addHook('preValidation', async (request) => {
    if (checked(request) && !afterBody(request)) await verify(request);
  });
  // A multipart form is read by its route's own preValidation hook, which runs after the one
  // above: its token is checked once it is read, first of the route's preHandlers (before its
  // guard and handler). Only those routes get the hook: the others pay nothing for it.
  app.addHook('onRoute', (route) => {
    if (route.config?.csrf !== 'after-body') return;
    const own = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [
      async (request: FastifyRequest) => {
        if (checked(request)) await verify(request);
      },
      ...own,
    ];
  });
}

type SessionKind = 'storefront' | 'staff';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false: the route authenticates otherwise (a signed webhook). 'after-body': its body is read
     * after the parsing step (a multipart upload, read in its own preValidation hook), so the
     * token in it is checked at preHandler instead.
     */
    csrf?: boolean | 'after-body';
  }
}
