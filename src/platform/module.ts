import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { CookieDeclaration, DataDeclaration } from '../privacy/core/declare.js';
import type { JobHandlerRegistration } from './jobs/job-handler.js';
import type { Schedule } from './jobs/job-queue.js';
import type { PlatformContext } from './platform-context.js';

/**
 * A business capability, seen whole (docs/modules.md): its tables (migrations), what it declares
 * about personal data and cookies, the services it builds once, and what runs on them: HTTP
 * routes, background jobs, operator commands and demo content.
 *
 * A module reaches another only through the other's services, named in `dependsOn`: never its
 * tables or its files (Medusa v2's modules are the model). The composition root (src/context.ts)
 * builds the services of each module after those of the modules it depends on, and hands them in.
 */
export interface ModuleDefinition<Services = unknown, Dependencies extends ModuleDependencies = ModuleDependencies> {
  name: string;
  /** The modules whose services this one uses, by their names: `{ members: membersModule }`. */
  dependsOn?: Dependencies;
  migrations?: Record<string, Migration>;
  data?: DataDeclaration[];
  cookies?: CookieDeclaration[];
  /** Builds the module's services, once per process, from the platform and its dependencies' services. */
  services?: (platform: PlatformContext, dependencies: ServicesOfAll<Dependencies>) => Services;
  routes?: (app: FastifyInstance, module: ModuleRuntime<Services, Dependencies>) => void | Promise<void>;
  /** Background job handlers: `handle(definition, handler)`, each job defined with `defineJob` (`module.what`). */
  jobs?: (module: ModuleRuntime<Services, Dependencies>) => JobHandlerRegistration[];
  schedules?: Schedule[];
  /** Operator commands (`npm run vitrine -- <name>`), found by the CLI through the modules. */
  commands?: Record<string, ModuleCommand<Services, Dependencies>>;
  /** Demo content, written once on a fresh database when SEED_DEMO is on. Must be idempotent. */
  seed?: (module: ModuleRuntime<Services, Dependencies>) => Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: a dependency may be any module, whatever its services.
export type AnyModule = ModuleDefinition<any, any>;
export type ModuleDependencies = Record<string, AnyModule>;

/** The services a module definition builds. */
export type ServicesOf<M> = M extends ModuleDefinition<infer Services, infer _Dependencies> ? Services : never;
export type ServicesOfAll<Dependencies extends ModuleDependencies> = {
  [Name in keyof Dependencies]: ServicesOf<Dependencies[Name]>;
};

/** What a module's routes, jobs, commands and seed receive: the platform, its services, its dependencies'. */
export interface ModuleRuntime<Services = unknown, Dependencies extends ModuleDependencies = ModuleDependencies> {
  platform: PlatformContext;
  services: Services;
  dependencies: ServicesOfAll<Dependencies>;
}

export interface ModuleCommand<Services = unknown, Dependencies extends ModuleDependencies = ModuleDependencies> {
  /** One line for the usage text: its arguments and what it does. */
  usage: string;
  run: (args: string[], module: ModuleRuntime<Services, Dependencies>) => Promise<void>;
}

export function defineModule<Services = undefined, Dependencies extends ModuleDependencies = Record<never, never>>(
  module: ModuleDefinition<Services, Dependencies>,
): ModuleDefinition<Services, Dependencies> {
  for (const [name, dependency] of Object.entries(module.dependsOn ?? {})) {
    if (dependency.name !== name)
      throw new Error(
        `Module ${module.name}: dependsOn.${name} is the module "${dependency.name}"; name it by its name`,
      );
  }
  return module;
}
