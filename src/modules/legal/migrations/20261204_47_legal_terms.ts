import type { Kysely } from 'kysely';

/** The published versions of the terms of sale (legal-tables.ts). */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('legal_terms_versions')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('body_fr', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_terms_versions_published')
    .on('legal_terms_versions')
    .column('published_at')
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('legal_terms_versions').execute();
}
