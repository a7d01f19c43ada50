/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration: 19 MiB of memory,
 * 2 passes, 1 lane. About 25 ms per hash on this project's reference machine (docs/accounts.md
 * and bench/sign-in.mjs measure it). The parameters are stored inside each hash, so raising them
 * later only needs `needsRehash` at the next successful sign-in.
 */
// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated-module builds cannot import.
export const passwordHashParameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const encodedParameters = `$argon2id$v=19$m=${passwordHashParameters.memoryCost},t=${passwordHashParameters.timeCost},p=${passwordHashParameters.parallelism}$`;

// The native module is loaded on the first password check, not at start-up (docs/performance.md).
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = () => {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
};

export async function hashPassword(password: string): Promise<string> {
  return (await loadArgon2()).hash(password, passwordHashParameters);
}

/** Never throws on a malformed stored hash: a damaged row is a failed sign-in, not a 500. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await (await loadArgon2()).verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Whether a hash was made with other (older) parameters and should be replaced. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(encodedParameters);
}

// A real hash of a random password, made once: checking a password against it costs exactly what
// checking a real account costs, so an unknown username answers no faster than a known one.
let decoy: Promise<string> | undefined;

/** Spends the time of one verification without an account (see `decoy` above). */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, password);
  return false;
}
