// One engine and one scale of the privacy-rights benchmark (issue 9), started by
// bench/privacy-rights.mjs once bundled into dist/bench/ like the server. Prints one JSON line.
//
// The shop's modules plus a synthetic one (privacy-rights-module.ts). Other members, each with a
// few rows in every synthetic table, fill the database to this scale (1×, then 10× in a second
// process on the same database, so that each scale's memory is measured in a fresh heap). Then
// heavy members (1,000 rows in three tables, 100,000 in the fourth), one per round, are each
// exported, then erased. Baselines on the same database in the same moment: the first heavy
// member's rows read by a plain SELECT (for the export), and deleted by a plain DELETE rolled back
// (for the erasure).
import fs from 'node:fs';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { closeContext, createContext } from '../src/context.js';
import { modules as shopModules } from '../src/module-list.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { privacyModule } from '../src/privacy/privacy-module.js';
import { benchModule, benchTables, linkIndex } from './privacy-rights-module.js';

// Arguments from the driver: engine, scale (1 or 10), the data directory, and PostgreSQL's schema.
const [engineArgument, scaleArgument, dataDir = '', schema] = process.argv.slice(2);
const engine = engineArgument === 'postgres' ? 'postgres' : 'sqlite';
const scale = Number(scaleArgument);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Other members at 1× (10× is ten times as many), and the rows each has in every synthetic table. */
const others = Number(process.env.BENCH_OTHERS ?? 10_000);
const rowsPerOther = Number(process.env.BENCH_ROWS_PER_OTHER ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
/** At 10×, adds one more heavy member (heavy-kept), not erased, for EXPLAIN; the driver then leaves the database. */
const keep = process.env.BENCH_KEEP === '1';
const heavy = { orders: 1000, messages: 1000, reviews: 1000, events: 100_000 };
const heavyRows = heavy.orders + heavy.messages + heavy.reviews + heavy.events;
const createdAt = new Date(Date.now() - 86_400_000).toISOString();

const lit = (value: string | number) => sql.lit(value);
/** Rows 0..count-1 as `n(i)`, the same SQL on both engines. */
const numbers = (count: number) =>
  sql`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${lit(count - 1)})`;
/** A primary key spread over the key space like a random id (a bijection of i, so no repeats). */
const scattered = (tag: string) => sql`${lit(`${tag}-`)} || ((i * 2654435761) % 4294967296)`;

/** Inserts `count` rows into `table`; `values` gives each column's SQL expression of i. */
async function fill(database: Database, table: string, count: number, values: Record<string, RawBuilder<unknown>>) {
  const columns = Object.keys(values);
  await sql`${numbers(count)} insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(Object.values(values))} from n`.execute(database.db);
}

/** Members `other-<from>` … `other-<from+count-1>`, as rows of accounts_members (no sign-up: no argon2 cost). */
async function addMembers(database: Database, ids: RawBuilder<unknown>, count: number) {
  const at = lit(createdAt);
  await fill(database, 'accounts_members', count, {
    id: ids,
    username: sql`replace(${ids}, '-', '_')`,
    username_key: sql`replace(${ids}, '-', '_')`,
    username_skeleton: sql`replace(${ids}, '-', '_')`,
    email: sql`${ids} || '@Example.com'`,
    email_key: sql`${ids} || '@example.com'`,
    email_verified_at: at,
    password_hash: lit('$argon2id$bench'),
    password_changed_at: at,
    preferred_locale: lit('en'),
    created_at: at,
    updated_at: at,
    last_seen_at: at,
  });
}

/** Every synthetic table's rows, `count` of each; `account` and `email` are SQL expressions of i. */
async function addRows(
  database: Database,
  tag: string,
  counts: typeof heavy,
  account: RawBuilder<unknown>,
  email: RawBuilder<unknown>,
) {
  const at = lit(createdAt);
  await fill(database, 'bench_orders', counts.orders, {
    id: scattered(`o${tag}`),
    account_id: account,
    email,
    billing_name: sql`'Billing Name ' || i`,
    shipping_address: sql`i || ' rue de la Benchmark, 75011 Paris, France'`,
    total_cents: sql`1000 + i % 9000`,
    currency: lit('EUR'),
    created_at: at,
  });
  await fill(database, 'bench_messages', counts.messages, {
    id: scattered(`m${tag}`),
    account_id: account,
    recipient_id: sql`'other-' || (i % ${lit(others)})`,
    body: sql`'Hello, about the workshop on ' || i || ': could you tell me whether the seats are still available and whether lunch is included? Thank you.'`,
    created_at: at,
  });
  await fill(database, 'bench_reviews', counts.reviews, {
    id: scattered(`r${tag}`),
    account_id: account,
    author_name: sql`'Reviewer ' || i`,
    body: sql`'A clear and well paced course; the exercises of chapter ' || i || ' were the most useful part. I would recommend it to a colleague starting with JavaScript.'`,
    product: sql`'product-' || (i % 40)`,
    rating: sql`1 + i % 5`,
    created_at: at,
  });
  await fill(database, 'bench_events', counts.events, {
    id: scattered(`e${tag}`),
    account_id: account,
    kind: lit('page-view'),
    path: sql`'/en/catalog/product-' || (i % 40)`,
    ip: sql`'198.18.' || (i % 256) || '.' || (i % 251)`,
    user_agent: lit('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    created_at: at,
  });
}

/** Members other-<from>… with `rowsPerOther` rows each in every synthetic table. */
async function addOthers(database: Database, from: number, count: number) {
  const member = sql`'other-' || (${lit(from)} + i % ${lit(count)})`;
  await addMembers(database, sql`'other-' || (${lit(from)} + i)`, count);
  const rows = count * rowsPerOther;
  await addRows(
    database,
    `x${from}`,
    { orders: rows, messages: rows, reviews: rows, events: rows },
    member,
    sql`${member} || '@example.com'`,
  );
}

// RSS: sampled every 10 ms (as the brief of the benchmark says), and the kernel's own high-water
// mark (VmHWM, reset through clear_refs just before), which no sampling interval can miss.
const rssNow = () => process.memoryUsage.rss();
const highWater = () => {
  const match = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
};
const resetHighWater = () => {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main() {
  const database =
    engine === 'postgres'
      ? await openDatabase({ engine: 'postgres', url: pgUrl, schema, poolSize: 4 })
      : await openDatabase({ engine: 'sqlite', file: path.join(dataDir, 'vitrine.sqlite') });
  const config = loadConfig(
    {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      RUN_JOBS: 'false',
      SECRET_KEY: process.env.BENCH_SECRET_KEY,
      ...(engine === 'postgres' ? { DATABASE_URL: pgUrl } : {}),
    },
    dataDir,
  );
  const context = await createContext(config, { modules: [...shopModules, benchModule], database });
  const rights = context.servicesOf(privacyModule);
  const analyze = async () => {
    if (engine === 'postgres') await sql`analyze`.execute(database.db);
  };
  try {
    // Other members up to this scale: those of the smaller scale are already there.
    const { n: present } = await database.db
      .selectFrom('accounts_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('id', 'like', 'other-%')
      .executeTakeFirstOrThrow();
    const wanted = others * scale;
    const seeding = await timed(() => addOthers(database, Number(present), wanted - Number(present)));
    const ids = Array.from({ length: rounds }, (_, round) => `heavy-${scale}x-${round}`);
    for (const id of ids) {
      await addMembers(database, lit(id), 1);
      await addRows(database, id, heavy, lit(id), lit(`${id}@example.com`.toUpperCase()));
    }
    await analyze();

    // Exports first, each with memory watched, before anything else of this process fills its heap.
    const exports = [];
    for (const id of ids) {
      const subject = await rights.erasure.subjectOf({ member_id: id, email: null, subject_emails: null });
      const file = path.join(dataDir, `${id}.zip`);
      (globalThis as { gc?: () => void }).gc?.();
      const before = rssNow();
      const exact = resetHighWater();
      let sampled = before;
      const sampler = setInterval(() => {
        sampled = Math.max(sampled, rssNow());
      }, 10);
      const exported = await timed(() => rights.exports.archive(subject, 'en', fs.createWriteStream(file)));
      clearInterval(sampler);
      const peak = Math.max(sampled, rssNow(), exact ? highWater() : 0);
      exports.push({
        ms: exported.ms,
        rows: exported.value.rows,
        zipBytes: fs.statSync(file).size,
        rssBefore: before,
        rssPeak: peak,
        rssExact: exact,
      });
      fs.rmSync(file);
    }

    // Baselines on the first heavy member's rows: read by a plain SELECT, deleted by a plain DELETE
    // (rolled back).
    const baselineOf = ids[0] ?? '';
    const read = await timed(async () => {
      let n = 0;
      for (const table of benchTables)
        n += (await database.db.selectFrom(table).selectAll().where('account_id', '=', baselineOf).execute()).length;
      return n;
    });
    const rolledBack = new Error('rolled back');
    const remove = await timed(() =>
      database.db
        .transaction()
        .execute(async (trx) => {
          for (const table of benchTables) await trx.deleteFrom(table).where('account_id', '=', baselineOf).execute();
          throw rolledBack;
        })
        .catch((error) => {
          if (error !== rolledBack) throw error;
        }),
    );

    // Erasures: the request (with its plan, the receipt's counts), then every module.
    const erasures = [];
    for (const id of ids) {
      const requested = await timed(() =>
        rights.erasure.request({ memberId: id, channel: 'email', locale: 'en' }, { kind: 'member' }),
      );
      const requestId = requested.value.request.id;
      const subject = await rights.erasure.subjectOf(requested.value.request);
      const erased = await timed(() => rights.erasure.eraseModules(requestId, subject));
      erasures.push({
        requestAndPlanMs: requested.ms,
        ms: erased.ms,
        problems: await problemsAfter(database, id, requestId),
      });
    }
    const exportProblems = exports.flatMap((e, round) =>
      e.rows >= heavyRows ? [] : [`round ${round}: the export wrote ${e.rows} rows`],
    );

    if (keep && scale === 10) {
      await addMembers(database, lit('heavy-kept'), 1);
      await addRows(database, 'heavy-kept', heavy, lit('heavy-kept'), lit('HEAVY-KEPT@example.com'));
      await analyze();
    }
    console.log(
      JSON.stringify({
        engine,
        scale,
        node: process.version,
        heavy,
        rounds,
        linkIndex,
        otherMembers: wanted,
        otherRowsPerTable: wanted * rowsPerOther,
        seedingMs: seeding.ms,
        baselineReadMs: read.ms,
        baselineReadRows: read.value,
        baselineDeleteMs: remove.ms,
        exports,
        erasures,
        problems: [...exportProblems, ...erasures.flatMap((e, round) => e.problems.map((p) => `round ${round}: ${p}`))],
      }),
    );
  } finally {
    await closeContext(context);
  }
}

/** What is left of a heavy member after their erasure that should not be: nothing but the held column. */
async function problemsAfter(database: Database, id: string, requestId: string): Promise<string[]> {
  const problems: string[] = [];
  for (const table of benchTables) {
    const { n } = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('account_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) problems.push(`${n} rows of ${table} still found by account`);
  }
  const { n: holds } = await database.db
    .selectFrom('privacy_holds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('request_id', '=', requestId)
    .where('table_name', '=', 'bench_orders')
    .executeTakeFirstOrThrow();
  if (Number(holds) !== heavy.orders) problems.push(`${holds} holds recorded, expected ${heavy.orders}`);
  const { status } = await database.db
    .selectFrom('privacy_requests')
    .select('status')
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  if (status !== 'done') problems.push(`request ${status}`);
  return problems;
}

await main();
