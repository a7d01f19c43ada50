import { loadConfig } from './config.js';
import { closeContext, createContext } from './context.js';
import { createStaffCommand } from './modules/accounts/staff/create-staff-command.js';
import { createJobWorker } from './platform/jobs/start-worker.js';

/**
 * Operator commands: `npm run vitrine -- <command>`.
 *   migrate        apply pending migrations (and seed the demo if SEED_DEMO is on), then exit
 *   jobs:run-once  run every job that is due now, then exit (for a cron-driven deployment)
 *   staff:create   create a staff account (the first owner): --role owner --email you@example.com
 */
const commands: Record<string, (args: string[]) => Promise<void>> = {
  migrate: async () => {
    const context = await createContext(loadConfig());
    await closeContext(context);
    process.stdout.write('Database is up to date.\n');
  },
  'jobs:run-once': async () => {
    const context = await createContext(loadConfig());
    const worker = createJobWorker(context);
    let total = 0;
    for (let ran = await worker.tick(); ran > 0; ran = await worker.tick()) total += ran;
    await closeContext(context);
    process.stdout.write(`Ran ${total} job(s).\n`);
  },
  'staff:create': createStaffCommand,
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(`Usage: npm run vitrine -- <command>\nCommands: ${Object.keys(commands).join(', ')}\n`);
  process.exit(name ? 2 : 0);
}
command(args).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
