import type { Kysely } from 'kysely';

/**
 * Staff management (issue 7, finding 12): disabling staff, recovery codes for two-factor sign-in,
 * invitations by email, and the append-only audit of changes to staff accounts.
 * An invited staff member's account exists before they choose a password: its `password_hash`
 * is '' until they accept the invitation (no hash matches it; sign-in treats it as no account).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('accounts_staff').addColumn('disabled_at', 'text').execute();

  await db.schema
    .createTable('accounts_staff_recovery_codes')
    // HMAC-SHA-256 of the code under a key derived from SECRET_KEY (recovery-codes.ts says why).
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('accounts_staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('accounts_staff_recovery_codes_staff')
    .on('accounts_staff_recovery_codes')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('accounts_staff_invitations')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('accounts_staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('accounts_staff_invitations_staff')
    .on('accounts_staff_invitations')
    .column('staff_id')
    .execute();

  // No foreign keys: the audit outlives the accounts it names (append-only, deleted by retention).
  await db.schema
    .createTable('accounts_staff_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_staff_id', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('accounts_staff_audit_at').on('accounts_staff_audit').column('at').execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of ['accounts_staff_audit', 'accounts_staff_invitations', 'accounts_staff_recovery_codes']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('accounts_staff').dropColumn('disabled_at').execute();
}
