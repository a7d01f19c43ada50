import { hash } from 'node:crypto';
import { randomId } from '../crypto/tokens.js';
import { addDuration } from '../../privacy/core/duration.js';
import type { SessionRow } from './session-store.js';
import type { KnownDevice } from './login-throttle.js';
import { SessionCache } from './session-cache.js';
import type { SessionStore } from './session-store.js';

/**
 * How long a session lives: it ends after `idle` without use (each use pushes the end back:
 * sliding expiry), and never later than `absolute` after sign-in, if given.
 */
export interface SessionLifetime {
  idle: string;
  absolute?: string;
}

/** Where a request comes from, stored so the account holder can recognise their devices. */
export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
  /** On sign-in forms: what the browser proves about earlier sign-ins (known-devices.ts). */
  device?: KnownDevice;
}

export interface StartedSession {
  /** Goes into the cookie, and nowhere else: the database keeps only its SHA-256. */
  token: string;
  session: SessionRow;
}

// Writing last use on every request would turn each page view into a write; a minute's precision
// is enough for "last used" and for idle expiry.
const touchEveryMs = 60_000;

/**
 * Opaque session tokens (OWASP Session Management): 256 random bits, stored hashed, so a copy of
 * the database cannot be replayed as cookies. A new token at every sign-in and privilege change
 * (no fixation). Used for members and for staff, each with its own store and lifetimes.
 */
export class SessionService {
  private readonly cache: SessionCache;

  /** `cacheMs`: how long a read session is reused without a query (0: every request reads). */
  constructor(
    private readonly store: SessionStore,
    private readonly now: () => Date,
    cacheMs = 0,
  ) {
    this.cache = new SessionCache(cacheMs);
  }

  async start(
    accountId: string,
    options: { lifetime: SessionLifetime; remember: boolean; stage?: SessionRow['stage']; client: ClientInfo },
  ): Promise<StartedSession> {
    const token = randomId(32);
    const now = this.now();
    const session: SessionRow = {
      id: randomId(),
      token_hash: hashToken(token),
      account_id: accountId,
      remember: options.remember ? 1 : 0,
      stage: options.stage ?? 'complete',
      ip: options.client.ip,
      user_agent: truncate(options.client.userAgent),
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: expiryOf(now, now, options.lifetime).toISOString(),
    };
    await this.store.insert(session);
    return { token, session };
  }

  /**
   * The live session a cookie's token designates, or undefined (unknown, tampered or expired
   * token: an expired row is deleted at once). Extends the session when it is used; `extended`
   * says it was, so a long-lived cookie can be renewed with it.
   */
  async resolve(
    token: string | undefined,
    lifetime: (session: SessionRow) => SessionLifetime,
    client: ClientInfo,
  ): Promise<{ session: SessionRow; extended: boolean } | undefined> {
    if (!token || token.length > 100) return undefined;
    const now = this.now();
    let session = this.cache.get(token, now.getTime());
    if (!session) {
      const generation = this.cache.generation;
      session = await this.store.findByTokenHash(hashToken(token));
      if (!session) return undefined;
      this.cache.set(token, session, now.getTime(), generation);
    }
    if (session.expires_at <= now.toISOString()) {
      await this.end(session.id);
      return undefined;
    }
    const userAgent = truncate(client.userAgent);
    if (
      now.getTime() - Date.parse(session.last_used_at) >= touchEveryMs ||
      session.ip !== client.ip ||
      session.user_agent !== userAgent
    ) {
      const changes = {
        last_used_at: now.toISOString(),
        expires_at: expiryOf(new Date(session.created_at), now, lifetime(session)).toISOString(),
        ip: client.ip,
        user_agent: userAgent,
      };
      await this.store.touch(session.id, changes);
      return { session: Object.assign(session, changes), extended: true };
    }
    return { session, extended: false };
  }

  /** Ends one session and starts its successor with a new token (privilege change). */
  async rotate(
    previous: SessionRow,
    options: { lifetime: SessionLifetime; stage?: SessionRow['stage']; client: ClientInfo },
  ): Promise<StartedSession> {
    await this.end(previous.id);
    return this.start(previous.account_id, { ...options, remember: previous.remember === 1 });
  }

  // Each end deletes first and empties the cache after: a read racing with the delete either
  // sees no row, or is dropped from the cache (see SessionCache.generation).
  async end(sessionId: string): Promise<void> {
    await this.store.delete(sessionId);
    this.cache.forget((session) => session.id === sessionId);
  }

  async endOne(accountId: string, sessionId: string): Promise<boolean> {
    const ended = await this.store.deleteOfAccount(accountId, sessionId);
    this.cache.forget((session) => session.id === sessionId && session.account_id === accountId);
    return ended;
  }

  async endAll(accountId: string, except?: string): Promise<number> {
    const ended = await this.store.deleteAllOfAccount(accountId, except);
    this.cache.forget((session) => session.account_id === accountId && session.id !== except);
    return ended;
  }

  list(accountId: string): Promise<SessionRow[]> {
    return this.store.listActive(accountId, this.now().toISOString());
  }
}

export function hashToken(token: string): string {
  // One-shot hash (Node 20.12+): a third of createHash's cost, and it runs on every signed-in request.
  return hash('sha256', token, 'base64url');
}

function expiryOf(started: Date, lastUse: Date, lifetime: SessionLifetime): Date {
  const idleEnd = addDuration(lastUse, lifetime.idle);
  if (!lifetime.absolute) return idleEnd;
  const absoluteEnd = addDuration(started, lifetime.absolute);
  return new Date(Math.min(idleEnd.getTime(), absoluteEnd.getTime()));
}

/** User agents can be kilobytes long; what identifies a device fits in 512 characters. */
function truncate(userAgent: string | undefined): string | null {
  return userAgent ? userAgent.slice(0, 512) : null;
}
