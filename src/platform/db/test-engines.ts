import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomId } from '../crypto/tokens.js';
import { type Database, type Engine, openDatabase } from './database.js';

/**
 * The database engines a test run covers. SQLite always; PostgreSQL when VITRINE_TEST_PG_URL
 * points at a server (each suite then gets a schema of its own, dropped at the end).
 * VITRINE_TEST_ENGINES=postgres (or sqlite) restricts the run to one engine.
 */
export interface TestEngine {
  name: Engine;
  open(): Promise<OpenedTestDatabase>;
}

export interface OpenedTestDatabase {
  database: Database;
  dataDir: string;
  /** Another, independent connection to the same database, as a second process would have. */
  connectAgain(): Promise<Database>;
  cleanup(): Promise<void>;
}

export const pgUrlVariable = 'VITRINE_TEST_PG_URL';

export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  const only = env.VITRINE_TEST_ENGINES?.split(',').map((s) => s.trim());
  const pgUrl = env[pgUrlVariable];
  const engines: TestEngine[] = [sqliteEngine];
  if (pgUrl) engines.push(postgresEngine(pgUrl));
  else if (only?.includes('postgres'))
    throw new Error(`VITRINE_TEST_ENGINES asks for postgres but ${pgUrlVariable} is not set`);
  return only ? engines.filter((engine) => only.includes(engine.name)) : engines;
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-test-'));
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open() {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'test.sqlite');
    const database = await openDatabase({ engine: 'sqlite', file });
    const others: Database[] = [];
    return {
      database,
      dataDir,
      async connectAgain() {
        const other = await openDatabase({ engine: 'sqlite', file });
        others.push(other);
        return other;
      },
      async cleanup() {
        for (const other of others) await other.close();
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function postgresEngine(url: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const schema = `vitrine_test_${randomId(6)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '_')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const dataDir = tempDir();
      const database = await openDatabase({ engine: 'postgres', url, schema, poolSize: 4 });
      const others: Database[] = [];
      return {
        database,
        dataDir,
        async connectAgain() {
          const other = await openDatabase({ engine: 'postgres', url, schema, poolSize: 2 });
          others.push(other);
          return other;
        },
        async cleanup() {
          for (const other of others) await other.close();
          await database.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}
