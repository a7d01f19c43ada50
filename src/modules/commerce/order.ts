import type { OrderRow } from './commerce-tables.js';
import type { OrderStatus } from './order-status.js';

/** A line of an order, priced and named at checkout: what the buyer agreed to, never re-read from the catalog. */
export interface OrderLine {
  offerId: string;
  productId: string;
  productSlug: string;
  kind: 'course' | 'workshop' | 'product';
  shipped: boolean;
  name: string;
  label: string | null;
  unitPriceCents: number;
  quantity: number;
  vatRateBasisPoints: number;
  totalCents: number;
  startsAt: string | null;
}

export interface PostalAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
}

/** An order as pages, mails and staff screens read it. */
export interface Order {
  id: string;
  status: OrderStatus;
  memberId: string | null;
  email: string;
  buyerName: string;
  billing: PostalAddress;
  shipping: (PostalAddress & { name: string }) | null;
  locale: 'fr' | 'en';
  currency: string;
  lines: OrderLine[];
  totalCents: number;
  vatCents: number;
  termsVersion: string;
  termsAcceptedAt: string;
  earlyStartRequestedAt: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  card: { brand: string; last4: string; expMonth: number; expYear: number } | null;
  refundedCents: number;
  disputedCents: number;
  /** What the buyer owes the shop: the amount their bank took back or holds in a dispute. */
  owedCents: number;
}

export function orderOf(row: OrderRow): Order {
  return {
    id: row.id,
    status: row.status,
    memberId: row.member_id,
    email: row.email,
    buyerName: row.buyer_name,
    billing: {
      line1: row.billing_line1,
      line2: row.billing_line2,
      postalCode: row.billing_postal_code,
      city: row.billing_city,
      country: row.billing_country,
    },
    shipping:
      row.shipping_line1 && row.shipping_postal_code && row.shipping_city && row.shipping_country
        ? {
            name: row.shipping_name ?? row.buyer_name,
            line1: row.shipping_line1,
            line2: row.shipping_line2,
            postalCode: row.shipping_postal_code,
            city: row.shipping_city,
            country: row.shipping_country,
          }
        : null,
    locale: row.locale === 'en' ? 'en' : 'fr',
    currency: row.currency,
    lines: JSON.parse(row.lines) as OrderLine[],
    totalCents: row.total_cents,
    vatCents: row.vat_cents,
    termsVersion: row.terms_version,
    termsAcceptedAt: row.terms_accepted_at,
    earlyStartRequestedAt: row.early_start_requested_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    fulfilledAt: row.fulfilled_at,
    cancelledAt: row.cancelled_at,
    card:
      row.card_brand && row.card_last4 && row.card_exp_month && row.card_exp_year
        ? { brand: row.card_brand, last4: row.card_last4, expMonth: row.card_exp_month, expYear: row.card_exp_year }
        : null,
    refundedCents: row.refunded_cents,
    disputedCents: row.disputed_cents,
    owedCents: row.disputed_cents,
  };
}
