import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { AppContext } from '../context.js';
import type { CookieDeclaration, DataDeclaration } from '../privacy/declare.js';
import type { JobHandler, Schedule } from './jobs/job-queue.js';

/**
 * A business capability, seen whole: its tables (migrations), what it declares about personal
 * data and cookies, its HTTP routes, its background jobs and its demo content.
 * Every module is listed in src/modules/index.ts; nothing is discovered by magic.
 */
export interface ModuleDefinition {
  name: string;
  migrations?: Record<string, Migration>;
  data?: DataDeclaration[];
  cookies?: CookieDeclaration[];
  /** Background job handlers by job name (`module.what`), built once the context exists. */
  jobs?: (context: AppContext) => Record<string, JobHandler>;
  schedules?: Schedule[];
  routes?: (app: FastifyInstance, context: AppContext) => void | Promise<void>;
  /** Demo content, written once on a fresh database when SEED_DEMO is on. Must be idempotent. */
  seed?: (context: AppContext) => Promise<void>;
}

export function defineModule(module: ModuleDefinition): ModuleDefinition {
  return module;
}
