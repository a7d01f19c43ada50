import type { Transaction } from 'kysely';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { randomId } from '../../platform/crypto/tokens.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type {
  CardSummary,
  GatewayEvent,
  PaymentGateway,
  PaymentStatus,
} from '../../platform/payments/payment-gateway.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { CommerceTables, OrderRow, PaymentRow } from './commerce-tables.js';
import type { CommerceUrls } from './commerce-urls.js';
import type { InvoiceIssuer, TermsSource } from './commerce-ports.js';
import { refundJob } from './commerce-jobs.js';
import type { MoneyStore } from './money-store.js';
import type { OfferSource } from './offer-source.js';
import { type Order, orderOf } from './order.js';
import { failureText, orderMail } from './order-mail.js';
import { statusAfterRefund } from './order-status.js';
import type { OrderStore } from './order-store.js';

type Trx = Transaction<CommerceTables>;

/** Why the shop refunds a payment by itself. */
export type RefundReason = 'customer-request' | 'duplicate-payment' | 'order-lapsed' | 'goodwill' | 'cancelled-by-shop';
/** Refunds of a payment that did not pay the order: the order's amounts stay as they are. */
const strayPaymentReasons: readonly string[] = ['duplicate-payment', 'order-lapsed'];

export interface SettlementDependencies {
  orders: OrderStore;
  money: MoneyStore;
  offers: OfferSource;
  invoices: InvoiceIssuer;
  terms: TermsSource;
  gateway: PaymentGateway;
  jobs: JobQueue;
  mail: MailService;
  urls: CommerceUrls;
  shop: () => ShopIdentity;
  logger: Logger;
  now: () => Date;
}

/**
 * What money does to orders, exactly once whatever arrives in whatever order: the gateway's
 * webhooks (each stored once by its id), the buyer's return from the gateway, and the
 * reconciliation job asking the gateway. Every change is a compare-and-set on the state read, in
 * one transaction with what follows from it (the invoice number, the mail, the refund job), so of
 * two racing deliveries of the same news one acts and the other finds nothing left to do.
 */
export class SettlementService {
  constructor(private readonly deps: SettlementDependencies) {}

  /** A webhook's event: stored by its id first, so a second delivery of it changes nothing. */
  async handleEvent(event: GatewayEvent): Promise<string> {
    const { orders, now } = this.deps;
    return orders.transaction(async (trx) => {
      const eventId = `${this.deps.gateway.name}:${event.id}`;
      const payment = await orders.paymentByReference(event.reference, trx);
      const fresh = await orders.recordEvent(
        {
          id: eventId,
          type: event.type,
          reference: event.reference,
          order_id: payment?.order_id ?? event.orderId ?? null,
          received_at: now().toISOString(),
          outcome: 'received',
        },
        trx,
      );
      if (!fresh) return 'duplicate';
      const outcome = payment ? await this.apply(event, payment, trx) : 'unknown-payment';
      await orders.setEventOutcome(eventId, outcome, trx);
      return outcome;
    });
  }

  /** What the gateway says of a checkout when asked (the buyer's return, the reconciliation job). */
  async applyStatus(status: PaymentStatus): Promise<string> {
    const { orders } = this.deps;
    return orders.transaction(async (trx) => {
      const payment = await orders.paymentByReference(status.reference, trx);
      if (!payment) return 'unknown-payment';
      if (status.state === 'succeeded') return this.settle(payment, status.card, trx);
      if (status.state === 'failed') return this.fail(payment, status.failure ?? 'processing_error', trx);
      if (status.state === 'expired') return this.expireAttempt(payment, trx);
      return 'pending';
    });
  }

  private async apply(event: GatewayEvent, payment: PaymentRow, trx: Trx): Promise<string> {
    switch (event.type) {
      case 'payment.succeeded':
        return this.settle(payment, event.card, trx);
      case 'payment.failed':
        return this.fail(payment, event.failure, trx);
      case 'checkout.expired':
        return this.expireAttempt(payment, trx);
      case 'refund.succeeded':
      case 'refund.failed':
        return this.refundSettled(payment, event.refundId, event.amountCents, event.type === 'refund.succeeded', trx);
      case 'dispute.opened':
        return this.disputeOpened(payment, event.disputeId, event.amountCents, event.reason, trx);
      case 'dispute.won':
      case 'dispute.lost':
        return this.disputeClosed(payment, { ...event, type: event.type }, trx);
      default:
        return 'ignored';
    }
  }

