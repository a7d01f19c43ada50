import type { Kysely, Transaction } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogTables } from './catalog-tables.js';
import { productOfferOf } from './offers.js';
import type { Product, ProductKind, ProductOffer } from './product.js';

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

  /** Each product with its offers (one query for all), the archived ones left out. */
  private async withOffers(rows: Row[], locale: Locale, now: Date): Promise<Product[]> {
    const offers = rows.length
      ? await this.db
          .selectFrom('catalog_offers')
          .selectAll()
          .where(
            'product_id',
            'in',
            rows.map((row) => row.id),
          )
          .where('status', '=', 'active')
          .orderBy('position')
          .orderBy('starts_at')
          .execute()
      : [];
    return rows.map((row) => {
      const own = offers
        .filter((offer) => offer.product_id === row.id)
        .map((offer) => productOfferOf(offer, row.price_cents, locale, now));
      return toProduct(row, own);
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

function toProduct(row: Row, offers: ProductOffer[]): Product {
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
    featured: row.featured === 1,
    locale: row.locale as Locale,
    name: row.name,
    summary: row.summary,
    description: row.description,
    highlights: JSON.parse(row.highlights) as string[],
  };
}
