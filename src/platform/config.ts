import path from 'node:path';

/**
 * The whole runtime configuration, read once from the environment at start-up.
 * Every variable is documented in docs/configuration.md. A bad value stops the process with a
 * message naming the variable and what was wrong, before anything listens or migrates.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /**
   * Whether cookies carry Secure and the __Host- prefix, and responses HSTS: true when the shop
   * is served over HTTPS (PUBLIC_URL). One setting, read wherever a cookie is set.
   */
  secureCookies: boolean;
  dataDir: string;
  /**
   * The erasure tombstones (privacy/rights/tombstones.ts): kept outside the database, and backed
   * up apart from it, so a restored database can be told whom to erase again (docs/backups.md).
   */
  tombstoneFile: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secretKey: string | undefined;
  seedDemo: boolean;
  trustProxy: boolean | number | string;
  runJobs: boolean;
  rateLimit: { requestsPerMinute: number; writesPerMinute: number };
  /** How long a client may take to send a whole request, and its headers (docs/deployment.md). */
  timeouts: { requestMs: number; headersMs: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
    }
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new ConfigError(name, `must be a whole number between ${min} and ${max} (got "${raw}")`);
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `must be true or false (got "${raw}")`);
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(name, 'is not a valid URL');
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const host = read('HOST') ?? '127.0.0.1';
  const port = integer('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(cwd, read('DATA_DIR') ?? 'data');
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://${host}:${port}`).replace(/\/$/, '');

  const secretKey = read('SECRET_KEY');
  if (secretKey !== undefined && secretKey.length < 32) {
    throw new ConfigError('SECRET_KEY', 'must be at least 32 characters long (use `openssl rand -hex 32`)');
  }

  // A client that sends slowly (or stops half-way) holds a connection: it gets 408 and is closed.
  const requestTimeoutMs = integer('REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000);
  const headersTimeoutMs = integer('HEADERS_TIMEOUT_MS', Math.min(10_000, requestTimeoutMs), 100, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'HEADERS_TIMEOUT_MS',
      `must not be longer than REQUEST_TIMEOUT_MS (${requestTimeoutMs}), which includes the headers (got "${headersTimeoutMs}")`,
    );
  }

  const mailFrom = read('MAIL_FROM');
  if (mailFrom !== undefined && !/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'must be an address such as "Shop <shop@example.com>"');
  }

  return {
    env: nodeEnv,
    host,
    port,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    dataDir,
    tombstoneFile: path.resolve(cwd, read('ERASURE_TOMBSTONES_FILE') ?? path.join(dataDir, 'erasure-tombstones.jsonl')),
    database: parseDatabase(read('DATABASE_URL'), dataDir, cwd),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    secretKey,
    seedDemo: flag('SEED_DEMO', true),
    trustProxy: parseTrustProxy(read('TRUST_PROXY')),
    runJobs: flag('RUN_JOBS', true),
    rateLimit: {
      requestsPerMinute: integer('RATE_LIMIT_REQUESTS_PER_MINUTE', 600, 1, 1_000_000_000),
      writesPerMinute: integer('RATE_LIMIT_WRITES_PER_MINUTE', 60, 1, 1_000_000_000),
    },
    timeouts: { requestMs: requestTimeoutMs, headersMs: headersTimeoutMs },
  };
}

function parseDatabase(raw: string | undefined, dataDir: string, cwd: string): Config['database'] {
  if (raw === undefined) return { engine: 'sqlite', file: path.join(dataDir, 'vitrine.sqlite') };
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { engine: 'postgres', url: raw };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '')
      throw new ConfigError('DATABASE_URL', 'needs a file path after sqlite: (for example sqlite:data/shop.sqlite)');
    return { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  throw new ConfigError('DATABASE_URL', 'must start with postgres://, postgresql:// or sqlite:');
}

/** Same forms as Fastify's trustProxy: off, on, a hop count, or a list of addresses/CIDRs. */
function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^[0-9a-fA-F.:/,\s]+$/.test(raw)) return raw;
  throw new ConfigError('TRUST_PROXY', `must be true, false, a hop count or a list of proxy addresses (got "${raw}")`);
}
