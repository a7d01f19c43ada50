import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Secrets } from '../crypto/secrets.js';
import { projectFile } from '../project-root.js';
import { sandboxGatewayKeys } from './sandbox-gateway-keys.js';

/**
 * Starts the sandbox gateway beside the shop, as its own process on its own port (its own origin,
 * as a real PSP's page is), so `npm start` sells with test cards and nothing else to run. The shop
 * does not import it: it is another program, started here and spoken to over HTTP.
 *
 * Started only when the gateway is the sandbox at a loopback address (a gateway elsewhere is
 * someone else's to run) and SANDBOX_GATEWAY_START is not false. If the port is taken (a gateway
 * left running by an earlier start, with the same derived keys) the shop goes on with that one.
 */
export function startSandboxGatewayProcess(options: {
  config: Config;
  secrets: Secrets;
  /** Where the shop itself listens, for the webhooks: the gateway runs on this machine. */
  shopUrl: string;
  logger: FastifyBaseLogger;
}): ChildProcess | undefined {
  const { config, logger } = options;
  const payments = config.payments;
  if (payments.gateway !== 'sandbox' || !payments.sandbox.start) return undefined;
  const keys = sandboxGatewayKeys(payments.sandbox, options.secrets);
  // The bundle when running from dist/ (npm start), the TypeScript source under tsx (npm run dev).
  const bundled = projectFile('dist/sandbox-gateway.js');
  const fromDist = import.meta.url.includes('/dist/') && fs.existsSync(bundled);
  const child = fork(fromDist ? bundled : projectFile('src/sandbox-gateway/main.ts'), [], {
    execArgv: fromDist ? ['--enable-source-maps'] : ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      SANDBOX_GATEWAY_URL: payments.sandbox.url,
      SANDBOX_GATEWAY_WEBHOOK_URL: `${options.shopUrl}/webhooks/payments`,
      SANDBOX_GATEWAY_API_KEY: keys.apiKey,
      SANDBOX_GATEWAY_WEBHOOK_SECRET: keys.webhookSecret,
      SANDBOX_GATEWAY_CHAOS: process.env.SANDBOX_GATEWAY_CHAOS ?? 'on',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      logger.warn(
        { code, url: payments.sandbox.url },
        'the sandbox payment gateway stopped (is its port taken by one left running?): checkout uses whatever answers at that address',
      );
    }
  });
  logger.info(
    { url: payments.sandbox.url },
    `Sandbox payment gateway at ${payments.sandbox.url}: pay with test card 4242 4242 4242 4242 (no real money)`,
  );
  return child;
}
