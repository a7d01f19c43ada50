import type { Transaction } from 'kysely';
import type { Locale } from '../../platform/http/i18n.js';

/**
 * What commerce needs of the catalog, stated here so the cart and checkout read as their own
 * story; the catalog module's services provide it (src/modules/catalog).
 */
export interface Offer {
  id: string;
  productId: string;
  productSlug: string;
  kind: 'course' | 'workshop' | 'product';
  /** Physical goods: the checkout asks for a delivery address. */
  shipped: boolean;
  name: string;
  /** The variant or session in words ("Size M", "11 Jan 2027 – 18:30, online"), or null. */
  label: string | null;
  priceCents: number;
  vatRateBasisPoints: number;
  currency: string;
  /** Stock or seats left now; null when unlimited. */
  available: number | null;
  /** A course session's start: one within 14 days needs the buyer's express request (L221-25). */
  startsAt: string | null;
  onSale: boolean;
  cover: string;
}

export interface OfferLine {
  offerId: string;
  quantity: number;
}

export interface OfferSource {
  offers(ids: readonly string[], locale: Locale): Promise<Map<string, Offer>>;
  /** All lines or none, in the caller's transaction: throws VT_SOLD_OUT naming what ran short. */
  reserve<T>(trx: Transaction<T>, lines: readonly OfferLine[]): Promise<void>;
  release<T>(trx: Transaction<T>, lines: readonly OfferLine[]): Promise<void>;
}
