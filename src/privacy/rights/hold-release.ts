import type { Kysely, Transaction } from 'kysely';
import { type Database, type SomeTables, tablesOf } from '../../platform/db/database.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { AuditLedger } from './audit-ledger.js';
import { releaseCell } from './erasure-engine.js';
import type { RightsTables } from './rights-tables.js';

/**
 * Ends the holds whose period is over: each held column becomes what its declaration says (empty,
 * unless the column must stay filled), and the hold is marked released, in one transaction per
 * batch. A row deleted meanwhile (its retention ended first) has nothing left to release.
 */
export async function releaseDueHolds(
  database: Database,
  registry: PrivacyRegistry,
  ledger: AuditLedger,
  now: Date,
  batch = 500,
): Promise<number> {
  const db: Kysely<RightsTables> = tablesOf<RightsTables>(database);
  let released = 0;
  for (;;) {
    const due = await db
      .selectFrom('privacy_holds')
      .selectAll()
      .where('released_at', 'is', null)
      .where('release_at', '<=', now.toISOString())
      .orderBy('release_at')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (due.length === 0) return released;
    await database.db.transaction().execute(async (trx) => {
      const counts: Record<string, number> = {};
      for (const hold of due) {
        const table = registry.table(hold.table_name);
        const names = JSON.parse(hold.columns) as string[];
        const columns = table?.personal ? table.columns.filter((column) => names.includes(column.name)) : [];
        // A table or column no longer declared has nothing this engine may write: the hold just ends.
        if (columns.length > 0)
          await releaseCell(
            trx as Transaction<SomeTables>,
            database,
            hold.table_name,
            JSON.parse(hold.row_key),
            columns,
          );
        counts[hold.table_name] = (counts[hold.table_name] ?? 0) + 1;
      }
      await (trx as unknown as Transaction<RightsTables>)
        .updateTable('privacy_holds')
        .set({ released_at: now.toISOString() })
        .where(
          'id',
          'in',
          due.map((hold) => hold.id),
        )
        .execute();
      await ledger.record({ action: 'hold.released', actor: { kind: 'system' }, details: counts }, trx);
    });
    released += due.length;
    if (due.length < batch) return released;
  }
}
