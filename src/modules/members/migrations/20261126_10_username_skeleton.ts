import type { Kysely } from 'kysely';
import { usernameSkeleton } from '../username-skeleton.js';

interface Members {
  accounts_members: { id: string; username: string; created_at: string; username_skeleton: string | null };
}

/**
 * Look-alike usernames are one username (issue 7, finding 10): each member's username skeleton
 * (username-skeleton.ts), unique. Existing accounts get theirs here. Where two existing accounts
 * already look alike, the older keeps the skeleton and the newer gets none (NULL is never equal
 * to anything, so the unique index still builds): no one loses a name, and no new look-alike of
 * either can be made, since both skeletons are the same.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('accounts_members').addColumn('username_skeleton', 'text').execute();
  const members = db as unknown as Kysely<Members>;
  const rows = await members
    .selectFrom('accounts_members')
    .select(['id', 'username'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const taken = new Set<string>();
  for (const row of rows) {
    const skeleton = await usernameSkeleton(row.username);
    if (taken.has(skeleton)) continue;
    taken.add(skeleton);
    await members
      .updateTable('accounts_members')
      .set({ username_skeleton: skeleton })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema
    .createIndex('accounts_members_username_skeleton')
    .on('accounts_members')
    .column('username_skeleton')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_members_username_skeleton').execute();
  await db.schema.alterTable('accounts_members').dropColumn('username_skeleton').execute();
}
