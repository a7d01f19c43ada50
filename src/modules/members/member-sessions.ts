import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { isBackOfficeRequest } from '../../platform/http/route-access.js';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { memberAccount } from '../../platform/auth/login-throttle.js';
import { clearDeclaredCookie, cookieNameFor, setDeclaredCookie } from '../../platform/http/cookie-guard.js';
import { paths } from '../../web/paths.js';
import type { SessionRow } from '../../platform/auth/session-store.js';
import type { MemberService } from './member-service.js';
import { memberSessionCookie } from './privacy.js';
import { clientOf } from '../../platform/auth/client-of.js';
import type { SessionService, StartedSession } from '../../platform/auth/session-service.js';
import { memberSessionLifetime } from './sign-in-service.js';
import type {} from '../../platform/auth/signed-in-member.js';

/** The throttle identifier of the "Remember me" session open in this browser: a known device of that account. */
export function rememberedAccount(request: FastifyRequest): string | undefined {
  return request.member?.session.remember === 1 ? memberAccount(request.member.id) : undefined;
}

/**
 * Reads the member session cookie on every request. A visitor without the cookie costs nothing;
 * an unknown, tampered or expired token is treated as signed out and its cookie cleared.
 * A "Remember me" cookie is renewed for 12 months whenever its session is extended.
 */
export function memberSessions(
  app: FastifyInstance,
  options: { sessions: SessionService; members: MemberService; secure: boolean },
) {
  const cookieName = cookieNameFor(memberSessionCookie, options.secure);
  app.decorateRequest('member', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookieName];
    if (token === undefined || request.url.startsWith('/assets/') || isBackOfficeRequest(request)) return;
    const resolved = await options.sessions.resolve(token, memberSessionLifetime, clientOf(request));
    if (!resolved) {
      clearDeclaredCookie(reply, memberSessionCookie, { secure: options.secure });
      return;
    }
    request.member = { id: resolved.session.account_id, session: resolved.session };
    request.csrfBinding = resolved.session.id;
    if (resolved.extended) {
      // At most once a minute per session (SessionService), and one write a day (noteActivity).
      await options.members.noteActivity(resolved.session.account_id);
      if (resolved.session.remember === 1) setSessionCookie(reply, resolved.session, token, options.secure);
    }
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  session: Pick<SessionRow, 'remember'>,
  token: string,
  secure: boolean,
) {
  setDeclaredCookie(reply, memberSessionCookie, token, {
    secure,
    duration: session.remember === 1 ? memberSessionCookie.duration : 'session',
  });
}

/** After sign-in (or a new token): the cookie, and the request now belongs to the new session. */
export function adoptSession(request: FastifyRequest, reply: FastifyReply, started: StartedSession, secure: boolean) {
  setSessionCookie(reply, started.session, started.token, secure);
  request.member = { id: started.session.account_id, session: started.session };
  request.csrfBinding = started.session.id;
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  clearDeclaredCookie(reply, memberSessionCookie, { secure });
}

/** Pages of the account area: a visitor is sent to sign in, and brought back afterwards. */
export async function requireMember(request: FastifyRequest, reply: FastifyReply) {
  if (request.member) return;
  if (request.method === 'GET') {
    const locale = visitorLocale(request);
    return reply.redirect(`${paths.signIn(locale)}?next=${encodeURIComponent(request.url)}`, 303);
  }
  throw new AppError('VT_SIGN_IN_REQUIRED');
}
