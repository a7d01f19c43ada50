import type { Kysely } from 'kysely';

/** Members, staff, their sessions, and the one-time links sent by email. */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('accounts_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    // Lower-cased, NFKC-normalized copies: "Alice" and "alice" are the same account.
    .addColumn('username_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified_at', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('address_line1', 'text')
    .addColumn('address_line2', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('phone', 'text')
    .addColumn('preferred_locale', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('bio', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts_staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    // Encrypted (FieldEncryption); empty until the staff member sets up two-factor sign-in.
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    // The last 30-second step whose code was accepted: a code works once, even within its step.
    .addColumn('totp_last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  for (const [table, account] of [
    ['accounts_sessions', 'accounts_members'],
    ['accounts_staff_sessions', 'accounts_staff'],
  ] as const) {
    await db.schema
      .createTable(table)
      // The public id names a session in forms ("sign out this device"); the token never leaves the cookie.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('account_id', 'text', (c) => c.notNull().references(`${account}.id`).onDelete('cascade'))
      .addColumn('remember', 'integer', (c) => c.notNull())
      // 'complete', or for staff 'password' between the password and the two-factor code.
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_account`).on(table).column('account_id').execute();
  }

  await db.schema
    .createTable('accounts_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('accounts_members.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The address the link was sent to: for an email change, the new address until confirmed.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('accounts_tokens_member')
    .on('accounts_tokens')
    .columns(['member_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    'accounts_tokens',
    'accounts_staff_sessions',
    'accounts_sessions',
    'accounts_staff',
    'accounts_members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
