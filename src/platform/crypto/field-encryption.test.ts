import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldEncryption } from './field-encryption.js';
import { loadSecrets } from './secrets.js';

const secrets = (secretKey: string) =>
  loadSecrets({ secretKey, dataDir: mkdtempSync(path.join(tmpdir(), 'vitrine-fe-')) });

describe('FieldEncryption', () => {
  const fields = new FieldEncryption(secrets('k'.repeat(40)), 'staff-totp');

  it('reads back what it wrote, and never writes the same ciphertext twice', () => {
    const a = fields.encrypt('JBSWY3DPEHPK3PXP');
    const b = fields.encrypt('JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(fields.decrypt(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value, another purpose’s value and another installation’s value', () => {
    const sealed = fields.encrypt('secret');
    // Change the second-to-last character (all its bits are tag bits), whatever it was.
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(flipped).not.toBe(sealed);
    expect(() => fields.decrypt(flipped)).toThrow();
    expect(() => new FieldEncryption(secrets('k'.repeat(40)), 'other').decrypt(sealed)).toThrow();
    expect(() => new FieldEncryption(secrets('z'.repeat(40)), 'staff-totp').decrypt(sealed)).toThrow();
    expect(() => fields.decrypt('plain text')).toThrow(/not a staff-totp value/);
  });
});
