import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { closeContext, createContext } from './context.js';
import { startJobWorker } from './job-workers.js';
import { devMailboxEnabled } from './platform/mail/dev-mailbox.js';
import { startSandboxGatewayProcess } from './platform/payments/sandbox-gateway-process.js';

/** Entry point: config -> database -> migrations -> app -> workers, and a clean shutdown. */
async function main() {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const context = await createContext(config);
  const app = await buildApp(context);
  await app.listen({ host: config.host, port: config.port });
  const worker = config.runJobs ? startJobWorker(context) : undefined;

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const loopbackHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const sandboxGateway = startSandboxGatewayProcess({
    config,
    secrets: context.secrets,
    shopUrl: `http://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${port}`,
    logger: context.logger,
  });
  context.logger.info(
    {
      engine: context.database.engine,
      mail: context.mailer.name,
      jobs: Boolean(worker),
      startMs: Math.round(performance.now() - startedAt),
    },
    `Vitrine is serving ${context.shop.identity().name} at http://${config.host}:${port}`,
  );

  if (devMailboxEnabled(config)) {
    context.logger.warn(
      `Development mailbox at http://${config.host}:${port}/dev/mailbox: mail with working one-time links, for this computer only. On a server, set NODE_ENV=production and SMTP_URL.`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.logger.info({ signal }, 'shutting down');
    sandboxGateway?.kill('SIGTERM');
    await app.close();
    await worker?.stop();
    await closeContext(context);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Vitrine could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
