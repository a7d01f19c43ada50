import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';

/**
 * Applies every module's migrations in name order. Names start with a date
 * (`20261125_01_catalog_products`), so the order across modules is the order they were written;
 * Kysely takes a lock first (an advisory lock on PostgreSQL), so several processes starting
 * together migrate once.
 */
export async function migrateToLatest(database: Database, migrations: Record<string, Migration>): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours:
  // another schema's tables would make it skip creating them here.
  const migrator = new Migrator({
    db: database.db,
    provider,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `Migration ${failed ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Who contributes migrations: the platform and each module. */
export interface MigrationSource {
  name: string;
  migrations?: Record<string, Migration>;
}

/** Every migration of every module, refusing two with the same name. */
export function collectMigrations(sources: readonly MigrationSource[]) {
  const all: Record<string, Migration> = {};
  for (const source of sources) {
    for (const [name, migration] of Object.entries(source.migrations ?? {})) {
      if (all[name]) throw new Error(`Migration name ${name} is used twice (module ${source.name})`);
      if (!/^\d{8}_\d{2}_[a-z0-9_]+$/.test(name)) {
        throw new Error(`Migration ${name} (module ${source.name}) must be named like 20261125_01_what_it_does`);
      }
      all[name] = migration;
    }
  }
  return all;
}
