import type { Kysely } from 'kysely';

/** The published versions of the terms of sale (legal-tables.ts). */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('legal_terms_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique: the first process to serve a text records it, the others' inserts are ignored.
    .addColumn('version', 'text', (c) => c.notNull().unique())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('body_fr', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('legal_terms_versions').execute();
}
