import type { Kysely, Transaction } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { StaffTables, StaffInvitationRow } from './staff-tables.js';

type Executor = Kysely<StaffTables> | Transaction<StaffTables>;

/** Invitation links' rows (accounts_staff_invitations): only SHA-256 hashes of the tokens. */
export class StaffInvitationStore {
  private readonly db: Kysely<StaffTables>;

  constructor(database: Database) {
    this.db = tablesOf<StaffTables>(database);
  }

  async insert(executor: Executor, row: StaffInvitationRow): Promise<void> {
    await executor.insertInto('accounts_staff_invitations').values(row).execute();
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
  consume(executor: Executor, tokenHash: string, now: string): Promise<StaffInvitationRow | undefined> {
    return executor
      .updateTable('accounts_staff_invitations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  /** Retires the staff member's open invitations (disabled, or a new one sent). */
  async retireAll(executor: Executor, staffId: string, now: string): Promise<void> {
    await executor.updateTable('accounts_staff_invitations').set({ used_at: now }).where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
  }
}
