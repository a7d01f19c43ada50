import { sql } from 'kysely';
import type { Database } from './database.js';

export interface TableShape {
  name: string;
  columns: string[];
}

/**
 * The tables and columns that really exist, read from the live database (not from our own
 * migrations), so the privacy coverage gate sees whatever any code path created.
 * On PostgreSQL only the current schema is read: tests run one schema per suite.
 */
export async function introspectSchema(database: Database): Promise<TableShape[]> {
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`.execute(database.db);
    return group(rows);
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select m.name as table_name, p.name as column_name
    from sqlite_master m join pragma_table_info(m.name) p
    where m.type = 'table' and m.name not like 'sqlite_%'
    order by m.name, p.cid`.execute(database.db);
  return group(rows);
}

function group(rows: { table_name: string; column_name: string }[]): TableShape[] {
  const tables = new Map<string, string[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push(row.column_name);
    tables.set(row.table_name, columns);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/**
 * A table's primary key columns, in key order, read from the live database: the privacy-rights
 * engine records which rows an erasure held by their key, and pages through a person's rows by it.
 */
export async function primaryKeyOf(
  database: Database,
  table: string,
  // Inside a transaction on SQLite, the transaction holds the only connection: pass it.
  executor: Database['db'] = database.db,
): Promise<string[]> {
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ column_name: string }>`
      select a.attname as column_name
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary
      order by array_position(i.indkey, a.attnum)`.execute(executor);
    return rows.map((row) => row.column_name);
  }
  const { rows } = await sql<{ name: string }>`
    select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(executor);
  return rows.map((row) => row.name);
}
