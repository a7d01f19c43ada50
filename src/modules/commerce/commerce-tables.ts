import type { OrderStatus } from './order-status.js';

/**
 * The commerce module's tables. Lines are stored as JSON on their cart or order: a cart's lines
 * change together (one compare-and-set on `version`), an order's never change after checkout,
 * and both belong to the one person the row is about, which the privacy engine finds by the
 * row's own member id or email.
 */
export interface CommerceTables {
  commerce_carts: {
    id: string;
    /** SHA-256 of the guest's cart cookie; null for a member's cart. */
    token_hash: string | null;
    member_id: string | null;
    /** JSON: CartLine[] */
    lines: string;
    /** Bumped by every change: a change is applied only to the version it read. */
    version: number;
    created_at: string;
    updated_at: string;
    expires_at: string;
  };
  commerce_orders: {
    id: string;
    status: OrderStatus;
    member_id: string | null;
    email: string;
    buyer_name: string;
    billing_line1: string;
    billing_line2: string | null;
    billing_postal_code: string;
    billing_city: string;
    billing_country: string;
    shipping_name: string | null;
    shipping_line1: string | null;
    shipping_line2: string | null;
    shipping_postal_code: string | null;
    shipping_city: string | null;
    shipping_country: string | null;
    locale: string;
    currency: string;
    /** JSON: OrderLine[], priced at checkout; never changed after. */
    lines: string;
    total_cents: number;
    vat_cents: number;
    terms_version: string;
    terms_accepted_at: string;
    /** When the buyer asked that a course start within the withdrawal period (Code de la consommation L221-25). */
    early_start_requested_at: string | null;
    /** The checkout form's one-time key: the same form submitted twice makes one order. */
    checkout_key: string;
    checkout_ip: string | null;
    checkout_user_agent: string | null;
    created_at: string;
    updated_at: string;
    /** An unpaid order gives its items back then. */
    expires_at: string;
    reminded_at: string | null;
    paid_at: string | null;
    fulfilled_at: string | null;
    cancelled_at: string | null;
    /** The payment that paid the order (the gateway's checkout reference), and its card. */
    payment_reference: string | null;
    card_brand: string | null;
    card_last4: string | null;
    card_exp_month: number | null;
    card_exp_year: number | null;
    /** The invoice issued when it was paid (invoices module), its number for pages and mails. */
    invoice_id: string | null;
    invoice_number: string | null;
    refunded_cents: number;
    /** Held by the buyer's bank while a dispute is open, or taken back when it was lost. */
    disputed_cents: number;
  };
  commerce_payments: {
    /** One attempt at paying an order: the idempotency key sent to the gateway. */
    id: string;
    order_id: string;
    gateway: string;
    /** The gateway's checkout reference; null until the gateway answered. */
    reference: string | null;
    state: 'opening' | 'pending' | 'succeeded' | 'failed' | 'expired';
    amount_cents: number;
    failure: string | null;
    /** The gateway's hosted page for this attempt. */
    url: string | null;
    created_at: string;
    updated_at: string;
    expires_at: string;
  };
  commerce_gateway_events: {
    /** The gateway's name and its event id: each event is acted on once, however often it arrives. */
    id: string;
    type: string;
    reference: string;
    order_id: string | null;
    received_at: string;
    /** What the event did: 'applied', 'ignored', 'duplicate-payment', … (for staff and tests). */
    outcome: string;
  };
  commerce_refunds: {
    id: string;
    order_id: string;
    /** The payment refunded (the gateway's checkout reference): the order's, or a duplicate one. */
    payment_reference: string;
    /** The gateway's refund id, once it answered. */
    gateway_refund_id: string | null;
    amount_cents: number;
    state: 'requested' | 'succeeded' | 'failed';
    /** Why, from a fixed list (customer request, duplicate payment, order cancelled after payment…). */
    reason: string;
    created_at: string;
    updated_at: string;
  };
  commerce_disputes: {
    /** The gateway's dispute id. */
    id: string;
    order_id: string;
    state: 'open' | 'won' | 'lost';
    amount_cents: number;
    reason: string;
    /** What staff gathered to contest it (delivery proof, attendance): free text. */
    evidence_notes: string | null;
    opened_at: string;
    updated_at: string;
  };
}

export type CartRow = CommerceTables['commerce_carts'];
export type OrderRow = CommerceTables['commerce_orders'];
export type PaymentRow = CommerceTables['commerce_payments'];
