import type { Kysely } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { CartRow, CommerceTables } from './commerce-tables.js';

/** Carts, found by the guest's key hash or the member's id. Lines change by compare-and-set on `version`. */
export class CartStore {
  private readonly db: Kysely<CommerceTables>;

  constructor(database: Database) {
    this.db = tablesOf<CommerceTables>(database);
  }

  findByTokenHash(tokenHash: string, db: Executor<CommerceTables> = this.db): Promise<CartRow | undefined> {
    return db.selectFrom('commerce_carts').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  findByMember(memberId: string, db: Executor<CommerceTables> = this.db): Promise<CartRow | undefined> {
    return db.selectFrom('commerce_carts').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  }

  /** Inserts a cart unless one exists for the same key or member (two first adds at once): returns whether it did. */
  async create(row: CartRow, db: Executor<CommerceTables> = this.db): Promise<boolean> {
    const result = await db
      .insertInto('commerce_carts')
      .values(row)
      .onConflict((c) => c.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Writes new lines if the cart is still at `version`: false when another request changed it first. */
  async replaceLines(
    id: string,
    version: number,
    lines: string,
    now: Date,
    expiresAt: Date,
    db: Executor<CommerceTables> = this.db,
  ): Promise<boolean> {
    const result = await db
      .updateTable('commerce_carts')
      .set({ lines, version: version + 1, updated_at: now.toISOString(), expires_at: expiresAt.toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(id: string, db: Executor<CommerceTables> = this.db): Promise<void> {
    await db.deleteFrom('commerce_carts').where('id', '=', id).execute();
  }

  /** Abandoned carts (the retention job also does it; this keeps the table small between runs). */
  async deleteExpired(now: Date, db: Executor<CommerceTables> = this.db): Promise<number> {
    const result = await db.deleteFrom('commerce_carts').where('expires_at', '<', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
