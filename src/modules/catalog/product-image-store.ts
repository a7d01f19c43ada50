import type { Kysely, Transaction } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from './catalog-tables.js';

export type ProductImageRow = CatalogTables['catalog_product_images'];

/** Staff's queries on product photos: the only code that writes catalog_product_images (the storefront reads them with its products, catalog-store.ts). */
export class ProductImageStore {
  private readonly db: Kysely<CatalogTables>;

  constructor(database: Database) {
    this.db = tablesOf<CatalogTables>(database);
  }

  transaction() {
    return this.db.transaction();
  }

  /** The photos of these products, each product's in order (one query for a whole page of products). */
  forProducts(productIds: string[], trx: Kysely<CatalogTables> = this.db): Promise<ProductImageRow[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('catalog_product_images')
      .selectAll()
      .where('product_id', 'in', productIds)
      .orderBy('product_id')
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  }

  /**
   * A product's photos, locked for a change of their order or number; undefined when there is no
   * such product. The product's row is the lock (PostgreSQL; SQLite writes one at a time): two
   * changes to one product's photos queue behind each other, so neither numbers them from a stale read.
   */
  async lockedFor(productId: string, trx: Transaction<CatalogTables>): Promise<ProductImageRow[] | undefined> {
    const locked = await trx
      .updateTable('catalog_products')
      .set((eb) => ({ position: eb.ref('position') }))
      .where('id', '=', productId)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) return undefined;
    return this.forProducts([productId], trx);
  }

  async insert(row: ProductImageRow, trx: Transaction<CatalogTables>): Promise<void> {
    await trx.insertInto('catalog_product_images').values(row).execute();
  }

  /** A photo's descriptions; false when the product has no such photo. */
  async setAlt(productId: string, id: string, alt: { alt_en: string; alt_fr: string }): Promise<boolean> {
    const result = await this.db
      .updateTable('catalog_product_images')
      .set(alt)
      .where('id', '=', id)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setPosition(id: string, position: number, trx: Transaction<CatalogTables>): Promise<void> {
    await trx.updateTable('catalog_product_images').set({ position }).where('id', '=', id).execute();
  }

  async delete(id: string, trx: Transaction<CatalogTables>): Promise<void> {
    await trx.deleteFrom('catalog_product_images').where('id', '=', id).execute();
  }

  /** Whether any photo row (of any product) names this file. */
  async names(fileName: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('catalog_product_images')
      .select('id')
      .where('file_name', '=', fileName)
      .executeTakeFirst();
    return row !== undefined;
  }
}
