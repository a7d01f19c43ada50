import { type Kysely, sql } from 'kysely';
import { randomId } from '../../../platform/crypto/tokens.js';

/**
 * What a buyer puts in the cart is an offer: a product's only one, one of its variants (a size),
 * or one session of a course. Stock, seats and dates move from the product to its offers (one
 * offer per existing product, from its old columns, which are then dropped), and each product
 * gets its VAT rate (basis points; 20 % unless said).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('catalog_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text')
    .addColumn('label_fr', 'text')
    .addColumn('sku', 'text')
    .addColumn('price_cents', 'integer')
    .addColumn('available', 'integer')
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('schedule_en', 'text')
    .addColumn('schedule_fr', 'text')
    .addColumn('place', 'text')
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('catalog_offers_available_not_negative', sql`available is null or available >= 0`)
    .execute();
  await db.schema
    .createIndex('catalog_offers_product')
    .on('catalog_offers')
    .columns(['product_id', 'position'])
    .execute();
  await db.schema
    .alterTable('catalog_products')
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull().defaultTo(2000))
    .execute();

  const products = await sql<{
    id: string;
    kind: string;
    format: string | null;
    starts_at: string | null;
    seats: number | null;
    stock: number | null;
    created_at: string;
  }>`select id, kind, format, starts_at, seats, stock, created_at from catalog_products`.execute(db);
  for (const product of products.rows) {
    const session = product.kind !== 'product' && product.starts_at !== null;
    await sql`insert into catalog_offers (id, product_id, kind, available, starts_at, online, status, position, created_at, updated_at)
      values (${randomId()}, ${product.id}, ${session ? 'session' : 'single'}, ${session ? product.seats : product.stock},
        ${product.starts_at}, ${product.format === 'online' ? 1 : 0}, 'active', 0, ${product.created_at}, ${product.created_at})`.execute(
      db,
    );
  }
  for (const column of ['starts_at', 'seats', 'stock'])
    await db.schema.alterTable('catalog_products').dropColumn(column).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('catalog_products').addColumn('starts_at', 'text').execute();
  await db.schema.alterTable('catalog_products').addColumn('seats', 'integer').execute();
  await db.schema.alterTable('catalog_products').addColumn('stock', 'integer').execute();
  await db.schema.alterTable('catalog_products').dropColumn('vat_rate_bp').execute();
  await db.schema.dropTable('catalog_offers').execute();
}
