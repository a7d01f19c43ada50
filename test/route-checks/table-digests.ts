import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import { introspectSchema } from '../../src/platform/db/introspect.js';

/** Per table: its number of rows and a sha256 of every row's content. */
export type TableDigests = Map<string, { rows: number; digest: string }>;

/**
 * Columns left out of the digest because any request, refused or not, may write them by design:
 * a session records when, from where and with which browser it was last used (sessions are
 * touched before the route runs, and each batch of the checks comes from a new address), and a
 * member when they were last seen (once a day, on whichever request comes first). Every other
 * column counts: a refused request that changes a role, a password hash or `disabled_at` is
 * reported. (No job worker runs in the suites, so `jobs_workers.heartbeat_at` needs no exception.)
 */
const touchedByAnyRequest: Record<string, ReadonlySet<string>> = {
  accounts_sessions: new Set(['last_used_at', 'expires_at', 'ip', 'user_agent']),
  accounts_staff_sessions: new Set(['last_used_at', 'expires_at', 'ip', 'user_agent']),
  accounts_members: new Set(['last_seen_at']),
};

const shapes = new WeakMap<Database, Promise<{ name: string; columns: string[] }[]>>();

/** The tables and the columns that count, read once per database (the schema does not change during the checks). */
function shapeOf(database: Database) {
  let shape = shapes.get(database);
  if (!shape) {
    shape = introspectSchema(database).then((tables) =>
      tables.map(({ name, columns }) => ({
        name,
        columns: columns.filter((column) => !touchedByAnyRequest[name]?.has(column)),
      })),
    );
    shapes.set(database, shape);
  }
  return shape;
}

/**
 * One line per row, with every counted column, in a form that tells NULL from 'NULL' and keeps
 * blobs: SQLite's quote(), PostgreSQL's JSON array.
 */
function rowLine(database: Database, columns: string[]): RawBuilder<string> {
  const refs = columns.map((column) => sql.ref(`r.${column}`));
  if (database.engine === 'postgres') return sql`json_build_array(${sql.join(refs)})::text`;
  return sql.join(
    refs.map((ref) => sql`quote(${ref})`),
    sql` || ',' || `,
  ) as RawBuilder<string>;
}

/**
 * Every row of every table (read from the live schema), in one query: per table, the rows'
 * lines sorted (a total order on content, so the same rows give the same text whatever order
 * the engine returns them in, with or without a primary key), joined, then hashed here.
 */
export async function tableDigests(database: Database): Promise<TableDigests> {
  const tables = await shapeOf(database);
  const postgres = database.engine === 'postgres';
  const parts = tables.map(({ name, columns }) => {
    const joined = postgres
      ? sql`string_agg(line, chr(10) order by line collate "C")`
      : sql`group_concat(line, char(10) order by line)`;
    return sql`select ${name} as name, count(*) as rows, coalesce(${joined}, '') as content from (select ${rowLine(database, columns)} as line from ${sql.table(name)} r) s`;
  });
  const { rows } = await sql<{
    name: string;
    rows: number | string;
    content: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(database.db);
  return new Map(
    rows.map((row) => [
      row.name,
      { rows: Number(row.rows), digest: createHash('sha256').update(row.content).digest('hex') },
    ]),
  );
}

/** `accounts_sessions 3 → 4 rows`, or `accounts_staff rows changed` (same count), for each table that changed. */
export function tableChanges(before: TableDigests, after: TableDigests): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].flatMap((name) => {
    const was = before.get(name);
    const now = after.get(name);
    if (was?.digest === now?.digest) return [];
    return [
      was?.rows === now?.rows ? `${name} rows changed` : `${name} ${was?.rows ?? '-'} → ${now?.rows ?? '-'} rows`,
    ];
  });
}
