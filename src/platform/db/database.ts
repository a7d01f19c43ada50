import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction, sql } from 'kysely';
import { withStatementCache } from './statement-cache.js';

export type Engine = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; schema?: string; poolSize?: number };

/**
 * The shared handle knows tables only as names and columns; each store narrows it to the
 * tables it owns with `tablesOf<CatalogTables>(database)`.
 */
export type SomeTables = Record<string, Record<string, unknown>>;

/**
 * What a store's query runs on: the store's own handle, or a transaction its caller opened. (A
 * Transaction is a Kysely; naming both lets a generic port infer `Tables` from a transaction.)
 *
 * Every store takes it one way. A method that may run inside a caller's transaction takes it as
 * its LAST parameter, `db: Executor<Tables> = this.db`; the caller passes `trx` to make the query
 * part of its transaction (on SQLite a transaction holds the only connection, so a read inside
 * one must be given `trx` too). A method that is correct only inside a transaction (it locks
 * rows, or its writes must commit together) takes `trx: Transaction<Tables>` last, with no
 * default. Platform ports that write into any module's transaction (JobQueue.enqueue,
 * MailService.queue) have no handle of their own to default to: they take it first.
 */
export type Executor<Tables> = Kysely<Tables> | Transaction<Tables>;

/** The database as seen by the store that owns these tables. */
export function tablesOf<Tables>(database: Database): Kysely<Tables> {
  return database.db as unknown as Kysely<Tables>;
}

/**
 * One open database, whichever the engine. Stores receive `db` and write portable Kysely;
 * `engine` is only read where the SQL must differ (row locking, upserts on old SQLite).
 * The table types are each module's; a store narrows `db` to the tables it owns.
 */
export interface Database {
  db: Kysely<SomeTables>;
  engine: Engine;
  /** PostgreSQL: the schema our tables live in (several apps or test suites may share a database). */
  schema?: string;
  close(): Promise<void>;
}

/** Opens the database. Each engine's driver is loaded only when used (start-up time). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.engine === 'sqlite' ? openSqlite(target.file) : openPostgres(target);
}

async function openSqlite(file: string): Promise<Database> {
  const { default: SQLite } = await import('better-sqlite3');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(file);
  // WAL lets readers go on while a write commits; NORMAL sync is safe with WAL (no corruption,
  // at worst the last commit is lost on power failure); busy_timeout waits for a concurrent
  // writer (the CLI, a second process) instead of failing at once.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<SomeTables>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(target: { url: string; schema?: string; poolSize?: number }): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // Tests give each suite its own schema; production uses the default search_path.
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    // COUNT(*) and bigint come back as strings by default; our integers fit in a double.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  const db = new Kysely<SomeTables>({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await pool.query<{ schema: string }>('select current_schema() as schema');
  return { db, engine: 'postgres', schema: rows[0]?.schema, close: () => db.destroy() };
}

/** Readiness: the database answers a trivial query. */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
