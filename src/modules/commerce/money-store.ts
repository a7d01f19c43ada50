import type { Kysely } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { CommerceTables } from './commerce-tables.js';

export type RefundRow = CommerceTables['commerce_refunds'];
export type DisputeRow = CommerceTables['commerce_disputes'];

/** Refunds and disputes: money that goes back, asked by us or taken by the buyer's bank. */
export class MoneyStore {
  private readonly db: Kysely<CommerceTables>;

  constructor(database: Database) {
    this.db = tablesOf<CommerceTables>(database);
  }

  insertRefund(row: RefundRow, db: Executor<CommerceTables>) {
    return db.insertInto('commerce_refunds').values(row).execute();
  }

  refund(id: string, db: Executor<CommerceTables> = this.db): Promise<RefundRow | undefined> {
    return db.selectFrom('commerce_refunds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  refundByGatewayId(gatewayRefundId: string, db: Executor<CommerceTables>): Promise<RefundRow | undefined> {
    return db
      .selectFrom('commerce_refunds')
      .selectAll()
      .where('gateway_refund_id', '=', gatewayRefundId)
      .executeTakeFirst();
  }

  refundsOf(orderId: string, db: Executor<CommerceTables> = this.db): Promise<RefundRow[]> {
    return db
      .selectFrom('commerce_refunds')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute();
  }

  /** Moves a refund out of `requested`: false when it already left it (the webhook and the answer raced). */
  async settleRefund(
    id: string,
    change: { state: 'succeeded' | 'failed'; gateway_refund_id: string | null },
    now: Date,
    db: Executor<CommerceTables>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('commerce_refunds')
      .set({ ...change, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  dispute(id: string, db: Executor<CommerceTables>): Promise<DisputeRow | undefined> {
    return db.selectFrom('commerce_disputes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  disputesOf(orderId: string, db: Executor<CommerceTables> = this.db): Promise<DisputeRow[]> {
    return db
      .selectFrom('commerce_disputes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('opened_at')
      .execute();
  }

  async insertDispute(row: DisputeRow, db: Executor<CommerceTables>): Promise<boolean> {
    const result = await db
      .insertInto('commerce_disputes')
      .values(row)
      .onConflict((c) => c.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Closes an open dispute: false when it was closed already (a replayed or late event). */
  async closeDispute(id: string, state: 'won' | 'lost', now: Date, db: Executor<CommerceTables>): Promise<boolean> {
    const result = await db
      .updateTable('commerce_disputes')
      .set({ state, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setEvidence(id: string, notes: string, now: Date) {
    await this.db
      .updateTable('commerce_disputes')
      .set({ evidence_notes: notes, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
