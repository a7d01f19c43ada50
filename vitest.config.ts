import { defineConfig } from 'vitest/config';

// Unit, store, privacy and HTTP behaviour tests. Each suite that touches a database runs on
// every engine the harness finds (test/harness.ts): SQLite always, PostgreSQL
// when VITRINE_TEST_PG_URL is set.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
