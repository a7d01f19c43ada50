import type { FieldEncryption } from '../crypto/field-encryption.js';

/**
 * One-time secrets in a mail (the token of a verification, reset or invitation link) never sit in
 * plain text in a stored copy: the text keeps a marker where each secret was, and the secrets
 * travel apart, encrypted (FieldEncryption), for as long as they work. Whoever must show or send
 * the real text (the mail job, the development mailbox) puts them back with `reveal`.
 */
const markerPattern = /\{\{one-time-secret:(\d+)\}\}/g;

function markerOf(index: number): string {
  return `{{one-time-secret:${index}}}`;
}

/** The text with every occurrence of each secret replaced by its marker. */
export function markSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (marked, secret, index) => (secret ? marked.split(secret).join(markerOf(index)) : marked),
    text,
  );
}

/** The text with its markers replaced: by the secrets, or by what `hidden` says in their place. */
export function reveal(text: string, secrets: readonly string[] | ((index: number) => string)): string {
  return text.replace(markerPattern, (_marker, index: string) =>
    typeof secrets === 'function' ? secrets(Number(index)) : (secrets[Number(index)] ?? ''),
  );
}

export function sealSecrets(encryption: FieldEncryption, secrets: readonly string[]): string {
  return encryption.encrypt(JSON.stringify(secrets));
}

export function unsealSecrets(encryption: FieldEncryption, sealed: string): string[] {
  const secrets = JSON.parse(encryption.decrypt(sealed)) as unknown;
  if (!Array.isArray(secrets) || !secrets.every((secret) => typeof secret === 'string'))
    throw new Error('sealed one-time secrets are malformed');
  return secrets;
}
