import { type Kysely, type Transaction, sql } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogTables } from './catalog-tables.js';
import { productOfferOf } from './offers.js';
import { type Product, type ProductKind, type ProductOffer, type ProductPhoto, productPhotoUrl } from './product.js';

/** Catalog queries: the only code that reads or writes the catalog tables. */
export class CatalogStore {
  private readonly db: Kysely<CatalogTables>;

  constructor(database: Database) {
    this.db = tablesOf<CatalogTables>(database);
  }

  private selectProducts(locale: Locale) {
    return this.db
      .selectFrom('catalog_products as p')
      .innerJoin('catalog_product_texts as t', (join) =>
        join.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', locale),
      )
      .select([
        'p.id',
        'p.slug',
        'p.kind',
        'p.price_cents',
        'p.currency',
        'p.level',
        'p.format',
        'p.duration_hours',
        'p.vat_rate_bp',
        'p.cover',
        'p.featured',
        't.locale',
        't.name',
        't.summary',
        't.description',
        't.highlights',
      ])
      .where('p.status', '=', 'active');
  }

  async list(locale: Locale, now: Date, filter: { kind?: ProductKind; featured?: boolean } = {}): Promise<Product[]> {
    let query = this.selectProducts(locale).orderBy('p.position').orderBy('p.slug');
    if (filter.kind) query = query.where('p.kind', '=', filter.kind);
    if (filter.featured) query = query.where('p.featured', '=', 1);
    return this.withOffers(await query.execute(), locale, now);
  }

  async findBySlug(slug: string, locale: Locale, now: Date): Promise<Product | undefined> {
    const row = await this.selectProducts(locale).where('p.slug', '=', slug).executeTakeFirst();
    return row ? (await this.withOffers([row], locale, now))[0] : undefined;
  }

  /** Each product with its offers, the archived ones left out, and its photos (one query each for all). */
  private async withOffers(rows: Row[], locale: Locale, now: Date): Promise<Product[]> {
    const ids = rows.map((row) => row.id);
    const [offers, images] = rows.length
      ? await Promise.all([
          this.db
            .selectFrom('catalog_offers')
            .selectAll()
            .where('product_id', 'in', ids)
            .where('status', '=', 'active')
            .orderBy('position')
            .orderBy('starts_at')
            .execute(),
          this.db
            .selectFrom('catalog_product_images')
            .select(['product_id', 'file_name', 'width', 'height', locale === 'fr' ? 'alt_fr as alt' : 'alt_en as alt'])
            .where('product_id', 'in', ids)
            .orderBy('position')
            .orderBy('created_at')
            .execute(),
        ])
      : [[], []];
    return rows.map((row) => {
      const own = offers
        .filter((offer) => offer.product_id === row.id)
        .map((offer) => productOfferOf(offer, row.price_cents, locale, now));
      const photos: ProductPhoto[] = images
        .filter((image) => image.product_id === row.id)
        .map((image) => ({
          url: productPhotoUrl(image.file_name),
          width: image.width,
          height: image.height,
          alt: image.alt,
        }));
      return toProduct(row, own, photos);
    });
  }

