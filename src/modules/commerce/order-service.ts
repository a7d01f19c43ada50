import { AppError } from '../../platform/http/errors.js';
import type { PaymentGateway } from '../../platform/payments/payment-gateway.js';
import { PaymentGatewayError } from '../../platform/payments/payment-gateway.js';
import type { PaymentRow } from './commerce-tables.js';
import type { InvoiceIssuer } from './commerce-ports.js';
import type { DisputeRow, MoneyStore, RefundRow } from './money-store.js';
import type { OfferSource } from './offer-source.js';
import { type Order, orderOf } from './order.js';
import { type OrderStatus, isPaid, paidStatuses } from './order-status.js';
import type { OrderStore } from './order-store.js';
import type { RefundReason, SettlementService } from './settlement-service.js';

/** An order with what happened to its money: attempts, refunds, disputes, invoices. */
export interface OrderDetail {
  order: Order;
  payments: PaymentRow[];
  refunds: RefundRow[];
  disputes: DisputeRow[];
  documents: Awaited<ReturnType<InvoiceIssuer['forOrder']>>;
  /** The last failed attempt's reason, while the order waits for payment. */
  lastFailure: string | null;
  /** What may still be refunded: paid, less refunded and less refunds under way. */
  refundableCents: number;
}

/**
 * Orders as buyers and staff see them, and what staff do to them: fulfil, cancel an unpaid one,
 * refund. Money changes go through the settlement service, like the gateway's news.
 */
