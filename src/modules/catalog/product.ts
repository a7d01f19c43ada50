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
  startsAt: string | null;
  seats: number | null;
  stock: number | null;
  cover: string;
  featured: boolean;
  locale: Locale;
  name: string;
  summary: string;
  description: string;
  highlights: string[];
}
