import { randomId } from '../../platform/crypto/tokens.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { OfferForm, ProductForm, ProductStatus } from './catalog-admin-input.js';
import type { CatalogStore, ProductRow } from './catalog-store.js';
import type { CatalogTables } from './catalog-tables.js';
import type { OfferRow, OfferStore } from './offer-store.js';
import type { ProductKind } from './product.js';

/** A line of the back office's catalog list. */
export interface AdminProductLine {
  id: string;
  slug: string;
  kind: ProductKind;
  status: ProductStatus;
  name: string;
  priceCents: number;
  currency: string;
  /** Active offers. */
  offers: number;
  /** Stock or seats left over the active offers; null when one of them is unlimited. */
  available: number | null;
}

/** A product as its edit page shows it: both languages, and every offer, archived ones too. */
export interface AdminProduct {
  product: ProductRow;
  texts: Record<Locale, CatalogTables['catalog_product_texts']>;
  offers: OfferRow[];
}

/** Ids are random base64url strings: anything else names nothing, and is not looked up. */
const plausibleId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
const sessionKinds = new Set<ProductKind>(['course', 'workshop']);

/**
 * Staff's side of the catalog (catalog-admin-routes.tsx): products and offers created, changed,
 * published and archived, never deleted (orders name them). Every change clears the storefront's
 * cache at once (`changed`), so the shop shows it on the next request.
 */
export class CatalogAdminService {
  constructor(
    private readonly products: CatalogStore,
    private readonly offers: OfferStore,
    private readonly changed: () => void,
    private readonly now: () => Date,
    private readonly currency: () => string,
  ) {}

  /** Every product: published first in catalog order, then drafts, then archived ones. */
  async list(locale: Locale): Promise<AdminProductLine[]> {
    const rank = { active: 0, draft: 1, archived: 2 } as const;
    const rows = await this.products.adminList(locale);
    return rows
      .map((row) => ({
        id: row.id,
        slug: row.slug,
        kind: row.kind as ProductKind,
        status: row.status,
        name: row.name,
        priceCents: row.price_cents,
        currency: row.currency,
        offers: row.offers,
        available: row.unlimited > 0 ? null : (row.available ?? 0),
      }))
      .sort((a, b) => rank[a.status] - rank[b.status]);
  }

  async find(id: string): Promise<AdminProduct | undefined> {
    if (!plausibleId(id)) return undefined;
    const found = await this.products.adminFind(id);
    const en = found?.texts.find((t) => t.locale === 'en');
    const fr = found?.texts.find((t) => t.locale === 'fr');
    if (!found || !en || !fr) return undefined;
    return { product: found.product, texts: { en, fr }, offers: await this.offers.forProducts([id]) };
  }

  async get(id: string): Promise<AdminProduct> {
    const found = await this.find(id);
    if (!found) throw new AppError('VT_NOT_FOUND');
    return found;
  }

  /** A new product, a draft unless published at once; its sessions or sizes are added next. */
  async create(form: ProductForm): Promise<string> {
    const id = randomId();
    const at = this.now().toISOString();
    await this.slugSafe(() =>
      this.products.transaction().execute(async (trx) => {
        if (await this.products.slugOwner(form.slug, null, trx)) throw slugTaken();
        const product: ProductRow = {
          id,
          ...productColumns(form),
          status: form.publish ? 'active' : 'draft',
          currency: this.currency(),
          position: await this.products.nextPosition(trx),
          created_at: at,
          updated_at: at,
        };
        await this.products.insert(product, textRows(form, id), trx);
      }),
    );
    this.changed();
    return id;
  }

  /**
   * The product's fields and texts. Its status is set apart (setStatus). A course can become a
   * workshop, but not goods (nor the reverse) while it has offers on sale: sessions are not sizes.
   */
  async update(id: string, form: ProductForm): Promise<void> {
    const current = await this.get(id);
    const sells = current.offers.some((offer) => offer.status === 'active');
    const was = sessionKinds.has(current.product.kind as ProductKind);
    if (sells && was !== sessionKinds.has(form.kind))
      throw new AppError('VT_VALIDATION', { fields: { kind: 'kind-locked' } });
    await this.slugSafe(() =>
      this.products.transaction().execute(async (trx) => {
        if (await this.products.slugOwner(form.slug, id, trx)) throw slugTaken();
        const texts = textRows(form, id).map(({ product_id: _, ...text }) => text);
        const changes = { ...productColumns(form), updated_at: this.now().toISOString() };
        if (!(await this.products.update(id, changes, texts, trx))) throw new AppError('VT_NOT_FOUND');
      }),
    );
    this.changed();
  }

