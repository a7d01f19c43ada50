import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('catalog_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('format', 'text')
    .addColumn('duration_hours', 'integer')
    .addColumn('starts_at', 'text')
    .addColumn('seats', 'integer')
    .addColumn('stock', 'integer')
    .addColumn('cover', 'text', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_products_listing')
    .on('catalog_products')
    .columns(['status', 'kind', 'position'])
    .execute();
  await db.schema
    .createTable('catalog_product_texts')
    .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('highlights', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_product_texts_pk', ['product_id', 'locale'])
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('catalog_product_texts').execute();
  await db.schema.dropTable('catalog_products').execute();
}
