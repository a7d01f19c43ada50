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
  /** The payment gateway (docs/payments.md): the sandbox (a test PSP, no real money) or Stripe. */
  payments: PaymentsConfig;
}

export type PaymentsConfig =
  | {
      gateway: 'sandbox';
      /**
       * The sandbox gateway's API (and page) address. Its keys are derived from the shop's secrets
       * unless both are given: a restarted shop still talks to a gateway that kept running.
       */
      sandbox: {
        url: string;
        apiKey: string | undefined;
        webhookSecret: string | undefined;
        /** The shop starts the gateway beside itself (npm start): at a loopback address, unless SANDBOX_GATEWAY_START=false. */
        start: boolean;
      };
    }
  | { gateway: 'stripe'; stripe: { secretKey: string; webhookSecret: string } };

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

  const payments = parsePayments(read, oneOf, flag, url, nodeEnv);

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
    payments,
  };
}

/**
 * The sandbox is the default, so `npm start` sells with test cards and nothing to set up; in
 * production it is refused (it takes no real money, so a shop left on it would "sell" for free)
 * unless SANDBOX_GATEWAY_IN_PRODUCTION says this is meant (a public demo).
 */
function parsePayments(
  read: (name: string) => string | undefined,
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallback: T) => T,
  flag: (name: string, fallback: boolean) => boolean,
  url: (name: string, protocols: readonly string[]) => string | undefined,
  nodeEnv: Config['env'],
): PaymentsConfig {
  const gateway = oneOf('PAYMENT_GATEWAY', ['sandbox', 'stripe'] as const, 'sandbox');
  const key = (name: string, pattern: RegExp, shape: string) => {
    const value = read(name);
    if (value !== undefined && !pattern.test(value)) throw new ConfigError(name, `must be ${shape}`);
    return value;
  };
  if (gateway === 'stripe') {
    const secretKey = key(
      'STRIPE_SECRET_KEY',
      /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
      'a Stripe secret key (sk_live_…, sk_test_… or rk_…)',
    );
    if (secretKey === undefined) throw new ConfigError('STRIPE_SECRET_KEY', 'is required when PAYMENT_GATEWAY=stripe');
    const webhookSecret = key(
      'STRIPE_WEBHOOK_SECRET',
      /^whsec_[A-Za-z0-9_]+$/,
      "the webhook endpoint's signing secret (whsec_…)",
    );
    if (webhookSecret === undefined) {
      throw new ConfigError(
        'STRIPE_WEBHOOK_SECRET',
        'is required when PAYMENT_GATEWAY=stripe (the signing secret of the webhook endpoint)',
      );
    }
    return { gateway, stripe: { secretKey, webhookSecret } };
  }
  if (nodeEnv === 'production' && !flag('SANDBOX_GATEWAY_IN_PRODUCTION', false)) {
    throw new ConfigError(
      'PAYMENT_GATEWAY',
      'is sandbox (the default), a test gateway that takes no real money: in production set PAYMENT_GATEWAY=stripe with STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or SANDBOX_GATEWAY_IN_PRODUCTION=true for a demo shop',
    );
  }
  const sandboxKey = (name: string) => key(name, /^\S{16,}$/, 'at least 16 characters, without spaces');
  const apiKey = sandboxKey('SANDBOX_GATEWAY_API_KEY');
  const webhookSecret = sandboxKey('SANDBOX_GATEWAY_WEBHOOK_SECRET');
  if ((apiKey === undefined) !== (webhookSecret === undefined)) {
    throw new ConfigError(
      apiKey === undefined ? 'SANDBOX_GATEWAY_API_KEY' : 'SANDBOX_GATEWAY_WEBHOOK_SECRET',
      'must be set together with the other sandbox key (SANDBOX_GATEWAY_API_KEY, SANDBOX_GATEWAY_WEBHOOK_SECRET), or neither',
    );
  }
  const sandboxUrl = (url('SANDBOX_GATEWAY_URL', ['http:', 'https:']) ?? 'http://127.0.0.1:4242').replace(/\/$/, '');
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(sandboxUrl).hostname);
  const start = flag('SANDBOX_GATEWAY_START', loopback);
  return { gateway, sandbox: { url: sandboxUrl, apiKey, webhookSecret, start } };
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
