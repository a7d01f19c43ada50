import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieCategory } from '../../privacy/core/vocabulary.js';
import type { CookieDeclaration } from '../../privacy/core/declare.js';
import { durationSeconds } from '../../privacy/core/duration.js';
import type { CookieRegistry } from '../../privacy/core/cookie-registry.js';

/** Thrown (in development and tests) when a response tries to set a cookie it may not. */
export class CookieGuardError extends Error {
  constructor(
    readonly cookie: string,
    reason: string,
  ) {
    super(`Cookie "${cookie}" refused: ${reason}`);
    this.name = 'CookieGuardError';
  }
}

export interface CookieGuardOptions {
  registry: CookieRegistry;
  /** 'throw' in development and tests, so a mistake fails loudly; 'drop' in production. */
  onViolation: 'throw' | 'drop';
  /** Whether the visitor has consented to a category. Essential cookies need no consent. */
  hasConsent: (request: FastifyRequest, category: CookieCategory) => boolean;
}

/**
 * The last word on every Set-Cookie header, whoever wrote it (our code or any plugin): it runs
 * in onSend, after the cookie plugin has serialized its cookies. A cookie must be registered,
 * must not outlive its declared duration, and if not essential needs the visitor's consent.
 * Clearing a cookie is always allowed: removing data never needs permission.
 */
export function cookieGuard(app: FastifyInstance, options: CookieGuardOptions) {
  app.addHook('onSend', async (request, reply, payload) => {
    const header = reply.getHeader('set-cookie');
    if (header === undefined) return payload;
    const cookies = Array.isArray(header) ? header.map(String) : [String(header)];
    const kept = cookies.filter((line) => {
      const problem = checkCookie(line, request, options);
      if (!problem) return true;
      const name = cookieName(line);
      if (options.onViolation === 'throw') {
        // The error response must not carry the refused cookie (nor any other) either.
        reply.removeHeader('set-cookie');
        throw new CookieGuardError(name, problem);
      }
      request.log.error({ cookieName: name, problem }, 'cookie dropped by the cookie guard');
      return false;
    });
    if (kept.length !== cookies.length) {
      // reply.header() appends to Set-Cookie rather than replacing it: remove first.
      reply.removeHeader('set-cookie');
      if (kept.length > 0) reply.header('set-cookie', kept);
    }
    return payload;
  });
}

function cookieName(line: string): string {
  return line.slice(0, Math.max(0, line.indexOf('='))).trim();
}

function cookieValue(line: string): string {
  const end = line.indexOf(';');
  return line.slice(line.indexOf('=') + 1, end === -1 ? undefined : end).trim();
}

/**
 * The cookie's lifetime in seconds as a browser computes it (RFC 6265 §5.2 and §5.3): the last
 * valid Max-Age wins over any Expires; a Max-Age that is not an integer is ignored; the last
 * valid Expires applies otherwise; neither means a session cookie (undefined).
 */
export function cookieLifetime(line: string, now = Date.now()): number | undefined {
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const part of line.split(';').slice(1)) {
    const equals = part.indexOf('=');
    const key = (equals === -1 ? part : part.slice(0, equals)).trim().toLowerCase();
    const value = equals === -1 ? '' : part.slice(equals + 1).trim();
    if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = (Date.parse(value) - now) / 1000;
  }
  return maxAge ?? expires;
}

function checkCookie(line: string, request: FastifyRequest, options: CookieGuardOptions): string | undefined {
  const lifetime = cookieLifetime(line);
  // Clearing a cookie (empty value, already expired) removes data: always allowed.
  if (lifetime !== undefined && lifetime <= 0 && cookieValue(line) === '') return undefined;

  const declaration = options.registry.get(cookieName(line));
  if (!declaration) return 'it is not in the cookie registry (declare it with defineCookie in its module)';
  if (declaration.category !== 'essential' && !options.hasConsent(request, declaration.category)) {
    return `it is a ${declaration.category} cookie and the visitor has not consented to that category`;
  }
  if (declaration.duration === 'session' && lifetime !== undefined)
    return 'it is declared as a session cookie but has an expiry';
  if (
    declaration.duration !== 'session' &&
    lifetime !== undefined &&
    lifetime > durationSeconds(declaration.duration) + 60
  ) {
    return `it would live longer than its declared duration ${declaration.duration}`;
  }
  if (declaration.httpOnly && !/;\s*httponly\s*(;|$)/i.test(line))
    return 'it is declared HttpOnly but is set without it';
  return undefined;
}

/**
 * The name a declared cookie is set under: over HTTPS with the `__Host-` prefix, so browsers only
 * accept it from this exact host over HTTPS (no subdomain or plain-HTTP page can plant one).
 */
export function cookieNameFor(declaration: CookieDeclaration, secure: boolean): string {
  return secure ? `__Host-${declaration.name}` : declaration.name;
}

/** The attributes a declared cookie is set with; clearing it must repeat them (see below). */
function attributesOf(declaration: CookieDeclaration, secure: boolean) {
  return { path: '/', httpOnly: declaration.httpOnly, sameSite: 'lax', secure } as const;
}

/** Sets a declared cookie with the attributes its declaration implies (lifetime, HttpOnly). */
export function setDeclaredCookie(
  reply: FastifyReply,
  declaration: CookieDeclaration,
  value: string,
  options: { secure: boolean; duration?: string },
): FastifyReply {
  const duration = options.duration ?? declaration.duration;
  return reply.setCookie(cookieNameFor(declaration, options.secure), value, {
    ...attributesOf(declaration, options.secure),
    ...(duration === 'session' ? {} : { maxAge: durationSeconds(duration) }),
  });
}

/**
 * Removes a declared cookie from the browser. The clearing carries the same attributes as the
 * setting: a browser ignores a Set-Cookie for a `__Host-` name without `Secure`, so a sign-out
 * over HTTPS would otherwise leave the cookie in place.
 */
export function clearDeclaredCookie(
  reply: FastifyReply,
  declaration: CookieDeclaration,
  options: { secure: boolean },
): FastifyReply {
  return reply.clearCookie(cookieNameFor(declaration, options.secure), attributesOf(declaration, options.secure));
}
