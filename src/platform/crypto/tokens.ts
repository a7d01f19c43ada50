import { randomBytes, timingSafeEqual } from 'node:crypto';

// Ids are cut from a block of cryptographically random bytes, refilled when used up: one system
// call per few hundred ids instead of one each (ids are made on every request: nonce, request
// id). No byte is ever handed out twice.
let pool = Buffer.alloc(0);
let offset = 0;

/** An unguessable identifier for anything a person can see or hold (ids, tokens): 128 bits. */
export function randomId(bytes = 16): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(Math.max(4096, bytes));
    offset = 0;
  }
  const id = pool.toString('base64url', offset, offset + bytes);
  offset += bytes;
  return id;
}

/** Compares secrets in constant time, so the comparison leaks nothing through timing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What our tokens look like (base64url); anything else is refused before reaching the database. */
export function isTokenShaped(token: string): boolean {
  return token.length > 0 && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);
}