  /** A payment went through. The order is paid, once; a second payment for it is given back. */
  private async settle(payment: PaymentRow, card: CardSummary | undefined, trx: Trx): Promise<string> {
    const { orders, now } = this.deps;
    const won = await orders.movePayment(
      payment.id,
      ['opening', 'pending', 'failed', 'expired'],
      { state: 'succeeded', failure: null },
      now(),
      trx,
    );
    if (!won) return 'already-settled';
    const order = await orders.find(payment.order_id, trx);
    if (!order) return 'unknown-order';
    if (order.status === 'awaiting_payment') return this.markPaid(order, payment, card, trx);
    if (order.status === 'expired' && (await this.itemsStillThere(order))) {
      // Paid just as the hold ended: the items are still there, so the sale stands.
      await this.deps.offers.reserve(trx, orderOf(order).lines);
      return this.markPaid(order, payment, card, trx);
    }
    // Paid twice (two tabs), or after the order lapsed with its items sold: the money goes back.
    const reason: RefundReason =
      order.status === 'expired' || order.status === 'cancelled' ? 'order-lapsed' : 'duplicate-payment';
    await this.requestRefund(order.id, payment.reference ?? '', payment.amount_cents, reason, trx);
    return reason;
  }

  private async itemsStillThere(order: OrderRow): Promise<boolean> {
    const lines = orderOf(order).lines;
    const offers = await this.deps.offers.offers(
      lines.map((line) => line.offerId),
      order.locale === 'en' ? 'en' : 'fr',
    );
    return lines.every((line) => {
      const offer = offers.get(line.offerId);
      return offer?.onSale && (offer.available === null || offer.available >= line.quantity);
    });
  }

  private async markPaid(order: OrderRow, payment: PaymentRow, card: CardSummary | undefined, trx: Trx) {
    const { orders, invoices, now } = this.deps;
    const paidAt = now();
    const moved = await orders.move(
      order.id,
      order.status,
      'paid',
      {
        paid_at: paidAt.toISOString(),
        payment_reference: payment.reference,
        card_brand: card?.brand ?? null,
        card_last4: card?.last4 ?? null,
        card_exp_month: card?.expMonth ?? null,
        card_exp_year: card?.expYear ?? null,
      },
      paidAt,
      trx,
    );
    if (!moved) throw new Error(`order ${order.id} changed while being paid`); // the transaction is retried by the gateway
    const paid = orderOf({ ...order, status: 'paid' });
    // The invoice number is taken in this transaction: a payment rolled back leaves no gap.
    const invoice = await invoices.issueInvoice(trx, {
      orderId: paid.id,
      orderNumber: paid.id,
      issuedAt: paidAt,
      locale: paid.locale,
      currency: paid.currency,
      memberId: paid.memberId,
      buyer: { name: paid.buyerName, email: paid.email, address: paid.billing },
      lines: paid.lines.map((line) => ({
        description: line.label ? `${line.name} — ${line.label}` : line.name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
      })),
      paymentReference: payment.reference ?? '',
    });
    await orders.updateIn(order.id, 'paid', { invoice_id: invoice.id, invoice_number: invoice.number }, paidAt, trx);
    // The terms the buyer accepted go with the confirmation (L221-13), read through this transaction.
    const terms = await this.deps.terms.termsDocument(paid.termsVersion, paid.locale, trx);
    if (!terms)
      this.deps.logger.warn({ termsVersion: paid.termsVersion }, 'accepted terms not found: confirmed without');
    await this.deps.mail.queue(trx, this.mailFor(paid).confirmed(invoice.number, terms));
    return 'paid';
  }

  private async fail(payment: PaymentRow, failure: string, trx: Trx): Promise<string> {
    const { orders, now } = this.deps;
    const moved = await orders.movePayment(
      payment.id,
      ['opening', 'pending'],
      { state: 'failed', failure },
      now(),
      trx,
    );
    if (!moved) return 'already-settled';
    const order = await orders.find(payment.order_id, trx);
    if (order?.status === 'awaiting_payment') {
      const view = orderOf(order);
      await this.deps.mail.queue(trx, this.mailFor(view).paymentFailed(failureText(failure, view.locale)));
    }
    return 'failed';
  }

