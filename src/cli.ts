import { type AppContext, closeContext, createContext } from './context.js';
import { createJobWorker } from './job-workers.js';
import { modules } from './module-list.js';
import { loadConfig } from './platform/config.js';

/**
 * Operator commands: `npm run vitrine -- <command>`. Two belong to the shop as a whole; the
 * others are declared by the modules (`commands` in each module's index.ts).
 */
interface Command {
  usage: string;
  run: (args: string[], context: AppContext) => Promise<void>;
}

const shopCommands: Record<string, Command> = {
  migrate: {
    usage: 'migrate   apply pending migrations (and seed the demo if SEED_DEMO is on), then exit',
    run: async () => {
      process.stdout.write('Database is up to date.\n');
    },
  },
  'jobs:run-once': {
    usage: 'jobs:run-once   run every job that is due now, then exit (for a cron-driven deployment)',
    run: async (_args, context) => {
      const worker = createJobWorker(context);
      // Announced like a running worker: an earlier run killed mid-job hands its jobs back at once,
      // and this run's jobs are taken over 30 s after it dies, not 5 minutes (docs/jobs.md).
      await worker.join();
      let total = 0;
      try {
        for (let ran = await worker.tick(); ran > 0; ran = await worker.tick()) total += ran;
      } finally {
        await worker.stop();
      }
      process.stdout.write(`Ran ${total} job(s).\n`);
    },
  },
};

function allCommands(): Record<string, Command> {
  const all = { ...shopCommands };
  for (const module of modules) {
    for (const [name, command] of Object.entries(module.commands ?? {})) {
      if (all[name]) throw new Error(`Command ${name} is declared twice (module ${module.name})`);
      all[name] = { usage: command.usage, run: (args, context) => command.run(args, context.runtimeOf(module)) };
    }
  }
  return all;
}

async function main() {
  const commands = allCommands();
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.values(commands).map((c) => `  ${c.usage}`);
    process.stderr.write(`Usage: npm run vitrine -- <command>\nCommands:\n${lines.join('\n')}\n`);
    process.exit(name ? 2 : 0);
  }
  const context = await createContext(loadConfig());
  try {
    await command.run(args, context);
  } finally {
    await closeContext(context);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
