import type { SessionRow } from './session-store.js';

/**
 * Who is signed in on a storefront request. Declared here, below the web layer, because every
 * page's header reads it (web/page-context.ts); the members module's session hook sets it.
 */
export interface SignedInMember {
  id: string;
  session: SessionRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member, or null for a visitor (set from the session cookie on each request). */
    member: SignedInMember | null;
  }
}