  /** Published, unpublished (a draft again), archived (off the shop; orders keep naming it) or restored. */
  async setStatus(id: string, status: ProductStatus): Promise<void> {
    if (!plausibleId(id) || !(await this.products.setStatus(id, status, this.now().toISOString())))
      throw new AppError('VT_NOT_FOUND');
    this.changed();
  }

  /** A session, a size, or the one offer of goods sold as they are: never a one-offer item and sizes together. */
  async addOffer(productId: string, form: OfferForm): Promise<string> {
    const { offers } = await this.get(productId);
    const active = offers.filter((offer) => offer.status === 'active');
    if (form.kind === 'single' ? active.length > 0 : active.some((offer) => offer.kind === 'single'))
      throw new AppError('VT_VALIDATION', { fields: { label_en: 'offer-mix' } });
    const id = randomId();
    const at = this.now().toISOString();
    await this.products.transaction().execute(async (trx) => {
      const position = await this.offers.nextPosition(productId, trx);
      const row: OfferRow = {
        id,
        product_id: productId,
        ...form,
        status: 'active',
        position,
        created_at: at,
        updated_at: at,
      };
      await this.offers.insert([row], trx);
    });
    this.changed();
    return id;
  }

  async findOffer(productId: string, offerId: string): Promise<{ product: AdminProduct; offer: OfferRow }> {
    const product = await this.get(productId);
    const offer = product.offers.find((o) => o.id === offerId);
    if (!offer) throw new AppError('VT_NOT_FOUND');
    return { product, offer };
  }

  /** An offer's dates, place, labels, price and what is left, as staff typed them. */
  async updateOffer(productId: string, offerId: string, form: OfferForm): Promise<void> {
    const { kind: _, ...fields } = form;
    await this.changeOffer(productId, offerId, fields);
  }

  /** Stock or seats left to sell, set as counted (null: unlimited); never below 0 (input and a check constraint). */
  setAvailable(productId: string, offerId: string, available: number | null): Promise<void> {
    return this.changeOffer(productId, offerId, { available });
  }

  /** Archived: no longer sold nor shown; orders that name it keep it. Or put back on sale. */
  async setOfferStatus(productId: string, offerId: string, status: OfferRow['status']): Promise<void> {
    if (status === 'active') {
      const { product, offer } = await this.findOffer(productId, offerId);
      const others = product.offers.filter((o) => o.status === 'active' && o.id !== offerId);
      if (offer.kind === 'single' ? others.length > 0 : others.some((o) => o.kind === 'single'))
        throw new AppError('VT_VALIDATION', { fields: { status: 'offer-mix' } });
    }
    await this.changeOffer(productId, offerId, { status });
  }

  private async changeOffer(productId: string, offerId: string, changes: Partial<OfferRow>): Promise<void> {
    const at = this.now().toISOString();
    const found = plausibleId(productId) && plausibleId(offerId);
    if (!found || !(await this.offers.update(productId, offerId, { ...changes, updated_at: at })))
      throw new AppError('VT_NOT_FOUND');
    this.changed();
  }

  /** Two staff members saving one slug at once: the unique index refuses the second. */
  private async slugSafe(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
  }
}

function slugTaken() {
  return new AppError('VT_SLUG_TAKEN', { fields: { slug: 'slug-taken' } });
}

function productColumns(form: ProductForm) {
  return {
    slug: form.slug,
    kind: form.kind,
    price_cents: form.priceCents,
    vat_rate_bp: form.vatRateBasisPoints,
    level: form.level,
    format: form.format,
    duration_hours: form.durationHours,
    cover: form.cover,
    featured: form.featured ? 1 : 0,
  };
}

function textRows(form: ProductForm, productId: string): CatalogTables['catalog_product_texts'][] {
  return (['en', 'fr'] as const).map((locale) => ({
    product_id: productId,
    locale,
    name: form.texts[locale].name,
    summary: form.texts[locale].summary,
    description: form.texts[locale].description,
    highlights: JSON.stringify(form.texts[locale].highlights),
  }));
}
