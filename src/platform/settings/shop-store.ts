import type { Kysely } from 'kysely';
import { type Database, tablesOf } from '../db/database.js';

export interface ShopTables {
  shop_settings: { key: string; value: string; updated_at: string };
}

/** The shop's settings, one JSON value per key. */
export class ShopStore {
  private readonly db: Kysely<ShopTables>;

  constructor(database: Database) {
    this.db = tablesOf<ShopTables>(database);
  }

  async get(key: string): Promise<unknown | undefined> {
    const row = await this.db.selectFrom('shop_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  /** Writes a value unless one exists: seeding never overwrites what the owner changed. */
  async putIfAbsent(key: string, value: unknown, now: Date) {
    await this.db
      .insertInto('shop_settings')
      .values({ key, value: JSON.stringify(value), updated_at: now.toISOString() })
      .onConflict((c) => c.column('key').doNothing())
      .execute();
  }
}
