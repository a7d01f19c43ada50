import type { Kysely, Transaction } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogTables } from './catalog-tables.js';
import type { Product, ProductKind } from './product.js';

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
        'p.starts_at',
        'p.seats',
        'p.stock',
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

  async list(locale: Locale, filter: { kind?: ProductKind; featured?: boolean } = {}): Promise<Product[]> {
    let query = this.selectProducts(locale).orderBy('p.position').orderBy('p.slug');
    if (filter.kind) query = query.where('p.kind', '=', filter.kind);
    if (filter.featured) query = query.where('p.featured', '=', 1);
    return (await query.execute()).map(toProduct);
  }

  async findBySlug(slug: string, locale: Locale): Promise<Product | undefined> {
    const row = await this.selectProducts(locale).where('p.slug', '=', slug).executeTakeFirst();
    return row ? toProduct(row) : undefined;
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
  | 'starts_at'
  | 'seats'
  | 'stock'
  | 'cover'
  | 'featured'
> &
  Pick<CatalogTables['catalog_product_texts'], 'locale' | 'name' | 'summary' | 'description' | 'highlights'>;

function toProduct(row: Row): Product {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as ProductKind,
    priceCents: row.price_cents,
    currency: row.currency,
    level: row.level as Product['level'],
    format: row.format as Product['format'],
    durationHours: row.duration_hours,
    startsAt: row.starts_at,
    seats: row.seats,
    stock: row.stock,
    cover: row.cover,
    featured: row.featured === 1,
    locale: row.locale as Locale,
    name: row.name,
    summary: row.summary,
    description: row.description,
    highlights: JSON.parse(row.highlights) as string[],
  };
}
