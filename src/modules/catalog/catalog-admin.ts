import { sql } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { type Database, tablesOf } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { OfferForm, ProductForm } from './catalog-admin-input.js';
import type { CatalogTables } from './catalog-tables.js';
import type { ProductKind } from './product.js';

/** A line of the back office's catalog list. */
export interface AdminProductLine {
  id: string;
  slug: string;
  kind: ProductKind;
  status: CatalogTables['catalog_products']['status'];
  name: string;
  priceCents: number;
  currency: string;
  offers: number;
  /** Stock or seats left over the active offers; null when one is unlimited. */
  available: number | null;
}

/** A product as the edit page shows it: both languages, and every offer, archived ones too. */
export interface AdminProduct {
  product: CatalogTables['catalog_products'];
  texts: Record<Locale, CatalogTables['catalog_product_texts']>;
  offers: CatalogTables['catalog_offers'][];
}

/**
 * Staff's side of the catalog (catalog-admin-routes.tsx): products and offers created, changed,
 * published and archived, never deleted (orders name them). Every change clears the storefront's
 * cache at once (`changed`).
 */
export class CatalogAdmin {
  private readonly db;

  constructor(
    database: Database,
    private readonly changed: () => void,
    private readonly now: () => Date,
    private readonly currency: () => string,
  ) {
    this.db = tablesOf<CatalogTables>(database);
  }

  async list(locale: Locale): Promise<AdminProductLine[]> {
    const rows = await this.db
      .selectFrom('catalog_products as p')
      .innerJoin('catalog_product_texts as t', (join) =>
        join.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', locale),
      )
      .leftJoin('catalog_offers as o', (join) => join.onRef('o.product_id', '=', 'p.id').on('o.status', '=', 'active'))
      .select(['p.id', 'p.slug', 'p.kind', 'p.status', 'p.price_cents', 'p.currency', 't.name'])
      .select((eb) => [
        eb.fn.count<number>('o.id').as('offers'),
        eb.fn.sum<number>('o.available').as('available'),
        sql<number>`sum(case when o.id is not null and o.available is null then 1 else 0 end)`.as('unlimited'),
      ])
      .groupBy(['p.id', 'p.slug', 'p.kind', 'p.status', 'p.price_cents', 'p.currency', 't.name', 'p.position'])
      .orderBy('p.position')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      kind: row.kind as ProductKind,
      status: row.status,
      name: row.name,
      priceCents: row.price_cents,
      currency: row.currency,
      offers: Number(row.offers),
      available: Number(row.unlimited) > 0 ? null : Number(row.available ?? 0),
    }));
  }

  async find(id: string): Promise<AdminProduct | undefined> {
    const product = await this.db.selectFrom('catalog_products').selectAll().where('id', '=', id).executeTakeFirst();
    if (!product) return undefined;
    const texts = await this.db.selectFrom('catalog_product_texts').selectAll().where('product_id', '=', id).execute();
    const offers = await this.db
      .selectFrom('catalog_offers')
      .selectAll()
      .where('product_id', '=', id)
      .orderBy('position')
      .orderBy('starts_at')
      .execute();
    const en = texts.find((t) => t.locale === 'en');
    const fr = texts.find((t) => t.locale === 'fr');
    if (!en || !fr) return undefined;
    return { product, texts: { en, fr }, offers };
  }

  /** A new product, with its one offer when it is sold as it is (no sizes, no sessions yet). */
  async create(form: ProductForm): Promise<string> {
    const id = randomId();
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('catalog_products').select('id').where('slug', '=', form.slug).executeTakeFirst()) {
        throw new AppError('VT_SLUG_TAKEN', { fields: { slug: 'slug-taken' } });
      }
      const last = await trx
        .selectFrom('catalog_products')
        .select((eb) => eb.fn.max<number>('position').as('position'))
        .executeTakeFirst();
      await trx
        .insertInto('catalog_products')
        .values({
          id,
          slug: form.slug,
          kind: form.kind,
          status: form.status,
          price_cents: form.priceCents,
          currency: this.currency(),
          level: null,
          format: null,
          duration_hours: null,
          vat_rate_bp: form.vatRateBasisPoints,
          cover: form.kind === 'product' ? 'notebook' : 'javascript',
          featured: 0,
          position: Number(last?.position ?? 0) + 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('catalog_product_texts')
        .values(
          (['en', 'fr'] as const).map((locale) => ({
            product_id: id,
            locale,
            name: form.texts[locale].name,
            summary: form.texts[locale].summary,
            description: form.texts[locale].description,
            highlights: '[]',
          })),
        )
        .execute();
    });
    this.changed();
    return id;
  }

  async update(id: string, form: ProductForm): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const other = await trx
        .selectFrom('catalog_products')
        .select('id')
        .where('slug', '=', form.slug)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (other) throw new AppError('VT_SLUG_TAKEN', { fields: { slug: 'slug-taken' } });
      const result = await trx
        .updateTable('catalog_products')
        .set({
          slug: form.slug,
          kind: form.kind,
          status: form.status,
          price_cents: form.priceCents,
          vat_rate_bp: form.vatRateBasisPoints,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('status', '!=', 'archived')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AppError('VT_NOT_FOUND');
      for (const locale of ['en', 'fr'] as const) {
        await trx
          .updateTable('catalog_product_texts')
          .set(form.texts[locale])
          .where('product_id', '=', id)
          .where('locale', '=', locale)
          .execute();
      }
    });
    this.changed();
  }

  /** Archived: off the storefront for good, kept for the orders that name it. */
  async archive(id: string): Promise<void> {
    await this.db
      .updateTable('catalog_products')
      .set({ status: 'archived', updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .execute();
    this.changed();
  }

  async addOffer(productId: string, form: OfferForm): Promise<void> {
    const at = this.now().toISOString();
    const last = await this.db
      .selectFrom('catalog_offers')
      .select((eb) => eb.fn.max<number>('position').as('position'))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    await this.db
      .insertInto('catalog_offers')
      .values({
        id: randomId(),
        product_id: productId,
        kind: form.kind,
        label_en: form.kind === 'variant' ? form.label.en : null,
        label_fr: form.kind === 'variant' ? form.label.fr : null,
        sku: null,
        price_cents: null,
        available: form.available,
        starts_at: form.kind === 'session' ? form.startsAt : null,
        ends_at: form.kind === 'session' ? form.endsAt : null,
        schedule_en: null,
        schedule_fr: null,
        place: form.kind === 'session' ? form.place : null,
        online: form.kind === 'session' && form.online ? 1 : 0,
        status: 'active',
        position: Number(last?.position ?? -1) + 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    this.changed();
  }

  /** Stock or seats left to sell, set as counted; or the offer archived (no longer sold). */
  async updateOffer(productId: string, offerId: string, change: { available: number | null; archived: boolean }) {
    const result = await this.db
      .updateTable('catalog_offers')
      .set({
        available: change.available,
        status: change.archived ? 'archived' : 'active',
        updated_at: this.now().toISOString(),
      })
      .where('id', '=', offerId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('VT_NOT_FOUND');
    this.changed();
  }
}
