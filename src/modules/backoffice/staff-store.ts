import type { Kysely, Transaction } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { StaffTables, StaffRow } from './staff-tables.js';

/** Staff account queries: the only code that reads or writes accounts_staff. */
export class StaffStore {
  private readonly db: Kysely<StaffTables>;
  private readonly lockRows: boolean;

  constructor(database: Database) {
    this.db = tablesOf<StaffTables>(database);
    // SQLite runs one write transaction at a time; PostgreSQL needs row locks (activeOwners).
    this.lockRows = database.engine === 'postgres';
  }

  transaction() {
    return this.db.transaction();
  }

  async insert(row: StaffRow, db: Executor<StaffTables> = this.db): Promise<void> {
    await db.insertInto('accounts_staff').values(row).execute();
  }

  findById(id: string, db: Executor<StaffTables> = this.db): Promise<StaffRow | undefined> {
    return db.selectFrom('accounts_staff').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByEmailKey(emailKey: string): Promise<StaffRow | undefined> {
    return this.db.selectFrom('accounts_staff').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
  }

  list(): Promise<StaffRow[]> {
    return this.db.selectFrom('accounts_staff').selectAll().orderBy('created_at').execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('accounts_staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(id: string, changes: Partial<Omit<StaffRow, 'id'>>, db: Executor<StaffTables> = this.db): Promise<void> {
    await db.updateTable('accounts_staff').set(changes).where('id', '=', id).execute();
  }

  /**
   * The ids of owners who can sign in (not disabled, password chosen), locked until the end of
   * the transaction on PostgreSQL: two owners demoting each other at once cannot both pass the
   * "another owner remains" check (the second waits, then sees the first's change). Locked in id
   * order, so every change takes these locks in one order and two changes cannot deadlock.
   */
  async activeOwners(trx: Transaction<StaffTables>): Promise<string[]> {
    let query = trx
      .selectFrom('accounts_staff')
      .select('id')
      .where('role', '=', 'owner')
      .where('disabled_at', 'is', null)
      .where('password_hash', '!=', '')
      .orderBy('id');
    if (this.lockRows) query = query.forUpdate();
    return (await query.execute()).map((row) => row.id);
  }

  /**
   * Records that a two-factor code of time step `step` was used, only if no code of that step or
   * a later one was used before: of two requests racing with the same code, one wins.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('accounts_staff')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
