import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from './secrets.js';

/**
 * Encrypts one column value at rest (AES-256-GCM) for secrets the application must read back,
 * such as a staff member's two-factor key: a copy of the database alone does not reveal them.
 * The key is derived per purpose from the installation's master key; the purpose is also bound
 * as associated data, so a value cannot be moved to another column and still decrypt.
 * Format: `v1.<iv>.<ciphertext+tag>` in base64url.
 */
export class FieldEncryption {
  private readonly key: Buffer;

  constructor(
    secrets: Secrets,
    private readonly purpose: string,
  ) {
    this.key = secrets.key(`field:${purpose}`);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(this.purpose));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  /** Throws if the value was tampered with, or encrypted under another key or purpose. */
  decrypt(stored: string): string {
    const [version, iv, sealed] = stored.split('.');
    if (version !== 'v1' || !iv || !sealed) throw new Error(`not a ${this.purpose} value encrypted by FieldEncryption`);
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url')).setAAD(
      Buffer.from(this.purpose),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  }
}
