import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The hosted page's CSRF protection, its own (the shop's does not reach this origin): a random
 * value in an HttpOnly cookie of the gateway's origin, and in each form an HMAC of that value
 * and the session id. Another site can make a browser post to the page, but cannot read the
 * cookie nor the page, so it cannot produce the token.
 */
export const csrfCookie = 'sandbox_gateway_csrf';

export class PageCsrf {
  private readonly key = randomBytes(32);

  constructor(private readonly secureCookie: boolean) {}

  /** The token for this browser and session, setting the browser's cookie first if it has none. */
  token(request: FastifyRequest, reply: FastifyReply, sessionId: string): string {
    let binding = readCookie(request, csrfCookie);
    if (!binding || !/^[A-Za-z0-9_-]{22,64}$/.test(binding)) {
      binding = randomBytes(18).toString('base64url');
      reply.header(
        'set-cookie',
        `${csrfCookie}=${binding}; Path=/pay; HttpOnly; SameSite=Lax${this.secureCookie ? '; Secure' : ''}`,
      );
    }
    return this.sign(binding, sessionId);
  }

  verify(request: FastifyRequest, sessionId: string, token: unknown): boolean {
    const binding = readCookie(request, csrfCookie);
    if (!binding || typeof token !== 'string') return false;
    const expected = Buffer.from(this.sign(binding, sessionId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(binding: string, sessionId: string): string {
    return createHmac('sha256', this.key).update(`${binding}.${sessionId}`).digest('base64url');
  }
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
