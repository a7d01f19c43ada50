import type { CookieDeclaration, DataDeclaration, TableDeclaration } from './declare.js';
import { isPersonalTable } from './declare.js';
import { CookieRegistry } from './cookie-registry.js';

export interface DeclaredTable {
  module: string;
  name: string;
  declaration: TableDeclaration;
}

/**
 * Every declaration of every module, in one place: the single source for the published policy,
 * the cookie table, the coverage gate, and (in later issues) export, erasure and retention.
 */
export class PrivacyRegistry {
  readonly cookies: CookieRegistry;
  private readonly tables = new Map<string, DeclaredTable>();

  constructor(modules: readonly { name: string; data?: DataDeclaration[]; cookies?: CookieDeclaration[] }[]) {
    for (const module of modules) {
      for (const declaration of module.data ?? []) {
        for (const [name, table] of Object.entries(declaration.tables)) {
          const existing = this.tables.get(name);
          if (existing) throw new Error(`Table ${name} is declared by both ${existing.module} and ${declaration.module}`);
          this.tables.set(name, { module: declaration.module, name, declaration: table });
        }
      }
    }
    this.cookies = new CookieRegistry(modules.map((m) => ({ module: m.name, cookies: m.cookies ?? [] })));
  }

  table(name: string): DeclaredTable | undefined {
    return this.tables.get(name);
  }

  allTables(): DeclaredTable[] {
    return [...this.tables.values()];
  }

  personalTables() {
    return this.allTables().flatMap((t) => (isPersonalTable(t.declaration) ? [{ ...t, declaration: t.declaration }] : []));
  }
}
