import { type Kysely, sql } from 'kysely';

/**
 * Carts, orders, payment attempts, gateway events, refunds and disputes. Every column the privacy
 * engine finds a person by is indexed with the row's key after it (the coverage gate checks it).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('commerce_carts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('member_id', 'text', (c) => c.unique())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commerce_carts_member_key').on('commerce_carts').columns(['member_id', 'id']).execute();
  await db.schema.createIndex('commerce_carts_expiry').on('commerce_carts').column('expires_at').execute();

  await db.schema
    .createTable('commerce_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text', (c) => c.notNull())
    .addColumn('billing_line1', 'text', (c) => c.notNull())
    .addColumn('billing_line2', 'text')
    .addColumn('billing_postal_code', 'text', (c) => c.notNull())
    .addColumn('billing_city', 'text', (c) => c.notNull())
    .addColumn('billing_country', 'text', (c) => c.notNull())
    .addColumn('shipping_name', 'text')
    .addColumn('shipping_line1', 'text')
    .addColumn('shipping_line2', 'text')
    .addColumn('shipping_postal_code', 'text')
    .addColumn('shipping_city', 'text')
    .addColumn('shipping_country', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('vat_cents', 'integer', (c) => c.notNull())
    .addColumn('terms_version', 'text', (c) => c.notNull())
    .addColumn('terms_accepted_at', 'text', (c) => c.notNull())
    .addColumn('early_start_requested_at', 'text')
    .addColumn('checkout_key', 'text', (c) => c.notNull().unique())
    .addColumn('checkout_ip', 'text')
    .addColumn('checkout_user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('fulfilled_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('payment_reference', 'text')
    .addColumn('card_brand', 'text')
    .addColumn('card_last4', 'text')
    .addColumn('card_exp_month', 'integer')
    .addColumn('card_exp_year', 'integer')
    .addColumn('invoice_id', 'text')
    .addColumn('invoice_number', 'text')
    .addColumn('refunded_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disputed_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('commerce_orders_member_key')
    .on('commerce_orders')
    .columns(['member_id', 'id'])
    .execute();
  await db.schema
    .createIndex('commerce_orders_email_lower_key')
    .on('commerce_orders')
    .expression(sql`lower(email), id`)
    .execute();
  await db.schema
    .createIndex('commerce_orders_status_expiry')
    .on('commerce_orders')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema.createIndex('commerce_orders_created').on('commerce_orders').column('created_at').execute();

  await db.schema
    .createTable('commerce_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('commerce_orders.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commerce_payments_order')
    .on('commerce_payments')
    .columns(['order_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('commerce_payments_state')
    .on('commerce_payments')
    .columns(['state', 'updated_at'])
    .execute();

  await db.schema
    .createTable('commerce_gateway_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commerce_gateway_events_order')
    .on('commerce_gateway_events')
    .columns(['order_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('commerce_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('commerce_orders.id'))
    .addColumn('payment_reference', 'text', (c) => c.notNull())
    .addColumn('gateway_refund_id', 'text', (c) => c.unique())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commerce_refunds_order').on('commerce_refunds').column('order_id').execute();

  await db.schema
    .createTable('commerce_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign key: a dispute is the bank's record, kept for its own period (privacy.ts), and may
    // concern a payment that paid no order (a late or duplicate one), whose order row may go.
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_notes', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commerce_disputes_order').on('commerce_disputes').column('order_id').execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    'commerce_disputes',
    'commerce_refunds',
    'commerce_gateway_events',
    'commerce_payments',
    'commerce_orders',
    'commerce_carts',
  ])
    await db.schema.dropTable(table).execute();
}
