import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { ClientInfo } from '../../platform/auth/session-service.js';
import { randomId } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import { type PaymentGateway, PaymentGatewayError } from '../../platform/payments/payment-gateway.js';
import type { PricedCart } from './cart-pricing.js';
import type { CartOwner, CartService } from './cart-service.js';
import type { CheckoutForm } from './checkout-input.js';
import type { CommerceUrls } from './commerce-urls.js';
import type { TermsSource } from './commerce-ports.js';
import type { OfferSource } from './offer-source.js';
import type { OrderLine } from './order.js';
import type { OrderStore } from './order-store.js';
import { orderHoldMs, withdrawalPeriodMs } from './order-timing.js';
import type { OrderRow, PaymentRow } from './commerce-tables.js';

export interface CheckoutDependencies {
  orders: OrderStore;
  carts: CartService;
  offers: OfferSource;
  terms: TermsSource;
  gateway: PaymentGateway;
  urls: CommerceUrls;
  shopName: () => string;
  logger: Logger;
  now: () => Date;
}

/** Where the buyer goes next: the gateway's page, or back to their order when the gateway is down. */
export type NextStep = { orderId: string; payUrl: string } | { orderId: string; payUrl: null };

/**
 * Turns a cart into an order and sends the buyer to the gateway's page. Prices, names and VAT
 * come from the catalog at this moment, never from the form; the order reserves its items (stock,
 * seats) for a day; the card is typed on the gateway's page, never here.
 */
export class CheckoutService {
  constructor(private readonly deps: CheckoutDependencies) {}

  /** Whether the cart holds a course starting within the withdrawal period (the checkout asks for the express request). */
  needsEarlyStart(cart: PricedCart): boolean {
    return (
      cart.earliestStart !== null && Date.parse(cart.earliestStart) - this.deps.now().getTime() < withdrawalPeriodMs
    );
  }

  async placeOrder(input: {
    owner: CartOwner;
    memberId: string | null;
    locale: Locale;
    form: CheckoutForm;
    client: ClientInfo;
  }): Promise<NextStep> {
    const { orders, carts, offers, terms, now } = this.deps;
    const { form } = input;
    // The same form sent twice (a double click, a reload): the first order, not a second one.
    const placed = await orders.findByCheckoutKey(form.checkoutKey);
    if (placed) return this.resume(placed);

    const { cart, lines } = await carts.lines(input.owner);
    if (!cart || lines.length === 0) throw new AppError('VT_CART_EMPTY');
    const priced = await carts.price(lines, input.locale);
    if (priced.fingerprint !== form.cartFingerprint) throw new AppError('VT_CART_CHANGED');
    if (priced.hasProblems)
      throw new AppError('VT_SOLD_OUT', { offerIds: priced.lines.filter((l) => l.problem).map((l) => l.offerId) });
    if (this.needsEarlyStart(priced) && !form.earlyStart)
      throw new AppError('VT_VALIDATION', { fields: { early_start: 'early-start' } });

    const at = now();
    const current = await terms.currentTerms();
    const orderLines: OrderLine[] = priced.lines.map((line) => {
      const offer = line.offer;
      if (!offer) throw new AppError('VT_CART_CHANGED');
      return {
        offerId: offer.id,
        productId: offer.productId,
        productSlug: offer.productSlug,
        kind: offer.kind,
        shipped: offer.shipped,
        name: offer.name,
        label: offer.label,
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        vatRateBasisPoints: offer.vatRateBasisPoints,
        totalCents: line.totalCents,
        startsAt: offer.startsAt,
      };
    });
    const id = orderNumber();
    const row: OrderRow = {
      id,
      status: 'awaiting_payment',
      member_id: input.memberId,
      email: form.email,
      buyer_name: form.name,
      billing_line1: form.billing.line1,
      billing_line2: form.billing.line2,
      billing_postal_code: form.billing.postalCode,
      billing_city: form.billing.city,
      billing_country: form.billing.country,
      shipping_name: form.shipping?.name ?? null,
      shipping_line1: form.shipping?.line1 ?? null,
      shipping_line2: form.shipping?.line2 ?? null,
      shipping_postal_code: form.shipping?.postalCode ?? null,
      shipping_city: form.shipping?.city ?? null,
      shipping_country: form.shipping?.country ?? null,
      locale: input.locale,
      currency: priced.currency,
      lines: JSON.stringify(orderLines),
      total_cents: priced.totalCents,
      vat_cents: priced.vatCents,
      terms_version: current.version,
      terms_accepted_at: at.toISOString(),
      early_start_requested_at: this.needsEarlyStart(priced) && form.earlyStart ? at.toISOString() : null,
      checkout_key: form.checkoutKey,
      checkout_ip: input.client.ip ?? null,
      checkout_user_agent: input.client.userAgent?.slice(0, 300) ?? null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      expires_at: new Date(at.getTime() + orderHoldMs).toISOString(),
      reminded_at: null,
      paid_at: null,
      fulfilled_at: null,
      cancelled_at: null,
      payment_reference: null,
      card_brand: null,
      card_last4: null,
      card_exp_month: null,
      card_exp_year: null,
      invoice_id: null,
      invoice_number: null,
      refunded_cents: 0,
      disputed_cents: 0,
    };
    // The order and its first payment attempt in one transaction: the buyer waits for this
    // request, and a second transaction (and reading the order back) cost them time for nothing.
    const attempt = this.attemptFor(row);
    const created = await orders.transaction(async (trx) => {
      if (!(await orders.insert(row, trx))) return false;
      // All lines or none: the last seat goes to one buyer; the other's order is not made.
      await offers.reserve(trx, orderLines);
      await carts.empty(cart.id, trx);
      await orders.insertPayment(attempt, trx);
      return true;
    });
    if (!created) {
      const first = await orders.findByCheckoutKey(form.checkoutKey);
      if (first) return this.resume(first);
      throw new AppError('VT_CART_CHANGED');
    }
    return this.startAttempt(row, attempt);
  }

