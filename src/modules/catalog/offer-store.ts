import type { Kysely, Transaction } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from './catalog-tables.js';

export type OfferRow = CatalogTables['catalog_offers'];
export type OfferWithProduct = OfferRow & {
  slug: string;
  product_kind: string;
  product_status: string;
  product_price_cents: number;
  vat_rate_bp: number;
  currency: string;
  cover: string;
  name: string;
};

/** Offers: what can be bought of each product, and its stock or seats. */
export class OfferStore {
  private readonly db: Kysely<CatalogTables>;

  constructor(database: Database) {
    this.db = tablesOf<CatalogTables>(database);
  }

  forProducts(productIds: readonly string[]): Promise<OfferRow[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('catalog_offers')
      .selectAll()
      .where('product_id', 'in', productIds)
      .orderBy('position')
      .orderBy('starts_at')
      .execute();
  }

  /** Offers with what the cart needs of their product, in one language. */
  withProducts(ids: readonly string[], locale: string): Promise<OfferWithProduct[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('catalog_offers as o')
      .innerJoin('catalog_products as p', 'p.id', 'o.product_id')
      .innerJoin('catalog_product_texts as t', (join) =>
        join.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', locale),
      )
      .selectAll('o')
      .select([
        'p.slug',
        'p.kind as product_kind',
        'p.status as product_status',
        'p.price_cents as product_price_cents',
        'p.vat_rate_bp',
        'p.currency',
        'p.cover',
        't.name',
      ])
      .where('o.id', 'in', ids)
      .execute();
  }

  /**
   * Takes `quantity` of an offer if that many are left: one conditional update, so of two buyers
   * racing for the last seat exactly one gets it. Unlimited offers succeed while on sale.
   */
  async take(trx: Transaction<CatalogTables>, id: string, quantity: number, now: string): Promise<boolean> {
    const result = await trx
      .updateTable('catalog_offers')
      .set((eb) => ({ available: eb('available', '-', quantity), updated_at: now }))
      .where('id', '=', id)
      .where('status', '=', 'active')
      // A session that has begun is no longer sold, whatever the cart saw when it was filled.
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '>', now)]))
      .where((eb) => eb.or([eb('available', 'is', null), eb('available', '>=', quantity)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async giveBack(trx: Transaction<CatalogTables>, id: string, quantity: number, now: string): Promise<void> {
    await trx
      .updateTable('catalog_offers')
      .set((eb) => ({ available: eb('available', '+', quantity), updated_at: now }))
      .where('id', '=', id)
      .where('available', 'is not', null)
      .execute();
  }

  insert(rows: OfferRow[], trx: Transaction<CatalogTables>) {
    return trx.insertInto('catalog_offers').values(rows).execute();
  }

  // The back office's reads and writes (catalog-admin-service.ts).

  /** One offer of one product, whatever its status. */
  find(productId: string, offerId: string): Promise<OfferRow | undefined> {
    return this.db
      .selectFrom('catalog_offers')
      .selectAll()
      .where('id', '=', offerId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
  }

  /** The position after the product's last offer. */
  async nextPosition(productId: string, trx: Transaction<CatalogTables>): Promise<number> {
    const row = await trx
      .selectFrom('catalog_offers')
      .select((eb) => eb.fn.max<number | string | null>('position').as('position'))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
  }

  /** An offer's fields, as staff set them; false when the product has no such offer. */
  async update(
    productId: string,
    offerId: string,
    changes: Partial<Omit<OfferRow, 'id' | 'product_id' | 'created_at'>>,
    trx?: Transaction<CatalogTables>,
  ): Promise<boolean> {
    const result = await (trx ?? this.db)
      .updateTable('catalog_offers')
      .set(changes)
      .where('id', '=', offerId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
