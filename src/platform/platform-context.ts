import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { PrivacyRegistry } from '../privacy/core/registry.js';
import type { Config } from './config.js';
import { FieldEncryption } from './crypto/field-encryption.js';
import { type Secrets, loadSecrets } from './crypto/secrets.js';
import { type Database, openDatabase } from './db/database.js';
import { type MigrationSource, collectMigrations, migrateToLatest } from './db/migrator.js';
import { MemoryRateLimitStore } from './http/rate-limit/memory-store.js';
import type { RateLimitStore } from './http/rate-limit/rate-limit-store.js';
import { DatabaseJobQueue } from './jobs/database-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { loggerOptions } from './log/logger.js';
import { devMailboxEnabled } from './mail/dev-mailbox.js';
import { MailService, mailSecretsPurpose } from './mail/mail-service.js';
import type { Mailer } from './mail/mailer.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import { ShopService } from './settings/shop-service.js';
import { ShopStore } from './settings/shop-store.js';

/**
 * What every module gets from the platform: configuration, logger, database, secrets, the
 * privacy registry, jobs, mail, rate-limit counters, the shop's identity and the clock. Built once
 * per process (or per test suite) by the composition root, before any module's services.
 */
export interface PlatformContext {
  config: Config;
  logger: FastifyBaseLogger;
  database: Database;
  secrets: Secrets;
  privacy: PrivacyRegistry;
  jobs: JobQueue;
  mailer: Mailer;
  mail: MailService;
  rateLimitStore: RateLimitStore;
  /** Who runs the shop (name, address, contact): on every page, in the policy and every email. */
  shop: ShopService;
  now: () => Date;
}

export interface PlatformOverrides {
  database?: Database;
  logger?: FastifyBaseLogger;
  mailer?: Mailer;
  now?: () => Date;
}

/**
 * Opens the database, applies every migration (the platform's and the modules'), loads secrets
 * and the shop identity. Order matters: nothing reads a table before its migration ran.
 */
export async function createPlatform(
  config: Config,
  sources: { privacy: PrivacyRegistry; migrations: readonly MigrationSource[] },
  overrides: PlatformOverrides = {},
): Promise<PlatformContext> {
  const logger = overrides.logger ?? (pino(loggerOptions(config.logLevel)) as FastifyBaseLogger);
  const now = overrides.now ?? (() => new Date());
  const database = overrides.database ?? (await openDatabase(config.database));
  const applied = await migrateToLatest(database, collectMigrations(sources.migrations));
  if (applied.length > 0) logger.info({ migrations: applied.length }, 'database migrated');

  const secrets = loadSecrets({ secretKey: config.secretKey, dataDir: config.dataDir });
  const jobs = new DatabaseJobQueue(database, now);
  // The outbox keeps one-time links (encrypted, until they expire) only for the development
  // mailbox, and in tests, which read mail as its recipients do (test/mail.ts).
  const keepSecrets = config.env === 'test' || devMailboxEnabled(config);
  const mailer =
    overrides.mailer ??
    (config.smtpUrl ? await smtpMailer(config.smtpUrl) : new OutboxMailer(database, now, { keepSecrets }));
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
  return { config, logger, database, secrets, privacy: sources.privacy, jobs, mailer, mail, rateLimitStore, shop, now };
}

// SMTP and Redis clients are loaded only when configured: the embedded default starts faster.
async function smtpMailer(url: string): Promise<Mailer> {
  const { SmtpMailer } = await import('./mail/smtp-mailer.js');
  return new SmtpMailer(url);
}

/** Redis, with counting in this process while Redis is down or frozen (failover-store.ts). */
async function redisStore(url: string, logger: FastifyBaseLogger): Promise<RateLimitStore> {
  const [{ RedisRateLimitStore }, { FailoverRateLimitStore }] = await Promise.all([
    import('./http/rate-limit/redis-store.js'),
    import('./http/rate-limit/failover-store.js'),
  ]);
  return new FailoverRateLimitStore(new RedisRateLimitStore(url), new MemoryRateLimitStore(), logger);
}

export async function closePlatform(platform: PlatformContext) {
  await platform.rateLimitStore.close();
  await platform.mailer.close();
  await platform.database.close();
}
