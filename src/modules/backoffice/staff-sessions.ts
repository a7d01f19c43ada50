import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearDeclaredCookie, cookieNameFor, setDeclaredCookie } from '../../platform/http/cookie-guard.js';
import type { SessionRow } from '../../platform/auth/session-store.js';
import { clientOf } from '../../platform/auth/client-of.js';
import { staffSessionCookie } from './privacy.js';
import type { SessionService, StartedSession } from '../../platform/auth/session-service.js';
import { type StaffService, staffSessionLifetime } from './staff-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff session on /admin pages, complete or half-way (password passed, code not yet). */
    staffSession: SessionRow | null;
  }
}

/**
 * Reads the staff cookie. Registered inside the back office's plugin, so it runs on /admin
 * requests only: staff sessions are separate from member sessions (another cookie, another
 * table), and the storefront never looks at them.
 */
export function staffSessions(
  app: FastifyInstance,
  options: { sessions: SessionService; staff: StaffService; secure: boolean },
) {
  const cookieName = cookieNameFor(staffSessionCookie, options.secure);
  app.decorateRequest('staffSession', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookieName];
    if (token === undefined) return;
    const resolved = await options.sessions.resolve(token, staffSessionLifetime, clientOf(request));
    if (!resolved) {
      clearDeclaredCookie(reply, staffSessionCookie, { secure: options.secure });
      return;
    }
    request.staffSession = resolved.session;
    request.csrfBinding = resolved.session.id;
    request.staff = (await options.staff.principalOf(resolved.session)) ?? null;
  });
}

export function adoptStaffSession(
  request: FastifyRequest,
  reply: FastifyReply,
  started: StartedSession,
  secure: boolean,
) {
  setDeclaredCookie(reply, staffSessionCookie, started.token, { secure });
  request.staffSession = started.session;
  request.csrfBinding = started.session.id;
}

export function clearStaffCookie(reply: FastifyReply, secure: boolean) {
  clearDeclaredCookie(reply, staffSessionCookie, { secure });
}
