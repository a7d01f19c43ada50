// Privacy-rights benchmark (issue 9): export and erasure of a heavy member (1,000 rows in each of
// three declared tables and 100,000 in a fourth, synthetic tables declared by
// privacy-rights-module.ts), on SQLite and PostgreSQL, with the database holding 1× then 10× as
// many other members. Targets: on SQLite, export and erasure under 2 s each; on both engines, no
// growth from 1× to 10× (ratio under 1.5×, this machine's noise) and a peak resident memory
// during the export under 200 MB. Every time comes with a baseline from the same database in the
// same moment: the same rows read by a plain SELECT, and deleted by a plain DELETE (rolled back).
//
// The workload (privacy-rights-workload.ts) is bundled like the server (scripts/build.mjs) and run
// in a process of its own per engine and scale (the 10× process continues the 1× database), so
// each export's memory is measured in a fresh heap. PostgreSQL: BENCH_PG_URL (default
// postgres://postgres@127.0.0.1:5432/test), a schema of its own dropped at the end; not measured,
// loudly, when unreachable. BENCH_ENGINES (sqlite,postgres), BENCH_OTHERS (10,000 other members at
// 1×), BENCH_ROWS_PER_OTHER (10 rows each per table), BENCH_ROUNDS (2; the best round counts),
// BENCH_LINK_INDEX=column (link columns indexed alone, not as the gate asks), BENCH_KEEP=1 (leave the
// database, with one heavy member not erased, for EXPLAIN).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { row, verdict } from './processes.mjs';

const bundle = 'dist/bench/privacy-rights.js';
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
await build({
  entryPoints: ['bench/privacy-rights-workload.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'ioredis', 'nodemailer', '@node-rs/argon2'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

/** One engine at one scale, in a process of its own; resolves with the JSON line it prints. */
function runScale(engine, scale, place) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', bundle, engine, String(scale), place.dataDir, ...(place.schema ? [place.schema] : [])];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, BENCH_SECRET_KEY: place.secretKey, BENCH_PG_URL: pgUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${engine} ${scale}× exited with ${code}:\n${out}`));
      else resolve(JSON.parse(line));
    });
  });
}

/** Both scales on one fresh database (a temporary directory; for PostgreSQL, a schema of its own). */
async function runEngine(engine) {
  const place = {
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-bench-privacy-')),
    secretKey: crypto.randomBytes(32).toString('hex'),
  };
  if (engine === 'postgres') {
    place.schema = `vitrine_bench_${crypto.randomBytes(4).toString('hex')}`;
    try {
      await admin((client) => client.query(`create schema ${place.schema}`));
    } catch (error) {
      fs.rmSync(place.dataDir, { recursive: true, force: true });
      return { engine, skipped: `PostgreSQL at ${pgUrl} unreachable (${error.message}); set BENCH_PG_URL` };
    }
  }
  try {
    return { engine, scales: [await runScale(engine, 1, place), await runScale(engine, 10, place)] };
  } finally {
    if (process.env.BENCH_KEEP === '1') {
      console.log(`BENCH_KEEP: ${engine} left in ${place.schema ? `${pgUrl}, schema ${place.schema}` : place.dataDir}`);
    } else {
      fs.rmSync(place.dataDir, { recursive: true, force: true });
      if (place.schema) await admin((client) => client.query(`drop schema if exists ${place.schema} cascade`));
    }
  }
}

async function admin(work) {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio) => `${ratio.toFixed(2)}×`;
const best = (list) => Math.min(...list);

const runs = [];
for (const engine of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')) runs.push(await runEngine(engine));

let failed = false;
const check = (ok) => {
  if (!ok) failed = true;
  return verdict(ok);
};
const first = runs.find((run) => !run.skipped)?.scales[0];
const heavyRows = Object.values(first?.heavy ?? {})
  .map((n) => n.toLocaleString('en'))
  .join(' + ');
const indexed = first?.linkIndex === 'with-key' ? 'with the primary key' : 'alone';
console.log(
  `\nVitrine privacy-rights benchmark — a member with ${heavyRows} rows in four declared tables, link columns indexed ${indexed}, best of ${first?.rounds} rounds, Node ${process.version}, ${os.cpus().length} cores\n`,
);
/** One line of the figures table, each cell padded to its column. */
const cells = (...values) => `  ${values.map((value, i) => value.padEnd([36, 26, 17, 17, 13, 0][i])).join(' ')}`;
for (const run of runs) {
  if (run.skipped) {
    console.log(`!!! ${run.engine}: NOT MEASURED — ${run.skipped}\n`);
    continue;
  }
  console.log(run.engine);
  console.log(
    cells('other members', 'read / delete (baseline)', 'export', 'erase', 'request+plan', 'RSS peak (+ during export)'),
  );
  const figures = run.scales.map((r) => {
    const exportMs = best(r.exports.map((e) => e.ms));
    const eraseMs = best(r.erasures.map((e) => e.ms));
    const peak = Math.max(...r.exports.map((e) => e.rssPeak));
    const grew = Math.max(...r.exports.map((e) => e.rssPeak - e.rssBefore));
    console.log(
      cells(
        `${r.scale}×: ${r.otherMembers.toLocaleString('en')}, ${r.otherRowsPerTable.toLocaleString('en')} rows/table`,
        `${s(r.baselineReadMs)} / ${s(r.baselineDeleteMs)}`,
        `${s(exportMs)} (${x(exportMs / r.baselineReadMs)})`,
        `${s(eraseMs)} (${x(eraseMs / r.baselineDeleteMs)})`,
        s(best(r.erasures.map((e) => e.requestAndPlanMs))),
        `${mb(peak)} (+${mb(grew)})${r.exports.every((e) => e.rssExact) ? '' : ', sampled'}`,
      ),
    );
    return { exportMs, eraseMs, peak, problems: r.problems.map((p) => `${r.scale}× ${p}`) };
  });
  const [one, ten] = figures;
  const archive = run.scales[0].exports[0];
  console.log(
    `  archive: ${archive.rows.toLocaleString('en')} rows, ${mb(archive.zipBytes)} zipped; in parentheses, each time against its baseline\n`,
  );
  const problems = figures.flatMap((f) => f.problems);
  const peak = Math.max(one.peak, ten.peak);
  const growth = (key) => ten[key] / one[key];
  const slowest = (key) => Math.max(one[key], ten[key]);
  const lines = [
    ...(run.engine === 'sqlite'
      ? [
          ['export, slower of 1× and 10×', s(slowest('exportMs')), '< 2 s', slowest('exportMs') < 2000],
          ['erasure, slower of 1× and 10×', s(slowest('eraseMs')), '< 2 s', slowest('eraseMs') < 2000],
        ]
      : []),
    ['export time, 10× / 1× others', x(growth('exportMs')), '< 1.5×', growth('exportMs') < 1.5],
    ['erasure time, 10× / 1× others', x(growth('eraseMs')), '< 1.5×', growth('eraseMs') < 1.5],
    ['peak RSS during the export', mb(peak), '< 200 MB', peak < 200 * 1024 * 1024],
    ['rows left, holds, requests closed', problems.length ? 'wrong' : 'as declared', '', problems.length === 0],
  ];
  console.log(row('measure', 'value', 'target', 'result'));
  for (const [name, value, target, ok] of lines) console.log(row(name, value, target, check(ok)));
  for (const problem of problems) console.log(`  ${problem}`);
  console.log('');
}
if (failed) {
  console.error('privacy-rights benchmark: a target was MISSED (see above)');
  process.exit(1);
}
