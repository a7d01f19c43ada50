import { pgUrlVariable } from '../src/platform/db/test-engines.js';

/** Says loudly, once per run, which engines and services the run covers and which it skips. */
export default function setup() {
  const missing: string[] = [];
  if (!process.env[pgUrlVariable]) {
    missing.push(
      `PostgreSQL: set ${pgUrlVariable}=postgres://postgres@127.0.0.1:5432/test to run every database suite on PostgreSQL too`,
    );
  }
  if (!process.env.VITRINE_TEST_REDIS_URL) {
    missing.push('Redis: set VITRINE_TEST_REDIS_URL=redis://127.0.0.1:6379 to run the Redis rate-limit store contract');
  }
  if (missing.length > 0) {
    const bar = '!'.repeat(96);
    process.stderr.write(
      `\n${bar}\n!! SKIPPED in this run (not silently):\n${missing.map((m) => `!!  - ${m}`).join('\n')}\n!! .ci/run sets both.\n${bar}\n\n`,
    );
  }
}
