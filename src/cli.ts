import { loadConfig } from './config.js';
import { closeContext, createContext } from './context.js';
import { createStaffCommand } from './modules/accounts/staff/create-staff-command.js';
import { staffAccountCommand } from './modules/accounts/staff/staff-account-command.js';
import { createJobWorker } from './platform/jobs/start-worker.js';

/**
 * Operator commands: `npm run vitrine -- <command>`.
 *   migrate        apply pending migrations (and seed the demo if SEED_DEMO is on), then exit
 *   jobs:run-once  run every job that is due now, then exit (for a cron-driven deployment)
 *   staff:create   create a staff account (the first owner): --role owner --email you@example.com
 *   staff:reset-2fa  clear a staff member's two-factor key and recovery codes, end their sessions: --email
 *   staff:disable, staff:enable  stop or allow a staff member's sign-in: --email
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
    // Announced like a running worker: an earlier run killed mid-job hands its jobs back at once,
    // and this run's jobs are taken over 30 s after it dies, not 5 minutes (docs/jobs.md).
    await worker.join();
    let total = 0;
    try {
      for (let ran = await worker.tick(); ran > 0; ran = await worker.tick()) total += ran;
    } finally {
      await worker.stop();
      await closeContext(context);
    }
    process.stdout.write(`Ran ${total} job(s).\n`);
  },
  'staff:create': createStaffCommand,
  'staff:reset-2fa': (args) => staffAccountCommand('reset-2fa', args),
  'staff:disable': (args) => staffAccountCommand('disable', args),
  'staff:enable': (args) => staffAccountCommand('enable', args),
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
