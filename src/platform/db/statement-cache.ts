import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query, so SQLite parses and plans the
 * same SQL again and again (it was the largest single cost of a product page). Kysely compiles
 * the same query shape to the same SQL text with `?` parameters, so statements can be reused:
 * this keeps the most recently used ones, keyed by SQL. better-sqlite3 re-prepares a cached
 * statement by itself if the schema changes under it (a migration).
 */
export function withStatementCache(connection: SQLite.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Refresh its place: Map keeps insertion order, so the first key is the least recent.
        statements.delete(sql);
      } else {
        statement = connection.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
    close: () => connection.close(),
  };
}
