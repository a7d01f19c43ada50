import type { Kysely } from 'kysely';
import { type Database, tablesOf } from '../db/database.js';

/** A session row. Member and staff sessions have this shape, in two tables of their modules (they never mix). */
export interface SessionRow {
  id: string;
  token_hash: string;
  account_id: string;
  remember: number;
  stage: 'complete' | 'password';
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

/**
 * Session queries, for members (accounts_sessions) or staff (accounts_staff_sessions): the two
 * tables have the same columns and never mix, so one store serves both, bound to one table.
 */
export class SessionStore {
  private readonly db: Kysely<{ sessions: SessionRow }>;
  private readonly table: 'sessions';

  constructor(database: Database, table: string) {
    this.db = tablesOf(database);
    // Every session table has the SessionRow shape; typing the handle as one table named
    // `sessions` keeps the queries checked without making every method generic over the name.
    this.table = table as 'sessions';
  }

  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto(this.table).values(row).execute();
  }

  findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom(this.table).selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  listActive(accountId: string, now: string): Promise<SessionRow[]> {
    return this.db
      .selectFrom(this.table)
      .selectAll()
      .where('account_id', '=', accountId)
      .where('expires_at', '>', now)
      .orderBy('last_used_at', 'desc')
      .execute();
  }

  async touch(
    id: string,
    changes: Pick<SessionRow, 'last_used_at' | 'expires_at' | 'ip' | 'user_agent'>,
  ): Promise<void> {
    await this.db.updateTable(this.table).set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom(this.table).where('id', '=', id).execute();
  }

  /** Deletes one of the account's sessions; false if it is not theirs (or already gone). */
  async deleteOfAccount(accountId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom(this.table)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Deletes every session of the account, except `keepId` if given. */
  async deleteAllOfAccount(accountId: string, keepId?: string): Promise<number> {
    let query = this.db.deleteFrom(this.table).where('account_id', '=', accountId);
    if (keepId) query = query.where('id', '!=', keepId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
