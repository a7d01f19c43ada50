import type { Config } from './platform/config.js';
import {
  type PlatformContext,
  type PlatformOverrides,
  closePlatform,
  createPlatform,
} from './platform/platform-context.js';
import type { AnyModule, ModuleRuntime, ServicesOf } from './platform/module.js';
import { PrivacyRegistry } from './privacy/core/registry.js';
import { modules as shopModules } from './module-list.js';

/**
 * The assembled shop: the platform, every module, and each module's services. The composition
 * root (this file, main.ts, cli.ts, app.ts) is the only code that knows the list of modules.
 */
export interface AppContext extends PlatformContext {
  modules: readonly AnyModule[];
  /** What a module's routes, jobs, commands and seed receive. */
  runtimeOf<M extends AnyModule>(module: M): ModuleRuntime<ServicesOf<M>>;
  /** A module's services, typed by its definition: `context.servicesOf(membersModule).signIn`. */
  servicesOf<M extends AnyModule>(module: M): ServicesOf<M>;
}

export interface ContextOverrides extends PlatformOverrides {
  modules?: readonly AnyModule[];
}

/**
 * Builds the platform (database migrated, secrets, mail, jobs), then each module's services in
 * the order of the list, a module after the modules it depends on, then seeds the demo on a
 * fresh database.
 */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const modules = overrides.modules ?? shopModules;
  checkDependencyOrder(modules);
  const platform = await createPlatform(
    config,
    { privacy: new PrivacyRegistry(modules), migrations: modules },
    overrides,
  );

  const runtimes = new Map<AnyModule, ModuleRuntime>();
  for (const module of modules) {
    const dependencies = Object.fromEntries(
      Object.entries<AnyModule>(module.dependsOn ?? {}).map(([name, dependency]) => [
        name,
        runtimes.get(dependency)?.services,
      ]),
    );
    runtimes.set(module, { platform, services: module.services?.(platform, dependencies), dependencies });
  }
  const runtimeOf = <M extends AnyModule>(module: M) => {
    const runtime = runtimes.get(module);
    if (runtime) return runtime as ModuleRuntime<ServicesOf<M>>;
    // A module with neither services nor dependencies needs no assembly (tests add such routes).
    if (module.services || module.dependsOn)
      throw new Error(`Module ${module.name} is not part of this shop (src/module-list.ts)`);
    return { platform, services: undefined, dependencies: {} } as ModuleRuntime<ServicesOf<M>>;
  };
  const context: AppContext = { ...platform, modules, runtimeOf, servicesOf: (module) => runtimeOf(module).services };

  if (config.seedDemo) {
    for (const module of modules) await module.seed?.(runtimeOf(module));
  }
  return context;
}

/** A module's dependencies must come before it in the list: their services are built first. */
function checkDependencyOrder(modules: readonly AnyModule[]) {
  const seen = new Set<AnyModule>();
  for (const module of modules) {
    for (const [name, dependency] of Object.entries<AnyModule>(module.dependsOn ?? {})) {
      if (!seen.has(dependency))
        throw new Error(`Module ${module.name} depends on ${name}, which must come before it in the module list`);
    }
    seen.add(module);
  }
}

export async function closeContext(context: AppContext) {
  await closePlatform(context);
}
