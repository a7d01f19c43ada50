import { randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable identifier for anything a person can see or hold (ids, tokens): 128 bits. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares secrets in constant time, so the comparison leaks nothing through timing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
