import type { Kysely } from 'kysely';

/**
 * Product photos: each row names a file of DATA_DIR/media/products/ by the SHA-256 of its bytes
 * (the same photo on two products is one file), with its type, size as shown, a description in
 * each language for people who cannot see it, and its place (the first is the main photo).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('catalog_product_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt_en', 'text', (c) => c.notNull())
    .addColumn('alt_fr', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_product_images_product')
    .on('catalog_product_images')
    .columns(['product_id', 'position'])
    .execute();
  // Whether any row still names a file, before it is removed.
  await db.schema.createIndex('catalog_product_images_file').on('catalog_product_images').column('file_name').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('catalog_product_images').execute();
}
