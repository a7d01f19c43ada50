// Bundles the server into dist/ with esbuild: one file to load (plus chunks for what is loaded
// only when configured) instead of hundreds of modules makes a fast cold start, and the build
// takes ~150 ms, so `npm start` always runs the code as it is in src/ (docs/performance.md).
import { build } from 'esbuild';

const started = performance.now();
await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts', 'sandbox-gateway': 'src/sandbox-gateway/main.ts' },
  outdir: 'dist',
  bundle: true,
  // Modules imported with import() (SMTP, Redis, PostgreSQL) become chunks loaded only when used.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are bundled too, except native modules and those loaded only when configured:
  // loading one file instead of several hundred ESM modules halves the cold start.
  external: ['better-sqlite3', 'pg', 'ioredis', 'nodemailer', '@node-rs/argon2', 'pdfkit'],
  // Bundled CommonJS packages call require(); ESM output needs it defined.
  banner: {
    js: "import { createRequire as __vitrineCreateRequire } from 'node:module'; const require = __vitrineCreateRequire(import.meta.url);",
  },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Whitespace and comments out (most of the bundle's bytes), names kept for readable traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  sourcemap: true,
  logLevel: 'warning',
});
if (process.env.npm_lifecycle_event === 'build') {
  process.stdout.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
}
