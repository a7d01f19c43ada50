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

/** One column of a live table, as inserting a row into it needs to know it. */
export interface ColumnShape {
  name: string;
  /** The declared type, lower-cased: 'text', 'integer', 'timestamp with time zone'… */
  type: string;
  /** Refuses NULL (a primary key column always does, whatever SQLite says). */
  notNull: boolean;
  hasDefault: boolean;
  /** Position in the primary key, from 1; 0 when not part of it. */
  primaryKey: number;
  /** The column this one refers to, when it is (the first column of) a foreign key. */
  references?: { table: string; column: string };
}

/**
 * A table's columns with their types, nullability, primary key and foreign keys, read from the
 * live database: what a test that writes rows into every declared table (whatever module
 * declares it) must know to write valid ones.
 */
export async function columnsOf(database: Database, table: string): Promise<ColumnShape[]> {
  const key = await primaryKeyOf(database, table);
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ name: string; type: string; not_null: boolean; has_default: boolean }>`
      select column_name as name, lower(data_type) as type, is_nullable = 'NO' as not_null,
        column_default is not null as has_default
      from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(database.db);
    const { rows: links } = await sql<{ name: string; ref_table: string; ref_column: string }>`
      select a.attname as name, rc.relname as ref_table, ra.attname as ref_column
      from pg_constraint k
      cross join lateral unnest(k.conkey, k.confkey) as u(col, refcol)
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.col
      join pg_class rc on rc.oid = k.confrelid
      join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = u.refcol
      where k.contype = 'f'
        and k.conrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass`.execute(
      database.db,
    );
    return rows.map((row) => shape(row.name, row.type, row.not_null, row.has_default, key, links));
  }
  const { rows } = await sql<{ name: string; type: string; not_null: number; has_default: number }>`
    select name, lower(type) as type, "notnull" as not_null, dflt_value is not null as has_default
    from pragma_table_info(${table}) order by cid`.execute(database.db);
  const { rows: links } = await sql<{ name: string; ref_table: string; ref_column: string | null }>`
    select "from" as name, "table" as ref_table, "to" as ref_column from pragma_foreign_key_list(${table})`.execute(
    database.db,
  );
  const resolved: { name: string; ref_table: string; ref_column: string }[] = [];
  for (const link of links) {
    // A foreign key written without its column refers to the other table's primary key.
    const column = link.ref_column ?? (await primaryKeyOf(database, link.ref_table))[0] ?? '';
    resolved.push({ name: link.name, ref_table: link.ref_table, ref_column: column });
  }
  return rows.map((row) => shape(row.name, row.type, Boolean(row.not_null), Boolean(row.has_default), key, resolved));
}

function shape(
  name: string,
  type: string,
  notNull: boolean,
  hasDefault: boolean,
  key: readonly string[],
  links: readonly { name: string; ref_table: string; ref_column: string }[],
): ColumnShape {
  const primaryKey = key.indexOf(name) + 1;
  const link = links.find((l) => l.name === name);
  return {
    name,
    type,
    notNull: notNull || primaryKey > 0,
    hasDefault,
    primaryKey,
    ...(link ? { references: { table: link.ref_table, column: link.ref_column } } : {}),
  };
}

/** An index as the engine uses it: its key parts in order, each a column name or `lower(column)`. */
export interface IndexShape {
  table: string;
  parts: string[];
  unique: boolean;
}

/**
 * Every index of the current schema, with its key parts normalized (unquoted, lower-case, no
 * spaces), so a check can ask "is there an index that starts with lower(email), then id?".
 */
export async function introspectIndexes(database: Database): Promise<IndexShape[]> {
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ tablename: string; indexdef: string }>`
      select tablename, indexdef from pg_indexes where schemaname = current_schema()`.execute(database.db);
    return rows.map((row) => ({
      table: row.tablename,
      parts: keyParts(row.indexdef),
      unique: /^create unique/i.test(row.indexdef),
    }));
  }
  const { rows } = await sql<{ table_name: string; name: string; sql: string | null; is_unique: number }>`
    select m.tbl_name as table_name, l.name, m.sql, l."unique" as is_unique
    from sqlite_master m join pragma_index_list(m.tbl_name) l on l.name = m.name
    where m.type = 'index'`.execute(database.db);
  const indexes: IndexShape[] = [];
  for (const row of rows) {
    // Indexes SQLite makes for PRIMARY KEY and UNIQUE constraints have no SQL: read their columns.
    const parts = row.sql
      ? keyParts(row.sql)
      : (
          await sql<{ name: string }>`select name from pragma_index_info(${row.name}) order by seqno`.execute(
            database.db,
          )
        ).rows.map((column) => column.name.toLowerCase());
    indexes.push({ table: row.table_name, parts, unique: row.is_unique === 1 });
  }
  return indexes;
}

/** `CREATE INDEX x ON t USING btree (lower(email), id)` → ['lower(email)', 'id']. */
function keyParts(definition: string): string[] {
  const open = definition.indexOf('(', definition.search(/\bon\b/i));
  const inner = definition.slice(open + 1, definition.lastIndexOf(')'));
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of inner) {
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    current += character;
  }
  parts.push(current);
  return parts.map((part) => part.replace(/["`\s]/g, '').toLowerCase());
}
