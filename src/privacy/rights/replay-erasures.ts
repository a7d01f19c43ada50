import type { Database } from '../../platform/db/database.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { AuditLedger } from './audit-ledger.js';
import type { ErasureService } from './erasure-service.js';
import type { TableKeys } from './table-keys.js';
import type { Tombstone, Tombstones } from './tombstones.js';

export interface ReplayResult {
  /** Tombstones read from the file. */
  tombstones: number;
  /** Erasures run again: one per tombstone whose person the database holds again. */
  replayed: { tombstone: string; request: string }[];
}

/**
 * After a database is restored from a backup, erases again everyone erased since the backup was
 * taken: the tombstone file (kept outside the database) holds keyed hashes of their identifiers;
 * every member account and every address the database holds is hashed the same way and looked
 * up. A match is erased again through the same engine, without a second receipt.
 */
export async function replayErasures(deps: {
  database: Database;
  registry: PrivacyRegistry;
  keys: TableKeys;
  tombstones: Tombstones;
  erasure: ErasureService;
  ledger: AuditLedger;
}): Promise<ReplayResult> {
  const tombstones = await deps.tombstones.all();
  const byHash = new Map<string, Tombstone>();
  for (const tombstone of tombstones) for (const hash of tombstone.identifiers) byHash.set(hash, tombstone);
  const found = new Map<Tombstone, { memberId?: string; email?: string }>();
  const note = (tombstone: Tombstone | undefined, identity: { memberId?: string; email?: string }) => {
    if (tombstone) found.set(tombstone, { ...found.get(tombstone), ...identity });
  };

  for (const table of deps.registry.personalTables()) {
    const key = await deps.keys.of(table.name);
    for (const link of table.links) {
      // A held column is meant to outlast the erasure (the proof of the request): it brings no one back.
      if (link.scope !== 'row' || table.columns.find((c) => c.name === link.column)?.erase.action === 'hold') continue;
      // Members are found by their account table's own key; anyone by any address column.
      const accountTable =
        link.kind === 'account-id' && link.of.includes('member') && key.length === 1 && key[0] === link.column;
      if (!accountTable && link.kind !== 'email') continue;
      const values = await deps.database.db
        .selectFrom(table.name)
        .select(link.column)
        .distinct()
        .where(link.column, 'is not', null)
        .execute();
      for (const row of values) {
        const value = String(row[link.column]);
        if (accountTable) note(byHash.get(deps.tombstones.hashOf(`account:member:${value}`)), { memberId: value });
        else note(byHash.get(deps.tombstones.hashOf(`email:${value.toLowerCase()}`)), { email: value.toLowerCase() });
      }
    }
  }

  const replayed: ReplayResult['replayed'] = [];
  for (const [tombstone, identity] of found) {
    const { request } = await deps.erasure.request(
      {
        memberId: identity.memberId ?? null,
        email: identity.email ?? null,
        channel: 'replay',
        locale: 'fr',
        mailReceipt: false,
      },
      { kind: 'cli' },
    );
    await deps.erasure.run({ requestId: request.id });
    await deps.ledger.record({
      action: 'erasure.replayed',
      actor: { kind: 'cli' },
      requestId: request.id,
      details: { tombstone: tombstone.request },
    });
    replayed.push({ tombstone: tombstone.request, request: request.id });
  }
  return { tombstones: tombstones.length, replayed };
}
