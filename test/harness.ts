import { Writable } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { type AppContext, type ContextOverrides, closeContext, createContext } from '../src/context.js';
import type { Database, Engine } from '../src/platform/db/database.js';
import { testEngines } from '../src/platform/db/test-engines.js';
import { loggerOptions } from '../src/platform/log/logger.js';

export interface SuiteOptions {
  /** Extra environment for loadConfig (NODE_ENV=test, LOG_LEVEL=info and DATA_DIR are set). */
  env?: Record<string, string>;
  /** Build the HTTP app (default true). */
  app?: boolean;
  overrides?: Omit<ContextOverrides, 'database' | 'logger'>;
}

/** What a suite gets, for one engine. Valid inside tests and hooks, after beforeAll. */
export interface Suite {
  engine: Engine;
  database: Database;
  context: AppContext;
  app: FastifyInstance;
  /** Every log line written so far, raw JSON text (to prove what is and is not logged). */
  logs: string[];
  /** Another, independent connection to this suite's database, as a second process would have. */
  connectAgain(): Promise<Database>;
}

/**
 * Runs `body` once per database engine (DESIGN §2: every store, privacy and HTTP test runs on
 * both). Each run gets a fresh database with every migration applied and the demo seeded, a
 * real AppContext, and (unless `app: false`) the real Fastify app to `inject` requests into.
 */
export function describeEachEngine(title: string, body: (suite: Suite) => void, options: SuiteOptions = {}) {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => {
      const state = {} as Suite & { cleanup?: () => Promise<void> };
      const suite = new Proxy(state, {
        get(target, key) {
          if (key === 'engine') return engine.name;
          const value = target[key as keyof Suite];
          if (value === undefined && key !== 'then')
            throw new Error(`suite.${String(key)} is only available inside tests (after beforeAll)`);
          return value;
        },
      });

      beforeAll(async () => {
        const opened = await engine.open();
        state.logs = [];
        const logger = pino(loggerOptions('info'), captureStream(state.logs)) as FastifyBaseLogger;
        const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: opened.dataDir, ...options.env });
        state.database = opened.database;
        state.connectAgain = opened.connectAgain;
        state.context = await createContext(config, { ...options.overrides, database: opened.database, logger });
        if (options.app !== false) {
          state.app = await buildApp(state.context);
          await state.app.ready();
        }
        state.cleanup = async () => {
          await state.app?.close();
          await closeContext(state.context);
          await opened.cleanup();
        };
      });

      afterAll(async () => {
        await state.cleanup?.();
      });

      body(suite);
    });
  }
}

function captureStream(lines: string[]) {
  return new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
}
