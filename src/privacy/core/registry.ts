import { CookieRegistry } from './cookie-registry.js';
import type { CookieDeclaration } from './declare.js';
import type { DataDeclaration } from './data-declaration.js';
import { type ResolvedColumn, type ResolvedPersonalTable, type ResolvedTable, resolveTable } from './resolved-model.js';

/**
 * Every declaration of every module, resolved into one model (resolved-model.ts): the single
 * source for the published policy, the cookie table, the coverage gate, retention, and export
 * and erasure.
 */
export class PrivacyRegistry {
  readonly cookies: CookieRegistry;
  private readonly byName = new Map<string, ResolvedTable>();

  constructor(modules: readonly { name: string; data?: readonly DataDeclaration[]; cookies?: CookieDeclaration[] }[]) {
    for (const module of modules) {
      for (const declaration of module.data ?? []) {
        for (const [name, table] of Object.entries(declaration.tables)) {
          const existing = this.byName.get(name);
          if (existing)
            throw new Error(`Table ${name} is declared by both ${existing.module} and ${declaration.module}`);
          this.byName.set(name, resolveTable(declaration.module, name, table));
        }
      }
    }
    this.cookies = new CookieRegistry(modules.map((m) => ({ module: m.name, cookies: m.cookies ?? [] })));
  }

  table(name: string): ResolvedTable | undefined {
    return this.byName.get(name);
  }

  /** Every declared table, personal or not, in the order the modules declared them. */
  tables(): ResolvedTable[] {
    return [...this.byName.values()];
  }

  personalTables(): ResolvedPersonalTable[] {
    return this.tables().filter((table): table is ResolvedPersonalTable => table.personal);
  }

  /** Every personal column of every table. */
  columns(): ResolvedColumn[] {
    return this.personalTables().flatMap((table) => [...table.columns]);
  }
}
