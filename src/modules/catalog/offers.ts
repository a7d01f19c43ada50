import type { Transaction } from 'kysely';
import { formatDate } from '../../platform/format.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogTables } from './catalog-tables.js';
import type { OfferRow, OfferStore, OfferWithProduct } from './offer-store.js';
import type { ProductOffer } from './product.js';

/** An offer as the cart and checkout see it (the commerce module's OfferSource reads this shape). */
export interface SaleOffer {
  id: string;
  productId: string;
  productSlug: string;
  kind: 'course' | 'workshop' | 'product';
  shipped: boolean;
  name: string;
  label: string | null;
  priceCents: number;
  vatRateBasisPoints: number;
  currency: string;
  available: number | null;
  startsAt: string | null;
  onSale: boolean;
  cover: string;
}

const onlineWord = { en: 'online', fr: 'en ligne' } as const;

/** A session in words: "11 January 2027 at 18:30 – online", or a variant's label. */
export function offerLabel(row: OfferRow, locale: Locale): string | null {
  const own = locale === 'fr' ? row.label_fr : row.label_en;
  if (row.kind !== 'session' || !row.starts_at) return own;
  const when = formatDate(row.starts_at, locale, true);
  const where = row.online ? onlineWord[locale] : row.place;
  return [own ?? when, where].filter(Boolean).join(' – ');
}

export function isOnSale(row: Pick<OfferRow, 'status' | 'available' | 'starts_at'>, now: Date): boolean {
  return (
    row.status === 'active' &&
    (row.available === null || row.available > 0) &&
    (row.starts_at === null || Date.parse(row.starts_at) > now.getTime())
  );
}

export function productOfferOf(row: OfferRow, productPriceCents: number, locale: Locale, now: Date): ProductOffer {
  return {
    id: row.id,
    kind: row.kind,
    label: locale === 'fr' ? row.label_fr : row.label_en,
    priceCents: row.price_cents ?? productPriceCents,
    available: row.available,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    schedule: locale === 'fr' ? row.schedule_fr : row.schedule_en,
    place: row.place,
    online: row.online === 1,
    onSale: isOnSale(row, now),
  };
}

/**
 * The catalog's side of selling: offers read fresh (never from the page cache: they decide a
 * sale), and stock and seats reserved or given back inside the buyer's transaction.
 */
export class Offers {
  constructor(
    private readonly store: OfferStore,
    /** Stock changed: the product pages must not show what is no longer there. */
    private readonly changed: () => void,
    private readonly now: () => Date,
  ) {}

  async offers(ids: readonly string[], locale: Locale): Promise<Map<string, SaleOffer>> {
    const unique = [...new Set(ids)].filter((id) => id.length <= 100);
    const rows = await this.store.withProducts(unique, locale);
    const now = this.now();
    return new Map(rows.map((row) => [row.id, this.saleOffer(row, locale, now)]));
  }

  /** All lines or none: a line that cannot be taken throws VT_SOLD_OUT and the caller's transaction rolls back. */
  async reserve<T>(trx: Transaction<T>, lines: readonly { offerId: string; quantity: number }[]): Promise<void> {
    const catalog = trx as unknown as Transaction<CatalogTables>;
    const at = this.now().toISOString();
    const short: string[] = [];
    for (const line of lines) {
      if (!(await this.store.take(catalog, line.offerId, line.quantity, at))) short.push(line.offerId);
    }
    if (short.length > 0) throw new AppError('VT_SOLD_OUT', { offerIds: short });
    this.changed();
  }

  async release<T>(trx: Transaction<T>, lines: readonly { offerId: string; quantity: number }[]): Promise<void> {
    const catalog = trx as unknown as Transaction<CatalogTables>;
    const at = this.now().toISOString();
    for (const line of lines) await this.store.giveBack(catalog, line.offerId, line.quantity, at);
    this.changed();
  }

  private saleOffer(row: OfferWithProduct, locale: Locale, now: Date): SaleOffer {
    const kind = row.product_kind as SaleOffer['kind'];
    return {
      id: row.id,
      productId: row.product_id,
      productSlug: row.slug,
      kind,
      shipped: kind === 'product',
      name: row.name,
      label: offerLabel(row, locale),
      priceCents: row.price_cents ?? row.product_price_cents,
      vatRateBasisPoints: row.vat_rate_bp,
      currency: row.currency,
      available: row.available,
      startsAt: row.starts_at,
      onSale: row.product_status === 'active' && isOnSale(row, now),
      cover: row.cover,
    };
  }
}
