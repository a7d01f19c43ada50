import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import { introspectSchema } from '../../src/platform/db/introspect.js';

export type RowCounts = Map<string, number>;

/** The number of rows of every table that exists (read from the live schema), in one query. */
export async function rowCounts(database: Database): Promise<RowCounts> {
  const tables = (await introspectSchema(database)).map((table) => table.name);
  const parts = tables.map((name) => sql`select ${name} as name, count(*) as rows from ${sql.table(name)}`);
  const { rows } = await sql<{ name: string; rows: number | string }>`${sql.join(parts, sql` union all `)}`.execute(database.db);
  return new Map(rows.map((row) => [row.name, Number(row.rows)]));
}

/** `accounts_sessions 3 → 4` for each table whose count changed. */
export function countChanges(before: RowCounts, after: RowCounts, ignore: ReadonlySet<string> = new Set()): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => !ignore.has(name) && before.get(name) !== after.get(name))
    .map((name) => `${name} ${before.get(name) ?? '-'} → ${after.get(name) ?? '-'}`);
}
