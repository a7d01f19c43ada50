import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.js';
import { type Database, openDatabase } from './platform/db/database.js';
import { collectMigrations, migrateToLatest } from './platform/db/migrator.js';
import { type Secrets, loadSecrets } from './platform/crypto/secrets.js';
import { DatabaseJobQueue } from './platform/jobs/database-job-queue.js';
import type { JobQueue } from './platform/jobs/job-queue.js';
import { loggerOptions } from './platform/log/logger.js';
import { FieldEncryption } from './platform/crypto/field-encryption.js';
import { MailService, mailSecretsPurpose } from './platform/mail/mail-service.js';
import { devMailboxEnabled } from './platform/mail/dev-mailbox.js';
import type { Mailer } from './platform/mail/mailer.js';
import { OutboxMailer } from './platform/mail/outbox-mailer.js';
import { MemoryRateLimitStore } from './platform/http/rate-limit/memory-store.js';
import type { RateLimitStore } from './platform/http/rate-limit/rate-limit-store.js';
import type { ModuleDefinition } from './platform/module.js';
import { PrivacyRegistry } from './privacy/registry.js';
import { modules as allModules } from './modules/index.js';
import { ShopService } from './modules/shop/shop-service.js';
import { ShopStore } from './modules/shop/shop-store.js';

/** Everything a module needs from the platform, built once per process (or per test suite). */
export interface AppContext {
  config: Config;
  logger: FastifyBaseLogger;
  database: Database;
  secrets: Secrets;
  modules: ModuleDefinition[];
  privacy: PrivacyRegistry;
  jobs: JobQueue;
  mailer: Mailer;
  mail: MailService;
  rateLimitStore: RateLimitStore;
  shop: ShopService;
  now: () => Date;
}

export interface ContextOverrides {
  database?: Database;
  logger?: FastifyBaseLogger;
  mailer?: Mailer;
  modules?: ModuleDefinition[];
  now?: () => Date;
}

/**
 * Opens the database, applies migrations, loads secrets and the shop identity, and seeds the
 * demo on a fresh database. Order matters: nothing reads a table before its migration ran.
 */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const logger = overrides.logger ?? (pino(loggerOptions(config.logLevel)) as FastifyBaseLogger);
  const modules = overrides.modules ?? allModules;
  const now = overrides.now ?? (() => new Date());
  const privacy = new PrivacyRegistry(modules);
  const database = overrides.database ?? (await openDatabase(config.database));
  const applied = await migrateToLatest(database, collectMigrations(modules));
  if (applied.length > 0) logger.info({ migrations: applied.length }, 'database migrated');

  const secrets = loadSecrets({ secretKey: config.secretKey, dataDir: config.dataDir });
  const jobs = new DatabaseJobQueue(database, now);
  // The outbox keeps one-time links (encrypted, until they expire) only for the development
  // mailbox, and in tests, which read mail as its recipients do (test/mail.ts).
  const keepSecrets = config.env === 'test' || devMailboxEnabled(config);
  const mailer = overrides.mailer ?? (config.smtpUrl ? await smtpMailer(config.smtpUrl) : new OutboxMailer(database, now, { keepSecrets }));
  const shop = new ShopService(new ShopStore(database));
  await shop.load(now());
  const mail = new MailService(
    jobs,
    mailer,
    () => config.mailFrom ?? `${shop.identity().name} <${shop.identity().email}>`,
    database,
    new FieldEncryption(secrets, mailSecretsPurpose),
    now,
  );
  const rateLimitStore = config.redisUrl ? await redisStore(config.redisUrl, logger) : new MemoryRateLimitStore();

  const context: AppContext = { config, logger, database, secrets, modules, privacy, jobs, mailer, mail, rateLimitStore, shop, now };
  if (config.seedDemo) {
    for (const module of modules) await module.seed?.(context);
  }
  return context;
}

// SMTP and Redis clients are loaded only when configured: the embedded default starts faster.
async function smtpMailer(url: string): Promise<Mailer> {
  const { SmtpMailer } = await import('./platform/mail/smtp-mailer.js');
  return new SmtpMailer(url);
}

/** Redis, with counting in this process while Redis is down or frozen (failover-store.ts). */
async function redisStore(url: string, logger: FastifyBaseLogger): Promise<RateLimitStore> {
  const [{ RedisRateLimitStore }, { FailoverRateLimitStore }] = await Promise.all([
    import('./platform/http/rate-limit/redis-store.js'),
    import('./platform/http/rate-limit/failover-store.js'),
  ]);
  return new FailoverRateLimitStore(new RedisRateLimitStore(url), new MemoryRateLimitStore(), logger);
}

export async function closeContext(context: AppContext) {
  await context.rateLimitStore.close();
  await context.mailer.close();
  await context.database.close();
}