  private async expireAttempt(payment: PaymentRow, trx: Trx): Promise<string> {
    const moved = await this.deps.orders.movePayment(
      payment.id,
      ['opening', 'pending', 'failed'],
      { state: 'expired' },
      this.deps.now(),
      trx,
    );
    return moved ? 'attempt-expired' : 'already-settled';
  }

  /**
   * Records a refund to ask of the gateway, and the job that asks: in the caller's transaction,
   * so a refund is asked exactly when the change that needs it commits.
   */
  async requestRefund(orderId: string, reference: string, amountCents: number, reason: RefundReason, trx: Trx) {
    const now = this.deps.now().toISOString();
    const id = randomId();
    await this.deps.money.insertRefund(
      {
        id,
        order_id: orderId,
        payment_reference: reference,
        gateway_refund_id: null,
        amount_cents: amountCents,
        state: 'requested',
        reason,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    await this.deps.jobs.enqueue(trx, refundJob, { refundId: id }, { maxAttempts: 20 });
    return id;
  }

  /** The refund job: asks the gateway (idempotent on our refund id), then applies its answer. */
  async performRefund(refundId: string): Promise<void> {
    const { money, gateway, orders } = this.deps;
    const refund = await money.refund(refundId);
    if (refund?.state !== 'requested') return;
    const result = await gateway.refund({
      reference: refund.payment_reference,
      amountCents: refund.amount_cents,
      idempotencyKey: refund.id,
    });
    if (result.state === 'pending') {
      await orders.transaction(async (trx) => {
        await trx
          .updateTable('commerce_refunds')
          .set({ gateway_refund_id: result.refundId })
          .where('id', '=', refund.id)
          .where('gateway_refund_id', 'is', null)
          .execute();
      });
      return; // the webhook settles it
    }
    await orders.transaction((trx) => this.applyRefund(refund.id, result.refundId, result.state === 'succeeded', trx));
  }

  private async refundSettled(
    payment: PaymentRow,
    gatewayRefundId: string,
    amountCents: number,
    ok: boolean,
    trx: Trx,
  ) {
    const { money } = this.deps;
    let refund = await money.refundByGatewayId(gatewayRefundId, trx);
    if (!refund) {
      // The webhook came before the gateway's answer to our request was stored: the one requested
      // refund of this payment and amount is it. Otherwise it was made at the gateway (its dashboard).
      const waiting = (await money.refundsOf(payment.order_id, trx)).find(
        (row) =>
          row.state === 'requested' &&
          row.gateway_refund_id === null &&
          row.payment_reference === payment.reference &&
          row.amount_cents === amountCents,
      );
      if (waiting) refund = waiting;
      else {
        const id = await this.recordOutsideRefund(payment, gatewayRefundId, amountCents, trx);
        refund = await money.refund(id, trx);
      }
    }
    if (!refund) return 'unknown-refund';
    return this.applyRefund(refund.id, gatewayRefundId, ok, trx);
  }

  private async recordOutsideRefund(payment: PaymentRow, gatewayRefundId: string, amountCents: number, trx: Trx) {
    const now = this.deps.now().toISOString();
    const id = randomId();
    await this.deps.money.insertRefund(
      {
        id,
        order_id: payment.order_id,
        payment_reference: payment.reference ?? '',
        gateway_refund_id: gatewayRefundId,
        amount_cents: amountCents,
        state: 'requested',
        reason: 'customer-request',
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    return id;
  }

  /** A refund's outcome, once: the order's amounts and status, the credit note, the mail. */
  private async applyRefund(refundId: string, gatewayRefundId: string, ok: boolean, trx: Trx): Promise<string> {
    const { money, orders, invoices, now } = this.deps;
    const refund = await money.refund(refundId, trx);
    if (!refund) return 'unknown-refund';
    const settled = await money.settleRefund(
      refund.id,
      { state: ok ? 'succeeded' : 'failed', gateway_refund_id: gatewayRefundId },
      now(),
      trx,
    );
    if (!settled) return 'already-settled';
    if (!ok) return 'refund-failed';
    const order = await orders.find(refund.order_id, trx);
    if (!order) return 'unknown-order';
    if (strayPaymentReasons.includes(refund.reason) || refund.payment_reference !== order.payment_reference)
      return 'stray-payment-refunded';
    const refunded = order.refunded_cents + refund.amount_cents;
    // A refund during a dispute leaves the order disputed; otherwise the status follows the amounts.
    const status = order.status === 'disputed' ? 'disputed' : statusAfterRefund(order.total_cents, refunded);
    const moved =
      status === order.status
        ? await orders.updateIn(order.id, order.status, { refunded_cents: refunded }, now(), trx)
        : await orders.move(order.id, order.status, status, { refunded_cents: refunded }, now(), trx);
    if (!moved) throw new Error(`order ${order.id} changed while a refund was applied`);
    const creditNote = order.invoice_id
      ? await invoices.issueCreditNote(trx, {
          invoiceId: order.invoice_id,
          issuedAt: now(),
          amountCents: refund.amount_cents,
          reason: refund.reason,
          refundId: refund.id,
        })
      : null;
    const view = orderOf({ ...order, status, refunded_cents: refunded });
    await this.deps.mail.queue(trx, this.mailFor(view).refunded(refund.amount_cents, creditNote?.number ?? null));
    return 'refunded';
  }

  private async disputeOpened(payment: PaymentRow, disputeId: string, amountCents: number, reason: string, trx: Trx) {
    const { money, orders, now } = this.deps;
    const at = now().toISOString();
    const inserted = await money.insertDispute(
      {
        id: disputeId,
        order_id: payment.order_id,
        state: 'open',
        amount_cents: amountCents,
        reason,
        evidence_notes: null,
        opened_at: at,
        updated_at: at,
      },
      trx,
    );
    // Known already: opened before, or closed by an event that overtook this one.
    if (!inserted) return 'already-known';
    const order = await orders.find(payment.order_id, trx);
    if (!order) return 'unknown-order';
    await this.toDisputed(order, amountCents, trx);
    await this.deps.mail.queue(trx, this.mailFor(orderOf(order)).disputed(amountCents));
    return 'disputed';
  }

  private async disputeClosed(
    payment: PaymentRow,
    event: { type: 'dispute.won' | 'dispute.lost'; disputeId: string; amountCents: number; reason: string },
    trx: Trx,
  ) {
    const { money, orders, now } = this.deps;
    const state = event.type === 'dispute.won' ? 'won' : 'lost';
    const existing = await money.dispute(event.disputeId, trx);
    const order = await orders.find(payment.order_id, trx);
    if (!order) return 'unknown-order';
    if (!existing) {
      // The closing overtook the opening: record it closed; a lost one takes the money all the same.
      const at = now().toISOString();
      await money.insertDispute(
        {
          id: event.disputeId,
          order_id: payment.order_id,
          state,
          amount_cents: event.amountCents,
          reason: event.reason,
          evidence_notes: null,
          opened_at: at,
          updated_at: at,
        },
        trx,
      );
      if (state === 'lost') await this.toDisputed(order, event.amountCents, trx);
      return `dispute-${state}`;
    }
    if (!(await money.closeDispute(existing.id, state, now(), trx))) return 'already-settled';
    if (state === 'lost') return 'dispute-lost';
    // Won: the bank gives the money back, and the order returns to where it was.
    const disputed = Math.max(0, order.disputed_cents - existing.amount_cents);
    const back =
      disputed > 0
        ? 'disputed'
        : order.fulfilled_at
          ? 'fulfilled'
          : order.refunded_cents > 0
            ? 'partially_refunded'
            : 'paid';
    const moved =
      back === order.status
        ? await orders.updateIn(order.id, order.status, { disputed_cents: disputed }, now(), trx)
        : await orders.move(order.id, order.status, back, { disputed_cents: disputed }, now(), trx);
    if (!moved) throw new Error(`order ${order.id} changed while a dispute closed`);
    return 'dispute-won';
  }

  private async toDisputed(order: OrderRow, amountCents: number, trx: Trx) {
    const { orders, now } = this.deps;
    const change = { disputed_cents: order.disputed_cents + amountCents };
    const moved =
      order.status === 'disputed'
        ? await orders.updateIn(order.id, 'disputed', change, now(), trx)
        : await orders.move(order.id, order.status, 'disputed', change, now(), trx);
    if (!moved) throw new Error(`order ${order.id} changed while a dispute opened`);
  }

  private mailFor(order: Order) {
    return orderMail(this.deps.shop(), order, this.deps.urls.order(order.locale, order.id));
  }
}
