import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defineCookie } from '../../privacy/declare.js';
import { cookieNameFor, setDeclaredCookie } from '../../privacy/cookies/cookie-guard.js';
import type { Secrets } from '../crypto/secrets.js';
import { randomId, safeEqual } from '../crypto/tokens.js';
import { AppError } from './errors.js';

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
 * Routes that authenticate otherwise (signed webhooks) opt out with `config: { csrf: false }`.
 */
export function csrfProtection(app: FastifyInstance, options: { secrets: Secrets; secure: boolean }) {
  const cookieName = cookieNameFor(csrfCookie, options.secure);
  const mint = (binding: string) => {
    const value = randomId();
    return `${value}.${options.secrets.sign('csrf', `${binding}.${value}`)}`;
  };
  const isValid = (token: string | undefined, binding: string): token is string => {
    if (!token) return false;
    const dot = token.indexOf('.');
    return dot > 0 && safeEqual(token.slice(dot + 1), options.secrets.sign('csrf', `${binding}.${token.slice(0, dot)}`));
  };

  app.decorateRequest('csrfBinding', '');
  app.decorateRequest('csrfToken', function (this: FastifyRequest, reply: FastifyReply) {
    const existing = this.cookies[cookieName];
    if (isValid(existing, this.csrfBinding)) return existing;
    const token = mint(this.csrfBinding);
    // Remember it for the rest of this request, so several forms share one token.
    this.cookies[cookieName] = token;
    setDeclaredCookie(reply, csrfCookie, token, { secure: options.secure });
    return token;
  });

  app.addHook('preValidation', async (request) => {
    // An unmatched route changes nothing: it gets its 404, not a CSRF refusal.
    if (!stateChanging.has(request.method) || !request.routeOptions.url || request.routeOptions.config.csrf === false) return;
    const cookie = request.cookies[cookieName];
    const body = request.body as Record<string, unknown> | undefined;
    const sent = request.headers[csrfHeaderName] ?? (typeof body === 'object' && body ? body[csrfFieldName] : undefined);
    if (!isValid(cookie, request.csrfBinding) || typeof sent !== 'string' || !safeEqual(sent, cookie)) {
      throw new AppError('VT_CSRF_INVALID');
    }
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    csrf?: boolean;
  }
}
