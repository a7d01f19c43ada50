import type { FastifyBaseLogger as Logger } from 'fastify';
import type { MailService } from '../../platform/mail/mail-service.js';
import { PaymentGatewayError, type PaymentGateway } from '../../platform/payments/payment-gateway.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { CartStore } from './cart-store.js';
import type { CommerceUrls } from './commerce-urls.js';
import type { OfferSource } from './offer-source.js';
import { orderOf } from './order.js';
import { orderMail } from './order-mail.js';
import type { OrderService } from './order-service.js';
import type { OrderStore } from './order-store.js';
import { lapsedOrderKeptMs, reconcileAfterMs, reminderBeforeExpiryMs, reminderNotBeforeMs } from './order-timing.js';
import type { SettlementService } from './settlement-service.js';

export interface UpkeepReport {
  reconciled: number;
  reminded: number;
  expired: number;
  deletedOrders: number;
  deletedCarts: number;
}

/**
 * The order upkeep job. Paid checkouts must become orders even when the buyer never comes back
 * and the webhook is lost (Saleor's failure): attempts the gateway has not told us about are
 * asked about. Then unpaid orders are reminded, and lapsed ones let go: asked about once more,
 * then expired, their items back on sale.
 */
export class OrderUpkeep {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      carts: CartStore;
      offers: OfferSource;
      settlement: SettlementService;
      orderService: OrderService;
      gateway: PaymentGateway;
      mail: MailService;
      urls: CommerceUrls;
      shop: () => ShopIdentity;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  async run(): Promise<UpkeepReport> {
    const reconciled = await this.reconcile();
    const reminded = await this.remind();
    const expired = await this.expire();
    const now = this.deps.now();
    const deletedOrders = await this.deps.orders.deleteLapsed(new Date(now.getTime() - lapsedOrderKeptMs));
    const deletedCarts = await this.deps.carts.deleteExpired(now);
    return { reconciled, reminded, expired, deletedOrders, deletedCarts };
  }

  /** Asks the gateway about attempts left open too long. */
  async reconcile(): Promise<number> {
    const { orders, gateway, settlement, now, logger } = this.deps;
    let asked = 0;
    for (const payment of await orders.stalePayments(new Date(now().getTime() - reconcileAfterMs))) {
      if (!payment.reference) {
        // The gateway never answered the opening: nothing can have been paid on it.
        await orders.transaction((trx) =>
          orders.movePayment(payment.id, ['opening'], { state: 'failed', failure: 'processing_error' }, now(), trx),
        );
        continue;
      }
      try {
        await settlement.applyStatus(await gateway.retrieveCheckout(payment.reference));
        asked++;
      } catch (error) {
        if (!(error instanceof PaymentGatewayError)) throw error;
        logger.warn({ orderId: payment.order_id }, 'payment gateway unavailable for reconciliation; asked again later');
        break;
      }
    }
    return asked;
  }

  private async remind(): Promise<number> {
    const { orders, mail, urls, shop, now } = this.deps;
    const at = now();
    let sent = 0;
    const due = await orders.dueForReminder(
      new Date(at.getTime() + reminderBeforeExpiryMs),
      new Date(at.getTime() - reminderNotBeforeMs),
    );
    for (const row of due) {
      await orders.transaction(async (trx) => {
        // Reminded once, even with two workers: the mark is a compare-and-set on its absence.
        const marked = await trx
          .updateTable('commerce_orders')
          .set({ reminded_at: at.toISOString() })
          .where('id', '=', row.id)
          .where('status', '=', 'awaiting_payment')
          .where('reminded_at', 'is', null)
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== 1) return;
        const order = orderOf(row);
        await mail.queue(trx, orderMail(shop(), order, urls.order(order.locale, order.id)).reminder());
        sent++;
      });
    }
    return sent;
  }

  private async expire(): Promise<number> {
    const { orders, offers, orderService, now } = this.deps;
    let expired = 0;
    for (const row of await orders.expiredUnpaid(now())) {
      // A payment made in the last minute wins over the expiry.
      try {
        await orderService.confirmReturn(row.id);
      } catch (error) {
        if (!(error instanceof PaymentGatewayError)) throw error;
        continue; // not knowing whether it was paid, the order waits for the next run
      }
      const at = now();
      const moved = await orders.transaction(async (trx) => {
        if (!(await orders.move(row.id, 'awaiting_payment', 'expired', {}, at, trx))) return false;
        await offers.release(trx, orderOf(row).lines);
        return true;
      });
      if (moved) {
        expired++;
        await orderService.closeOpenAttempts(row.id);
      }
    }
    return expired;
  }
}
