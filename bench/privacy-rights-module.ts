// The synthetic module the privacy-rights benchmark adds to the shop (bench/privacy-rights.mjs):
// four tables declared the way a commerce or community module would declare them, so that export
// and erasure run through every path of the engine: account-id links, an email link, a link that
// only names the person in someone else's row, a held column, pseudonymized tables, deleted ones.
// Each link column has the index the coverage gate asks of every module: the column (or
// lower(email)) followed by the primary key, which lets the engine's keyset pages (subject-rows.ts:
// link condition, key > last, ORDER BY key) read one index range each. BENCH_LINK_INDEX=column
// indexes the column alone, to measure what the rule is for (docs/performance.md, issue 9).
import { type Kysely, sql } from 'kysely';
import { defineModule } from '../src/platform/module.js';
import { defineData } from '../src/privacy/core/declare.js';

export interface BenchTables {
  /** Kept after an erasure: the buyer's name is held for the accounting period, the rest emptied. */
  bench_orders: {
    id: string;
    account_id: string | null;
    email: string | null;
    billing_name: string | null;
    shipping_address: string | null;
    total_cents: number;
    currency: string;
    created_at: string;
  };
  /** Deleted; the recipient, someone else, is only named in `recipient_id`. */
  bench_messages: {
    id: string;
    account_id: string;
    recipient_id: string | null;
    body: string;
    created_at: string;
  };
  /** Kept without their author (the ratings still count). */
  bench_reviews: {
    id: string;
    account_id: string | null;
    author_name: string | null;
    body: string | null;
    product: string;
    rating: number;
    created_at: string;
  };
  /** The big one: activity, deleted. */
  bench_events: {
    id: string;
    account_id: string;
    kind: string;
    path: string;
    ip: string | null;
    user_agent: string | null;
    created_at: string;
  };
}

export const benchTables = ['bench_orders', 'bench_messages', 'bench_reviews', 'bench_events'] as const;

export const linkIndex = process.env.BENCH_LINK_INDEX === 'column' ? 'column' : 'with-key';

/** An index on a link column (an expression such as lower(email)), followed by the key if asked. */
async function linkIndexOn(db: Kysely<unknown>, table: string, column: string, expression = sql.ref(column)) {
  const columns = linkIndex === 'with-key' ? sql`${expression}, id` : expression;
  await sql`create index ${sql.id(`${table}_${column}`)} on ${sql.table(table)} (${columns})`.execute(db);
}

async function up(db: Kysely<unknown>) {
  const text = 'text' as const;
  await db.schema
    .createTable('bench_orders')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('account_id', text)
    .addColumn('email', text)
    .addColumn('billing_name', text)
    .addColumn('shipping_address', text)
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await linkIndexOn(db, 'bench_orders', 'account_id');
  await linkIndexOn(db, 'bench_orders', 'email', sql`lower(email)`);
  await db.schema
    .createTable('bench_messages')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('account_id', text, (c) => c.notNull())
    .addColumn('recipient_id', text)
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await linkIndexOn(db, 'bench_messages', 'account_id');
  await linkIndexOn(db, 'bench_messages', 'recipient_id');
  await db.schema
    .createTable('bench_reviews')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('account_id', text)
    .addColumn('author_name', text)
    .addColumn('body', text)
    .addColumn('product', text, (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await linkIndexOn(db, 'bench_reviews', 'account_id');
  await db.schema
    .createTable('bench_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('account_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('path', text, (c) => c.notNull())
    .addColumn('ip', text)
    .addColumn('user_agent', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await linkIndexOn(db, 'bench_events', 'account_id');
}

async function down(db: Kysely<unknown>) {
  for (const table of [...benchTables].reverse()) await db.schema.dropTable(table).execute();
}

const w = (en: string) => ({ en, fr: `${en} (fr)` });
const ordered = w('the order');

export const benchData = defineData<BenchTables>()({
  module: 'bench',
  tables: {
    bench_orders: {
      about: w('Your orders (benchmark)'),
      subject: [
        { column: 'account_id', kind: 'account-id', of: ['member'] },
        { column: 'email', kind: 'email', of: ['customer', 'member'] },
      ],
      purposes: ['service', 'legal'],
      basis: 'contract',
      retention: { keep: 'P10Y', from: 'created_at', after: ordered, reason: w('Accounting records') },
      erase: 'pseudonymize',
      columns: {
        account_id: { category: 'identity', says: w('Your account') },
        email: { category: 'contact', says: w('Your email address') },
        billing_name: {
          category: 'identity',
          says: w('Your name on the invoice'),
          erase: {
            hold: 'P10Y',
            from: 'created_at',
            after: ordered,
            basis: 'legal-obligation',
            reason: w('Invoices are kept for the period the Commercial Code sets'),
          },
        },
        shipping_address: { category: 'postal-address', says: w('Where the order was sent') },
      },
      nonPersonal: ['id', 'total_cents', 'currency', 'created_at'],
    },
    bench_messages: {
      about: w('Your messages (benchmark)'),
      subject: [
        { column: 'account_id', kind: 'account-id', of: ['member'] },
        { column: 'recipient_id', kind: 'account-id', of: ['member'], scope: 'column' },
      ],
      purposes: ['service'],
      basis: 'contract',
      retention: { keep: 'P2Y', from: 'created_at', after: w('the message'), reason: w('Conversations') },
      erase: 'delete',
      columns: {
        account_id: { category: 'identity', says: w('Your account') },
        recipient_id: {
          category: 'identity',
          says: w('The member you wrote to'),
          erase: { pseudonymize: null },
        },
        body: { category: 'user-content', says: w('What you wrote') },
      },
      nonPersonal: ['id', 'created_at'],
    },
    bench_reviews: {
      about: w('Your reviews (benchmark)'),
      subject: [{ column: 'account_id', kind: 'account-id', of: ['member'] }],
      purposes: ['service'],
      basis: 'legitimate-interests',
      retention: { keep: 'P5Y', from: 'created_at', after: w('the review'), reason: w('Reviews stay useful') },
      erase: 'pseudonymize',
      columns: {
        account_id: { category: 'identity', says: w('Your account') },
        author_name: {
          category: 'profile',
          says: w('The name shown with your review'),
          erase: { pseudonymize: { text: 'A former member' } },
        },
        body: { category: 'user-content', says: w('What you wrote') },
      },
      nonPersonal: ['id', 'product', 'rating', 'created_at'],
    },
    bench_events: {
      about: w('Your activity (benchmark)'),
      subject: [{ column: 'account_id', kind: 'account-id', of: ['member'] }],
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: { keep: 'P1Y', from: 'created_at', after: w('the event'), reason: w('Investigating misuse') },
      erase: 'delete',
      columns: {
        account_id: { category: 'identity', says: w('Your account') },
        ip: { category: 'connection', says: w('Your IP address') },
        user_agent: { category: 'device', says: w('Your browser') },
      },
      nonPersonal: ['id', 'kind', 'path', 'created_at'],
    },
  },
});

export const benchModule = defineModule({
  name: 'bench',
  migrations: { '20991231_99_bench_privacy_rights': { up, down } },
  data: [benchData],
});