  /**
   * Opens a new payment attempt for an unpaid order (after a decline, or a first attempt the
   * gateway did not answer) and returns the gateway's page.
   */
  async openPayment(orderId: string): Promise<NextStep> {
    const { orders, now } = this.deps;
    const order = await orders.find(orderId);
    if (!order) throw new AppError('VT_ORDER_NOT_FOUND');
    if (order.status !== 'awaiting_payment' || Date.parse(order.expires_at) <= now().getTime())
      throw new AppError('VT_ORDER_STATE');
    // An attempt still open at the gateway is offered again rather than a second one: two open
    // pages for one order are how a buyer pays twice.
    const open = (await orders.paymentsOf(orderId)).find(
      (payment) => payment.state === 'pending' && payment.url && Date.parse(payment.expires_at) > now().getTime(),
    );
    if (open?.url) return { orderId, payUrl: open.url };

    const attempt = this.attemptFor(order);
    await orders.transaction((trx) => orders.insertPayment(attempt, trx));
    return this.startAttempt(order, attempt);
  }

  /** A payment attempt for the order's total, not yet known to the gateway. */
  private attemptFor(order: OrderRow): PaymentRow {
    const at = this.deps.now().toISOString();
    return {
      id: randomId(),
      order_id: order.id,
      gateway: this.deps.gateway.name,
      reference: null,
      state: 'opening',
      amount_cents: order.total_cents,
      failure: null,
      url: null,
      created_at: at,
      updated_at: at,
      expires_at: order.expires_at,
    };
  }

  /** Asks the gateway for its payment page for a recorded attempt; the buyer is sent there. */
  private async startAttempt(order: OrderRow, attempt: PaymentRow): Promise<NextStep> {
    const { orders, gateway, urls, now, logger } = this.deps;
    const orderId = order.id;
    const attemptId = attempt.id;
    const locale = order.locale === 'en' ? 'en' : 'fr';
    try {
      const session = await gateway.createCheckout({
        orderId,
        attemptId,
        amountCents: order.total_cents,
        currency: order.currency,
        description: `${this.deps.shopName()} – ${locale === 'fr' ? 'commande' : 'order'} ${orderId}`,
        customerEmail: order.email,
        locale,
        successUrl: urls.checkoutReturn(locale, orderId, 'paid'),
        cancelUrl: urls.checkoutReturn(locale, orderId, 'cancelled'),
        expiresAt: new Date(order.expires_at),
      });
      await orders.transaction((trx) =>
        orders.movePayment(
          attemptId,
          ['opening'],
          { state: 'pending', reference: session.reference, url: session.url },
          now(),
          trx,
        ),
      );
      return { orderId, payUrl: session.url };
    } catch (error) {
      if (!(error instanceof PaymentGatewayError)) throw error;
      // The order stays, reserved; the buyer can try again from its page, and the reconciliation
      // job forgets the attempt the gateway never opened.
      logger.warn({ orderId, err: error.message }, 'payment gateway unavailable at checkout');
      await orders.transaction((trx) =>
        orders.movePayment(attemptId, ['opening'], { state: 'failed', failure: 'processing_error' }, now(), trx),
      );
      return { orderId, payUrl: null };
    }
  }

  private async resume(order: OrderRow): Promise<NextStep> {
    if (order.status !== 'awaiting_payment') return { orderId: order.id, payUrl: null };
    try {
      return await this.openPayment(order.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VT_ORDER_STATE') return { orderId: order.id, payUrl: null };
      throw error;
    }
  }
}

/**
 * An order's number, shown to the buyer and on the invoice: 10 characters of Crockford's base 32
 * (no I, L, O, U to misread), random so it says nothing about how many orders the shop takes.
 */
export function orderNumber(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...randomBytes(10)].map((byte) => alphabet[byte % 32]).join('');
}
