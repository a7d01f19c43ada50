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
  /** The cover art drawn when the product has no photo (views/product-cover.tsx). */
  cover: string;
  /** Its photos in order, the first the main one; none: the cover art shows. */
  photos: ProductPhoto[];
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

/** A product photo as the storefront shows it: its address, its size as it shows, its description in the page's language. */
export interface ProductPhoto {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** Where a product photo is served (media-routes.ts): its name is its bytes' hash, so the URL never changes meaning. */
export const productPhotoUrl = (fileName: string) => `/media/products/${fileName}`;
