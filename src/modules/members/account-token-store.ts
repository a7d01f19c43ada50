import type { Kysely } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { MemberTables, TokenPurpose, TokenRow } from './member-tables.js';

/** The one-time links' rows (accounts_tokens): only hashes of the links are stored. */
export class AccountTokenStore {
  private readonly db: Kysely<MemberTables>;

  constructor(database: Database) {
    this.db = tablesOf<MemberTables>(database);
  }

  async insert(row: TokenRow, db: Executor<MemberTables> = this.db): Promise<void> {
    await db.insertInto('accounts_tokens').values(row).execute();
  }

  /** The token if it is unused and not expired, without using it (to show a form first). */
  findUsable(tokenHash: string, purpose: TokenPurpose, now: string): Promise<TokenRow | undefined> {
    return this.db
      .selectFrom('accounts_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /**
   * Marks the token used and returns it, in one conditional update: of two requests racing with
   * the same link, exactly one gets the row.
   */
  consume(
    tokenHash: string,
    purpose: TokenPurpose,
    now: string,
    db: Executor<MemberTables> = this.db,
  ): Promise<TokenRow | undefined> {
    return db
      .updateTable('accounts_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  /** Retires every open link of a kind for the member (a newer one replaces them). */
  async retireAll(
    memberId: string,
    purpose: TokenPurpose,
    now: string,
    db: Executor<MemberTables> = this.db,
  ): Promise<void> {
    await db
      .updateTable('accounts_tokens')
      .set({ used_at: now })
      .where('member_id', '=', memberId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }

  /** When the member was last sent a link of this kind (to avoid flooding their inbox). */
  async lastIssuedAt(memberId: string, purpose: TokenPurpose): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('accounts_tokens')
      .select((eb) => eb.fn.max('created_at').as('last'))
      .where('member_id', '=', memberId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    return (row?.last as string | null) ?? undefined;
  }
}
