// Storefront benchmark (issue 2). Prints figures as ratios against a baseline measured in the
// same run, because this machine is shared and noisy:
//   - product page (full HTML page, SQLite) vs a bare Fastify hello-world: requests/s and p99,
//     asked as plain HTML and as browsers ask for it (Accept-Encoding: gzip, deflate, br, zstd:
//     the shop answers with gzip), which measures what compressing each page costs;
//   - cold start: process spawn to the first product page served (fresh database, and restart);
//   - resident memory of the shop process after the load.
// Each server runs in its own process; autocannon drives them from this one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { row, shopEnv, start, verdict } from './processes.mjs';

const connections = 50;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const productPath = '/en/catalog/javascript-fundamentals';

async function load(url, headers = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up: JIT, caches, connection pool
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // Bytes per answer, headers included: what compression saves on the wire.
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bytes: result.throughput.total / result.requests.total,
  };
}
const browserEncodings = { 'accept-encoding': 'gzip, deflate, br, zstd' };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-bench-'));
try {
  // Load this process's HTTP client before timing anything: its first use costs ~100 ms here.
  await fetch('http://127.0.0.1:9/').catch(() => {});
  // Cold start on a fresh data directory (migrations, secrets, demo seed), then a restart.
  const fresh = start('dist/main.js', shopEnv(dataDir), productPath);
  const freshMs = await fresh.ready;
  await fresh.stop();
  const shop = start('dist/main.js', shopEnv(dataDir), productPath);
  const restartMs = await shop.ready;

  const hello = start('bench/hello-world.mjs', {}, '/');
  await hello.ready;

  // Alternate the two loads twice and keep each one's better round: noise only ever slows down.
  const rounds = { hello: [], product: [], compressed: [] };
  for (let round = 0; round < 2; round += 1) {
    rounds.hello.push(await load(`${hello.url}/`));
    rounds.product.push(await load(shop.url + productPath));
    rounds.compressed.push(await load(shop.url + productPath, browserEncodings));
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const h = best(rounds.hello);
  const p = best(rounds.product);
  const c = best(rounds.compressed);
  const rss = shop.rssMb();
  await hello.stop();
  await shop.stop();

  const ratio = p.rps / h.rps;
  console.log(
    `\nVitrine storefront benchmark — ${connections} connections, ${duration} s per round, best of 2, Node ${process.version}, ${os.cpus().length} cores\n`,
  );
  console.log(`hello-world (bare Fastify)         ${h.rps.toFixed(0)} req/s, p99 ${h.p99} ms`);
  console.log(
    `product page (full HTML, SQLite)   ${p.rps.toFixed(0)} req/s, p99 ${p.p99} ms, ${(p.bytes / 1024).toFixed(1)} KB an answer`,
  );
  console.log(
    `  as browsers ask (gzip)           ${c.rps.toFixed(0)} req/s, p99 ${c.p99} ms, ${(c.bytes / 1024).toFixed(1)} KB an answer\n`,
  );
  console.log(row('measure', 'value', 'target', 'result'));
  console.log(row('product page / hello-world', `${ratio.toFixed(3)}x`, '>= 0.20x', verdict(ratio >= 0.2)));
  console.log(row('product page p99', `${p.p99} ms`, '< 25 ms', verdict(p.p99 < 25)));
  const compressedRatio = c.rps / h.rps;
  console.log(
    row('compressed page / hello-world', `${compressedRatio.toFixed(3)}x`, '>= 0.20x', verdict(compressedRatio >= 0.2)),
  );
  console.log(row('cold start, fresh database', `${(freshMs / 1000).toFixed(2)} s`, '< 0.7 s', verdict(freshMs < 700)));
  console.log(row('cold start, restart', `${(restartMs / 1000).toFixed(2)} s`, '< 0.7 s', verdict(restartMs < 700)));
  console.log(row('RSS after the run', `${rss.toFixed(0)} MB`, '< 150 MB', verdict(rss < 150)));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