  async countAll(): Promise<number> {
    const row = await this.db
      .selectFrom('catalog_products')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A product with its texts: two inserts, so in the caller's transaction. */
  async insert(
    product: CatalogTables['catalog_products'],
    texts: CatalogTables['catalog_product_texts'][],
    trx: Transaction<CatalogTables>,
  ) {
    await trx.insertInto('catalog_products').values(product).execute();
    await trx.insertInto('catalog_product_texts').values(texts).execute();
  }

  transaction() {
    return this.db.transaction();
  }

  // The back office's reads and writes (catalog-admin-service.ts): every status, both languages.

  /** Every product, drafts and archived ones too, with its active offers counted and what is left over them. */
  async adminList(locale: Locale): Promise<AdminListRow[]> {
    const rows = await this.db
      .selectFrom('catalog_products as p')
      .innerJoin('catalog_product_texts as t', (join) =>
        join.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', locale),
      )
      .leftJoin('catalog_offers as o', (join) => join.onRef('o.product_id', '=', 'p.id').on('o.status', '=', 'active'))
      .select(['p.id', 'p.slug', 'p.kind', 'p.status', 'p.price_cents', 'p.currency', 'p.position', 't.name'])
      .select((eb) => [
        eb.fn.count<number | string>('o.id').as('offers'),
        eb.fn.sum<number | string | null>('o.available').as('available'),
        sql<number | string>`sum(case when o.id is not null and o.available is null then 1 else 0 end)`.as('unlimited'),
      ])
      .groupBy(['p.id', 'p.slug', 'p.kind', 'p.status', 'p.price_cents', 'p.currency', 'p.position', 't.name'])
      .orderBy('p.position')
      .orderBy('p.slug')
      .execute();
    // PostgreSQL answers count and sum as strings (bigint, numeric).
    return rows.map((row) => ({
      ...row,
      offers: Number(row.offers),
      available: row.available === null ? null : Number(row.available),
      unlimited: Number(row.unlimited),
    }));
  }

  /** A product of any status with its texts in every language. */
  async adminFind(
    id: string,
  ): Promise<{ product: ProductRow; texts: CatalogTables['catalog_product_texts'][] } | undefined> {
    const product = await this.db.selectFrom('catalog_products').selectAll().where('id', '=', id).executeTakeFirst();
    if (!product) return undefined;
    const texts = await this.db.selectFrom('catalog_product_texts').selectAll().where('product_id', '=', id).execute();
    return { product, texts };
  }

  /** The id of the product that has this slug, other than `except`. */
  async slugOwner(slug: string, except: string | null, trx: Transaction<CatalogTables>): Promise<string | undefined> {
    let query = trx.selectFrom('catalog_products').select('id').where('slug', '=', slug);
    if (except) query = query.where('id', '!=', except);
    return (await query.executeTakeFirst())?.id;
  }

  /** The position after the last product's: a new product comes last in the catalog. */
  async nextPosition(trx: Transaction<CatalogTables>): Promise<number> {
    const row = await trx
      .selectFrom('catalog_products')
      .select((eb) => eb.fn.max<number | string | null>('position').as('position'))
      .executeTakeFirst();
    return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
  }

  /** A product's fields and its texts in each language given; false when there is no such product. */
  async update(
    id: string,
    product: Partial<Omit<ProductRow, 'id' | 'created_at'>>,
    texts: Omit<CatalogTables['catalog_product_texts'], 'product_id'>[],
    trx: Transaction<CatalogTables>,
  ): Promise<boolean> {
    const result = await trx.updateTable('catalog_products').set(product).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    for (const { locale, ...text } of texts)
      await trx
        .updateTable('catalog_product_texts')
        .set(text)
        .where('product_id', '=', id)
        .where('locale', '=', locale)
        .execute();
    return true;
  }

  /** Published, back to a draft, or archived; false when there is no such product. */
  async setStatus(id: string, status: ProductRow['status'], at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('catalog_products')
      .set({ status, updated_at: at })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

export type ProductRow = CatalogTables['catalog_products'];

/** A line of the back office's list, as adminList reads it. */
export interface AdminListRow {
  id: string;
  slug: string;
  kind: string;
  status: ProductRow['status'];
  price_cents: number;
  currency: string;
  position: number;
  name: string;
  /** Active offers. */
  offers: number;
  /** Stock or seats left over the active offers (null: none counted). */
  available: number | null;
  /** Active offers without a limit. */
  unlimited: number;
}

type Row = Pick<
  CatalogTables['catalog_products'],
  | 'id'
  | 'slug'
  | 'kind'
  | 'price_cents'
  | 'currency'
  | 'level'
  | 'format'
  | 'duration_hours'
  | 'vat_rate_bp'
  | 'cover'
  | 'featured'
> &
  Pick<CatalogTables['catalog_product_texts'], 'locale' | 'name' | 'summary' | 'description' | 'highlights'>;

function toProduct(row: Row, offers: ProductOffer[], photos: ProductPhoto[]): Product {
  const nextSession = offers
    .filter((offer) => offer.onSale && offer.startsAt)
    .map((offer) => offer.startsAt as string)
    .sort()[0];
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as ProductKind,
    priceCents: row.price_cents,
    currency: row.currency,
    level: row.level as Product['level'],
    format: row.format as Product['format'],
    durationHours: row.duration_hours,
    vatRateBasisPoints: row.vat_rate_bp,
    startsAt: nextSession ?? null,
    offers,
    cover: row.cover,
    photos,
    featured: row.featured === 1,
    locale: row.locale as Locale,
    name: row.name,
    summary: row.summary,
    description: row.description,
    highlights: JSON.parse(row.highlights) as string[],
  };
}
