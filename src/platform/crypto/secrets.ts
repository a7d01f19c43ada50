import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The installation's secrets. One master key, from SECRET_KEY or generated on the first run
 * into DATA_DIR/secrets.json (mode 0600); every purpose gets its own key derived with HKDF, so
 * a key leaked from one use (say, a log of CSRF tokens) says nothing about another.
 * Several processes (PostgreSQL deployments) must share SECRET_KEY.
 */
export interface Secrets {
  /** A 32-byte key for one purpose ("csrf", "rate-limit", …). */
  key(purpose: string): Buffer;
  /** HMAC-SHA256 of a value under the purpose's key, base64url. */
  sign(purpose: string, value: string): string;
  /** Password of the temporary admin area (see docs/admin.md). */
  adminPassword: string;
}

interface SecretsFile {
  masterKey: string;
  adminPassword: string;
}

export function loadSecrets(options: { secretKey: string | undefined; dataDir: string }): Secrets {
  const stored = readOrCreate(path.join(options.dataDir, 'secrets.json'));
  const master = Buffer.from(options.secretKey ?? stored.masterKey, 'utf8');
  const keys = new Map<string, Buffer>();
  const key = (purpose: string) => {
    let derived = keys.get(purpose);
    if (!derived) {
      derived = Buffer.from(hkdfSync('sha256', master, 'vitrine', purpose, 32));
      keys.set(purpose, derived);
    }
    return derived;
  };
  return {
    key,
    sign: (purpose, value) => createHmac('sha256', key(purpose)).update(value).digest('base64url'),
    adminPassword: stored.adminPassword,
  };
}

function readOrCreate(file: string): SecretsFile {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets: SecretsFile = {
    masterKey: randomBytes(32).toString('base64url'),
    adminPassword: randomBytes(12).toString('base64url'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx' fails if another process created the file first; then we read theirs.
  try {
    fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile;
  }
}
