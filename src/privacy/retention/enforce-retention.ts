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
 * Keeps the retention promises the policy publishes, from the registry's resolved model: rows whose
 * period has run out (counted from the declared `from` column) are deleted; a column with a
 * shorter period of its own (an IP kept 12 months in a row kept 10 years) is emptied.
 * Rows whose `from` is still empty (a job not finished yet) are not due.
 */
export async function enforceRetention(
  database: Database,
  registry: PrivacyRegistry,
  now: Date,
): Promise<RetentionResult[]> {
  const results: RetentionResult[] = [];
  const cutoff = (period: string) => subtractDuration(now, period).toISOString();
  for (const table of registry.personalTables()) {
    const cleared: Record<string, number> = {};
    for (const column of table.columns) {
      if (!column.ownRetention) continue;
      const { from, keep } = column.retention;
      const result = await database.db
        .updateTable(table.name)
        .set({ [column.name]: null })
        .where(from, '<', cutoff(keep))
        .where(column.name, 'is not', null)
        .executeTakeFirst();
      cleared[column.name] = Number(result.numUpdatedRows);
    }
    const deleted = await database.db
      .deleteFrom(table.name)
      .where(table.retention.from, '<', cutoff(table.retention.keep))
      .executeTakeFirst();
    results.push({ table: table.name, deleted: Number(deleted.numDeletedRows), cleared });
  }
  return results;
}
