import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the built server (dist/main.js) exactly as `npm start` runs it, on a fresh data
 * directory and a free port, and waits until it is ready.
 */
export async function startServer(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-e2e-'));
  const port = await freePort();
  // The sandbox payment gateway npm start runs beside the shop, on a port of its own per server.
  const gatewayUrl = `http://127.0.0.1:${await freePort()}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      SANDBOX_GATEWAY_URL: gatewayUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready after 20 s:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const serverEnv = { PATH: process.env.PATH ?? '', NODE_ENV: 'development', DATA_DIR: dataDir, ...env };
  // The gateway starts after the shop listens: wait for its page too.
  for (;;) {
    try {
      await fetch(`${gatewayUrl}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`sandbox gateway not up after 20 s:\n${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    baseUrl,
    gatewayUrl,
    output,
    /** Creates a staff account with the real CLI (`npm run vitrine -- staff:create`), on this server's data. */
    createStaff(staff: { email: string; role: string; password: string }) {
      const result = spawnSync(
        process.execPath,
        ['dist/cli.js', 'staff:create', '--role', staff.role, '--email', staff.email],
        {
          cwd: projectRoot,
          env: serverEnv,
          input: `${staff.password}\n`,
          encoding: 'utf8',
        },
      );
      if (result.status !== 0) throw new Error(`staff:create failed: ${result.stderr}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
