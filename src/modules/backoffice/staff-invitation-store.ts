import type { Kysely } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { StaffTables, StaffInvitationRow } from './staff-tables.js';

/** Invitation links' rows (accounts_staff_invitations): only SHA-256 hashes of the tokens. */
export class StaffInvitationStore {
  private readonly db: Kysely<StaffTables>;

  constructor(database: Database) {
    this.db = tablesOf<StaffTables>(database);
  }

  async insert(row: StaffInvitationRow, db: Executor<StaffTables> = this.db): Promise<void> {
    await db.insertInto('accounts_staff_invitations').values(row).execute();
  }

  /** The invitation if it is unused and not expired, without using it (to show the form first). */
  findUsable(tokenHash: string, now: string): Promise<StaffInvitationRow | undefined> {
    return this.db
      .selectFrom('accounts_staff_invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** Uses the invitation up in one conditional update: of two racing requests, one gets the row. */
  consume(
    tokenHash: string,
    now: string,
    db: Executor<StaffTables> = this.db,
  ): Promise<StaffInvitationRow | undefined> {
    return db
      .updateTable('accounts_staff_invitations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  /** Retires the staff member's open invitations (disabled, or a new one sent). */
  async retireAll(staffId: string, now: string, db: Executor<StaffTables> = this.db): Promise<void> {
    await db
      .updateTable('accounts_staff_invitations')
      .set({ used_at: now })
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .execute();
  }
}
