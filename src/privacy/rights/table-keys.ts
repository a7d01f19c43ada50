import type { Database } from '../../platform/db/database.js';
import { primaryKeyOf } from '../../platform/db/introspect.js';

/** Each table's primary key, read from the database once per process (schemas change only by migration, at start-up). */
export class TableKeys {
  private readonly known = new Map<string, Promise<string[]>>();

  constructor(private readonly database: Database) {}

  /** Inside a transaction, pass it: on SQLite it holds the only connection. */
  of(table: string, executor: Database['db'] = this.database.db): Promise<string[]> {
    let key = this.known.get(table);
    if (!key) {
      key = primaryKeyOf(this.database, table, executor).then((columns) => {
        if (columns.length === 0) throw new Error(`Table ${table} has no primary key: the privacy engine needs one`);
        return columns;
      });
      this.known.set(table, key);
    }
    return key;
  }
}
