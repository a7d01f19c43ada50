/**
 * A shop worker process for erasure-crash.test.ts: it starts as the shop's worker does (the whole
 * context, every module's jobs) and runs the erasure it finds queued, until it is inside the
 * transaction of the module named by VITRINE_FIXTURE_HANG_IN: once that module's rows are erased
 * and its step row written, but before the transaction commits, it announces
 * `inside <module>` and hangs there, so the test kills it with SIGKILL at exactly that point.
 * Its database comes as JSON in VITRINE_FIXTURE_DATABASE (a DatabaseTarget), its configuration
 * (DATA_DIR for the secrets and the tombstones, SMTP_URL) as JSON in VITRINE_FIXTURE_ENV.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { KyselyPlugin, QueryId } from 'kysely';
import pino from 'pino';
import { createContext } from '../../context.js';
import { createJobWorker } from '../../job-workers.js';
import { loadConfig } from '../../platform/config.js';
import { type DatabaseTarget, openDatabase } from '../../platform/db/database.js';

const hangIn = process.env.VITRINE_FIXTURE_HANG_IN ?? '';
if (!hangIn) throw new Error('VITRINE_FIXTURE_HANG_IN names the module to die in');

/** Whether a query's tree holds `value` as one of its strings (a table name, a bound value). */
function holds(node: unknown, value: string): boolean {
  if (node === value) return true;
  if (Array.isArray(node)) return node.some((item) => holds(item, value));
  if (node && typeof node === 'object') return Object.values(node).some((item) => holds(item, value));
  return false;
}

/** The insert of the step row that records `hangIn` done: its result never comes back. */
const doomed = new WeakSet<QueryId>();
const hangInStep: KyselyPlugin = {
  transformQuery({ node, queryId }) {
    if (node.kind === 'InsertQueryNode' && holds(node, 'privacy_erasure_steps') && holds(node, hangIn))
      doomed.add(queryId);
    return node;
  },
  async transformResult({ queryId, result }) {
    if (doomed.has(queryId)) {
      process.stdout.write(`inside ${hangIn}\n`);
      await new Promise(() => {});
    }
    return result;
  },
};

const opened = await openDatabase(JSON.parse(process.env.VITRINE_FIXTURE_DATABASE ?? '') as DatabaseTarget);
const database = { ...opened, db: opened.db.withPlugin(hangInStep) };
const config = loadConfig(JSON.parse(process.env.VITRINE_FIXTURE_ENV ?? '{}') as Record<string, string>);
const context = await createContext(config, { database, logger: pino({ level: 'silent' }) as FastifyBaseLogger });
// Nothing else keeps the process alive while the transaction hangs.
setInterval(() => {}, 60_000);
createJobWorker(context, { pollMs: 20 }).start();
