import type { Locale } from '../../platform/http/i18n.js';

export const productKinds = ['course', 'workshop', 'product'] as const;
export type ProductKind = (typeof productKinds)[number];
export const levels = ['beginner', 'intermediate', 'advanced'] as const;
export const formats = ['online', 'on-site', 'hybrid'] as const;

/** A product as shown to a visitor, in one language. Money in cents, times as UTC ISO strings. */
export interface Product {
  id: string;
  slug: string;
  kind: ProductKind;
  priceCents: number;
  currency: string;
  level: (typeof levels)[number] | null;
  format: (typeof formats)[number] | null;
  durationHours: number | null;
  vatRateBasisPoints: number;
  /** The next session's start, for courses and workshops (from the offers on sale). */
  startsAt: string | null;
  /** What can be bought: the single offer, the variants, or the sessions, in order. */
  offers: ProductOffer[];
  cover: string;
  featured: boolean;
  locale: Locale;
  name: string;
  summary: string;
  description: string;
  highlights: string[];
}

/** One thing of a product a buyer can put in the cart, as the product page shows it. */
export interface ProductOffer {
  id: string;
  kind: 'single' | 'variant' | 'session';
  /** The variant's name ("M"), or the session's own label; null for a single offer. */
  label: string | null;
  priceCents: number;
  /** Stock or seats left; null when unlimited. */
  available: number | null;
  startsAt: string | null;
  endsAt: string | null;
  schedule: string | null;
  place: string | null;
  online: boolean;
  /** Not archived, not started, and something left. */
  onSale: boolean;
}