export class OrderService {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      money: MoneyStore;
      offers: OfferSource;
      invoices: InvoiceIssuer;
      settlement: SettlementService;
      gateway: PaymentGateway;
      now: () => Date;
    },
  ) {}

  async detail(orderId: string): Promise<OrderDetail | undefined> {
    const { orders, money, invoices } = this.deps;
    const row = await orders.find(orderId);
    if (!row) return undefined;
    const [payments, refunds, disputes, documents] = await Promise.all([
      orders.paymentsOf(orderId),
      money.refundsOf(orderId),
      money.disputesOf(orderId),
      row.invoice_id ? invoices.forOrder(orderId) : Promise.resolve([]),
    ]);
    const order = orderOf(row);
    const underWay = refunds.filter((r) => r.state === 'requested' && r.payment_reference === row.payment_reference);
    const lastFailed = [...payments].reverse().find((p) => p.state === 'failed');
    return {
      order,
      payments,
      refunds,
      disputes,
      documents,
      lastFailure: order.status === 'awaiting_payment' ? (lastFailed?.failure ?? null) : null,
      refundableCents: isPaid(order.status)
        ? order.totalCents - order.refundedCents - underWay.reduce((sum, r) => sum + r.amount_cents, 0)
        : 0,
    };
  }

  /** The back office's list (order-admin-routes.tsx): a page of orders, and whether another follows. */
  async search(filter: {
    text: string;
    status: OrderStatus | undefined;
    page: number;
  }): Promise<{ orders: Order[]; more: boolean }> {
    const pageSize = 50;
    const rows = await this.deps.orders.search({
      text: filter.text,
      status: filter.status,
      limit: pageSize + 1,
      offset: (filter.page - 1) * pageSize,
    });
    return { orders: rows.slice(0, pageSize).map(orderOf), more: rows.length > pageSize };
  }

  async forMember(memberId: string, verifiedEmail: string | null): Promise<Order[]> {
    return (await this.deps.orders.forMember(memberId, verifiedEmail)).map(orderOf);
  }

  /**
   * The buyer is back from the gateway: ask it how the payment stands rather than wait for the
   * webhook (either may come first; both are applied once). A gateway that does not answer leaves
   * the order as it is: the webhook or the reconciliation job settles it.
   */
  async confirmReturn(orderId: string): Promise<void> {
    const { orders, gateway, settlement } = this.deps;
    const latest = [...(await orders.paymentsOf(orderId))].reverse().find((payment) => payment.reference);
    if (!latest?.reference || latest.state === 'succeeded') return;
    try {
      await settlement.applyStatus(await gateway.retrieveCheckout(latest.reference));
    } catch (error) {
      if (!(error instanceof PaymentGatewayError)) throw error;
    }
  }

  /** Staff mark an order fulfilled (goods sent, course given). */
  async fulfil(orderId: string): Promise<void> {
    const { orders, now } = this.deps;
    const order = await orders.find(orderId);
    if (!order) throw new AppError('VT_ORDER_NOT_FOUND');
    if (!['paid', 'partially_refunded'].includes(order.status) || order.fulfilled_at)
      throw new AppError('VT_ORDER_STATE');
    const at = now();
    const moved = await orders.transaction((trx) =>
      orders.move(order.id, order.status, 'fulfilled', { fulfilled_at: at.toISOString() }, at, trx),
    );
    if (!moved) throw new AppError('VT_ORDER_STATE');
  }

  /** An unpaid order cancelled (by staff, or the buyer): its items go back on sale, its gateway page closes. */
  async cancel(orderId: string): Promise<void> {
    const { orders, offers, now } = this.deps;
    const order = await orders.find(orderId);
    if (!order) throw new AppError('VT_ORDER_NOT_FOUND');
    if (order.status !== 'awaiting_payment') throw new AppError('VT_ORDER_STATE');
    // A payment that went through a moment ago must win over the cancel: ask the gateway first.
    await this.confirmReturn(orderId);
    const at = now();
    const moved = await orders.transaction(async (trx) => {
      if (!(await orders.move(order.id, 'awaiting_payment', 'cancelled', { cancelled_at: at.toISOString() }, at, trx)))
        return false;
      await offers.release(trx, orderOf(order).lines);
      return true;
    });
    if (!moved) throw new AppError('VT_ORDER_STATE');
    await this.closeOpenAttempts(orderId);
  }

  /** Staff refund part or all of a paid order. The gateway is asked at once; the job retries if it did not answer. */
  async refund(orderId: string, amountCents: number, reason: RefundReason): Promise<string> {
    const { orders, settlement } = this.deps;
    if (!Number.isInteger(amountCents) || amountCents <= 0)
      throw new AppError('VT_VALIDATION', { fields: { amount: 'amount' } });
    const refundId = await orders.transaction(async (trx) => {
      const order = await orders.find(orderId, trx);
      if (!order) throw new AppError('VT_ORDER_NOT_FOUND');
      if (!paidStatuses.includes(order.status) || !order.payment_reference) throw new AppError('VT_ORDER_STATE');
      const underWay = (await this.deps.money.refundsOf(orderId, trx))
        .filter((r) => r.state === 'requested' && r.payment_reference === order.payment_reference)
        .reduce((sum, r) => sum + r.amount_cents, 0);
      if (amountCents > order.total_cents - order.refunded_cents - underWay) throw new AppError('VT_REFUND_TOO_LARGE');
      return settlement.requestRefund(orderId, order.payment_reference, amountCents, reason, trx);
    });
    try {
      await settlement.performRefund(refundId);
    } catch (error) {
      if (!(error instanceof PaymentGatewayError)) throw error;
      // Recorded and queued: the refund job asks again, with the same idempotency key.
    }
    return refundId;
  }

  async setDisputeEvidence(orderId: string, disputeId: string, notes: string): Promise<void> {
    const dispute = (await this.deps.money.disputesOf(orderId)).find((row) => row.id === disputeId);
    if (!dispute) throw new AppError('VT_ORDER_NOT_FOUND');
    if (notes.length > 8000) throw new AppError('VT_VALIDATION', { fields: { notes: 'too-long' } });
    await this.deps.money.setEvidence(disputeId, notes.trim(), this.deps.now());
  }

  /** Closes the gateway pages of an order that no longer waits for payment (best effort: they expire anyway). */
  async closeOpenAttempts(orderId: string): Promise<void> {
    const { orders, gateway, now } = this.deps;
    for (const payment of await orders.paymentsOf(orderId)) {
      if (payment.state !== 'pending' || !payment.reference) continue;
      try {
        await gateway.cancelCheckout(payment.reference);
        await orders.transaction((trx) =>
          orders.movePayment(payment.id, ['pending'], { state: 'expired' }, now(), trx),
        );
      } catch (error) {
        if (!(error instanceof PaymentGatewayError)) throw error;
      }
    }
  }
}
