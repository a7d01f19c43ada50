// Bundles the server into dist/ with esbuild: one file to load means a fast cold start
// (no module resolution of hundreds of source files), and it takes ~100 ms, so `npm start`
// always runs the code as it is in src/. Dependencies stay in node_modules (packages: external).
import { build } from 'esbuild';

const started = performance.now();
await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
if (process.env.npm_lifecycle_event === 'build') {
  process.stdout.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
}
