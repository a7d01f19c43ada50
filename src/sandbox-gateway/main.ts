import pino from 'pino';
import { readGatewaySettings, SettingsError } from './gateway-settings.js';
import { startSandboxGateway } from './start-sandbox-gateway.js';

/**
 * The sandbox gateway as its own program: `node dist/sandbox-gateway.js` (npm start runs it
 * beside the shop), or `npx tsx src/sandbox-gateway/main.ts`. Settings: gateway-settings.ts.
 */
async function main() {
  let settings: ReturnType<typeof readGatewaySettings>;
  try {
    settings = readGatewaySettings(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`Sandbox gateway: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = pino({ name: 'sandbox-gateway', level: process.env.LOG_LEVEL ?? 'info' });
  const gateway = await startSandboxGateway({
    ...settings,
    publicUrl: settings.publicUrl,
    // Long enough for the buyer to see the shop's "paid" page before the test card's dispute arrives.
    asyncDelayMs: 5000,
    // As a PSP does: many shops' (here one shop's many buyers') events at once, each session's in order.
    webhookConcurrency: 8,
    log: ({ level, msg, ...fields }) => logger[level](fields, msg),
  });
  // Started by the shop (an IPC channel): the shop logs where the gateway runs; alone, we do.
  if (!process.send) {
    logger.info(
      { webhookUrl: settings.webhookUrl ?? null, chaos: settings.chaos },
      `Sandbox payment gateway at ${gateway.url} (test cards only, no real money)`,
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The shop that started us is gone (even killed): do not outlive it.
  process.on('disconnect', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
