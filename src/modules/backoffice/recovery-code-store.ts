import type { Kysely, Transaction } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { StaffTables } from './staff-tables.js';

/** Staff recovery codes' rows (accounts_staff_recovery_codes): keyed hashes only. */
export class RecoveryCodeStore {
  readonly db: Kysely<StaffTables>;

  constructor(database: Database) {
    this.db = tablesOf<StaffTables>(database);
  }

  /** Replaces every code of the staff member with these (older ones stop working at once): a delete and an insert, so in the caller's transaction. */
  async replace(staffId: string, hashes: string[], now: string, trx: Transaction<StaffTables>): Promise<void> {
    await this.deleteAll(staffId, trx);
    await trx
      .insertInto('accounts_staff_recovery_codes')
      .values(hashes.map((code_hash) => ({ code_hash, staff_id: staffId, created_at: now, used_at: null })))
      .execute();
  }

  async deleteAll(staffId: string, db: Executor<StaffTables> = this.db): Promise<void> {
    await db.deleteFrom('accounts_staff_recovery_codes').where('staff_id', '=', staffId).execute();
  }

  /**
   * Marks the code used, only if it is the staff member's and unused, in one conditional update:
   * of two requests racing with the same code, one wins.
   */
  async claim(staffId: string, codeHash: string, now: string, db: Executor<StaffTables> = this.db): Promise<boolean> {
    const result = await db
      .updateTable('accounts_staff_recovery_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async remaining(staffId: string, db: Executor<StaffTables> = this.db): Promise<number> {
    const row = await db
      .selectFrom('accounts_staff_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
