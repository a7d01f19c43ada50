import { type Kysely, sql } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { MemberTables, MemberRow } from './member-tables.js';

/** What the back office's members list shows of a member: never the password hash or the address. */
export const memberListColumns = [
  'id',
  'username',
  'name',
  'display_name',
  'email',
  'email_verified_at',
  'created_at',
] as const;
export type MemberListEntry = Pick<MemberRow, (typeof memberListColumns)[number]>;

/** Member queries: the only code that reads or writes accounts_members. */
export class MemberStore {
  readonly db: Kysely<MemberTables>;

  constructor(database: Database) {
    this.db = tablesOf<MemberTables>(database);
  }

  async insert(row: MemberRow, db: Executor<MemberTables> = this.db): Promise<void> {
    await db.insertInto('accounts_members').values(row).execute();
  }

  findById(id: string, db: Executor<MemberTables> = this.db): Promise<MemberRow | undefined> {
    return db.selectFrom('accounts_members').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByEmailKey(emailKey: string, db: Executor<MemberTables> = this.db): Promise<MemberRow | undefined> {
    return db.selectFrom('accounts_members').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
  }

  findByUsernameKey(usernameKey: string): Promise<MemberRow | undefined> {
    return this.db
      .selectFrom('accounts_members')
      .selectAll()
      .where('username_key', '=', usernameKey)
      .executeTakeFirst();
  }

  /** Whether a username is taken: the same name whatever its case, or a look-alike of one. */
  async usernameTaken(usernameKey: string, usernameSkeleton: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts_members')
      .select('id')
      .where((eb) => eb.or([eb('username_key', '=', usernameKey), eb('username_skeleton', '=', usernameSkeleton)]))
      .executeTakeFirst();
    return row !== undefined;
  }

  async update(
    id: string,
    changes: Partial<Omit<MemberRow, 'id'>>,
    db: Executor<MemberTables> = this.db,
  ): Promise<void> {
    await db.updateTable('accounts_members').set(changes).where('id', '=', id).execute();
  }

  /** Sets last_seen_at to `now` if it is older than `before` (one write a day at most). */
  async touchLastSeen(id: string, now: string, before: string): Promise<void> {
    await this.db
      .updateTable('accounts_members')
      .set({ last_seen_at: now })
      .where('id', '=', id)
      .where('last_seen_at', '<', before)
      .execute();
  }

  /**
   * Members whose username, name or email contains the text (case-insensitive), newest first:
   * only the columns the back office's members list shows.
   */
  search(text: string, limit: number, offset: number): Promise<MemberListEntry[]> {
    let query = this.db
      .selectFrom('accounts_members')
      .select(memberListColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset);
    const needle = text.trim().toLowerCase();
    if (needle) {
      // LIKE wildcards typed by staff are matched literally.
      const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('username_key', 'like', sql<string>`${pattern} escape '\\'`),
          eb('email_key', 'like', sql<string>`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(name, ''))`, 'like', sql<string>`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(display_name, ''))`, 'like', sql<string>`${pattern} escape '\\'`),
        ]),
      );
    }
    return query.execute();
  }

  transaction() {
    return this.db.transaction();
  }
}
