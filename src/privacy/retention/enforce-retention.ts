import type { Database } from '../../platform/db/database.js';
import { subtractDuration } from '../core/duration.js';
import type { PrivacyRegistry } from '../core/registry.js';

export interface RetentionResult {
  table: string;
  /** Rows deleted because the table's period ended. */
  deleted: number;
  /** Columns cleared because their own, shorter period ended (row kept). */
  cleared: Record<string, number>;
}

/**
 * Keeps the retention promises the policy publishes, from the declarations alone: rows whose
 * period has run out (counted from the declared `from` column) are deleted; a column with a
 * shorter period of its own (an IP kept 12 months in a row kept 10 years) is emptied.
 * Rows whose `from` is still empty (a job not finished yet) are not due.
 */
export async function enforceRetention(database: Database, registry: PrivacyRegistry, now: Date): Promise<RetentionResult[]> {
  const results: RetentionResult[] = [];
  for (const { name, declaration } of registry.personalTables()) {
    const { from, keep } = declaration.retention;
    const cutoff = (period: string) => subtractDuration(now, period).toISOString();
    const cleared: Record<string, number> = {};
    for (const [column, spec] of Object.entries(declaration.columns)) {
      if (!spec.retention) continue;
      const result = await database.db
        .updateTable(name)
        .set({ [column]: null })
        .where(from, '<', cutoff(spec.retention))
        .where(column, 'is not', null)
        .executeTakeFirst();
      cleared[column] = Number(result.numUpdatedRows);
    }
    const deleted = await database.db.deleteFrom(name).where(from, '<', cutoff(keep)).executeTakeFirst();
    results.push({ table: name, deleted: Number(deleted.numDeletedRows), cleared });
  }
  return results;
}
