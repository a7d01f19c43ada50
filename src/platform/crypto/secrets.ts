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
}

interface SecretsFile {
  masterKey: string;
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
  };
}

function readOrCreate(file: string): SecretsFile {
  if (!fs.existsSync(file)) {
    const secrets: SecretsFile = {
      masterKey: randomBytes(32).toString('base64url'),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole to a private temporary file, then linked into place: link() fails if the
    // file exists, so when two processes start together one wins and the other reads the
    // winner's complete file, never a half-written one.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SecretsFile>;
  if (typeof stored.masterKey !== 'string' || stored.masterKey.length < 32) {
    throw new Error(`${file} is damaged: it needs masterKey (32+ characters). Restore it from a backup.`);
  }
  return stored as SecretsFile;
}
