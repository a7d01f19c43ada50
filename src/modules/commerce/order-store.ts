import { type Kysely, type Transaction, sql } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { CommerceTables, OrderRow, PaymentRow } from './commerce-tables.js';
import type { OrderStatus } from './order-status.js';

type OrderChange = Partial<Omit<OrderRow, 'id' | 'status'>>;

/** Orders and their payment attempts. Status changes are compare-and-set on the status read. */
export class OrderStore {
  readonly db: Kysely<CommerceTables>;

  constructor(database: Database) {
    this.db = tablesOf<CommerceTables>(database);
  }

  transaction<T>(work: (trx: Transaction<CommerceTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  find(id: string, db: Executor<CommerceTables> = this.db): Promise<OrderRow | undefined> {
    return db.selectFrom('commerce_orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByCheckoutKey(key: string, db: Executor<CommerceTables> = this.db): Promise<OrderRow | undefined> {
    return db.selectFrom('commerce_orders').selectAll().where('checkout_key', '=', key).executeTakeFirst();
  }

  /** Inserts the order unless its checkout key was used (a double submit): returns whether it did. */
  async insert(row: OrderRow, db: Executor<CommerceTables>): Promise<boolean> {
    const result = await db
      .insertInto('commerce_orders')
      .values(row)
      .onConflict((c) => c.column('checkout_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /**
   * Moves an order from `from` to `to`, with the other columns given, only if it is still in
   * `from`: of two racing moves (the browser's return and the webhook), one wins, the other
   * changes nothing and learns it.
   */
  async move(
    id: string,
    from: OrderStatus,
    to: OrderStatus,
    change: OrderChange,
    now: Date,
    db: Executor<CommerceTables>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('commerce_orders')
      .set({ ...change, status: to, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Changes columns that are not the status, only while the order is in `status`. */
  async updateIn(
    id: string,
    status: OrderStatus,
    change: OrderChange,
    now: Date,
    db: Executor<CommerceTables>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('commerce_orders')
      .set({ ...change, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A member's orders: those placed signed in, and those placed with their verified address as a guest. */
  forMember(memberId: string, verifiedEmail: string | null): Promise<OrderRow[]> {
    let query = this.db.selectFrom('commerce_orders').selectAll();
    query = verifiedEmail
      ? query.where((eb) =>
          eb.or([eb('member_id', '=', memberId), eb(eb.fn('lower', ['email']), '=', verifiedEmail.toLowerCase())]),
        )
      : query.where('member_id', '=', memberId);
    return query.orderBy('created_at', 'desc').limit(200).execute();
  }

  /**
   * The back office's list, newest first: by order number, the buyer's address or name (a few
   * letters are enough), and by status. One page at a time, one row more to tell if there is a next.
   */
  search(filter: {
    text: string;
    status: OrderStatus | undefined;
    limit: number;
    offset: number;
  }): Promise<OrderRow[]> {
    let query = this.db.selectFrom('commerce_orders').selectAll();
    const text = filter.text.trim().toLowerCase();
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = sql<string>`${pattern} escape '\\'`;
      query = query.where((eb) =>
        eb.or([
          eb('id', '=', text.toUpperCase()),
          eb(eb.fn('lower', ['email']), 'like', like),
          eb(eb.fn('lower', ['buyer_name']), 'like', like),
        ]),
      );
    }
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  }

  /** Unpaid orders whose hold on the items has ended. */
  expiredUnpaid(now: Date, limit = 100): Promise<OrderRow[]> {
    return this.db
      .selectFrom('commerce_orders')
      .selectAll()
      .where('status', '=', 'awaiting_payment')
      .where('expires_at', '<=', now.toISOString())
      .orderBy('expires_at')
      .limit(limit)
      .execute();
  }

  /** Unpaid orders that end before `before`, not yet reminded, placed before `placedBefore`. */
  dueForReminder(before: Date, placedBefore: Date, limit = 100): Promise<OrderRow[]> {
    return this.db
      .selectFrom('commerce_orders')
      .selectAll()
      .where('status', '=', 'awaiting_payment')
      .where('reminded_at', 'is', null)
      .where('expires_at', '<=', before.toISOString())
      .where('created_at', '<=', placedBefore.toISOString())
      .limit(limit)
      .execute();
  }

  /** Orders never paid, lapsed before `before`: deleted, with their attempts (the policy says 90 days). */
  async deleteLapsed(before: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('commerce_orders')
          .select('id')
          .where('status', 'in', ['expired', 'cancelled'])
          .where('paid_at', 'is', null)
          .where('expires_at', '<', before.toISOString())
          // Money moved for it all the same (a late payment, refunded): those records keep the order.
          .where((eb) =>
            eb.and([
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('commerce_refunds as r')
                    .select('r.id')
                    .whereRef('r.order_id', '=', 'commerce_orders.id'),
                ),
              ),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('commerce_disputes as d')
                    .select('d.id')
                    .whereRef('d.order_id', '=', 'commerce_orders.id'),
                ),
              ),
            ]),
          )
          .limit(500)
          .execute()
      ).map((row) => row.id);
      if (ids.length === 0) return 0;
      await trx.deleteFrom('commerce_payments').where('order_id', 'in', ids).execute();
      await trx.deleteFrom('commerce_gateway_events').where('order_id', 'in', ids).execute();
      await trx.deleteFrom('commerce_orders').where('id', 'in', ids).execute();
      return ids.length;
    });
  }

  // Payment attempts

  insertPayment(row: PaymentRow, db: Executor<CommerceTables>) {
    return db.insertInto('commerce_payments').values(row).execute();
  }

  payment(id: string, db: Executor<CommerceTables> = this.db): Promise<PaymentRow | undefined> {
    return db.selectFrom('commerce_payments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  paymentByReference(reference: string, db: Executor<CommerceTables> = this.db): Promise<PaymentRow | undefined> {
    return db.selectFrom('commerce_payments').selectAll().where('reference', '=', reference).executeTakeFirst();
  }

  paymentsOf(orderId: string, db: Executor<CommerceTables> = this.db): Promise<PaymentRow[]> {
    return db
      .selectFrom('commerce_payments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute();
  }

  /** Moves an attempt between states, only from the ones given: false when another event got there first. */
  async movePayment(
    id: string,
    from: readonly PaymentRow['state'][],
    change: Partial<Omit<PaymentRow, 'id'>>,
    now: Date,
    db: Executor<CommerceTables>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('commerce_payments')
      .set({ ...change, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('state', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Attempts still open at the gateway, last changed before `before`: the reconciliation asks about them. */
  stalePayments(before: Date, limit = 100): Promise<PaymentRow[]> {
    return this.db
      .selectFrom('commerce_payments')
      .selectAll()
      .where('state', 'in', ['opening', 'pending'])
      .where('updated_at', '<=', before.toISOString())
      .orderBy('updated_at')
      .limit(limit)
      .execute();
  }

  // Gateway events

  /** Records an event by its id: false when it was seen before (a duplicate delivery). */
  async recordEvent(row: CommerceTables['commerce_gateway_events'], db: Executor<CommerceTables>): Promise<boolean> {
    const result = await db
      .insertInto('commerce_gateway_events')
      .values(row)
      .onConflict((c) => c.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async setEventOutcome(id: string, outcome: string, db: Executor<CommerceTables>) {
    await db.updateTable('commerce_gateway_events').set({ outcome }).where('id', '=', id).execute();
  }

  eventsOf(orderId: string) {
    return this.db
      .selectFrom('commerce_gateway_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('received_at')
      .execute();
  }
}
