// Helpers shared by the benchmarks: a server in its own process, and the shop's environment.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

let nextPort = 4100 + Math.floor(Math.random() * 500);

/** Starts `script` (dist/main.js or a baseline) on a fresh port; `ready` resolves with ms to first answer. */
export function start(script, env, readyPath) {
  const port = nextPort++;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (;;) {
      try {
        const response = await fetch(url + readyPath);
        if (response.ok) return performance.now() - startedAt;
      } catch {}
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  // CPU time the server process has used so far, in ms (user + system; /proc ticks are 10 ms).
  const cpuMs = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { url, ready, stop, rssMb, cpuMs };
}

/** The shop as deployed (production mode), with the per-client request limit lifted for one load generator. */
export const shopEnv = (dataDir, extra = {}) => ({
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000',
  // A demo shop in production mode: the sandbox gateway is allowed, and not started (these pages do
  // not pay; the purchase benchmark starts its own).
  SANDBOX_GATEWAY_IN_PRODUCTION: 'true',
  SANDBOX_GATEWAY_START: 'false',
  ...extra,
});

export const verdict = (ok) => (ok ? 'ok' : 'MISSED');
export const row = (name, value, target, ok) => `${name.padEnd(40)} ${value.padEnd(22)} ${target.padEnd(14)} ${ok}`;
