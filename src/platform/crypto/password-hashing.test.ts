import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password-hashing.js';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('treats a damaged stored hash as a wrong password, and asks to rehash weaker parameters', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('the decoy check refuses every password', async () => {
    expect(await verifyAgainstDecoy('whatever it is')).toBe(false);
  });
});
