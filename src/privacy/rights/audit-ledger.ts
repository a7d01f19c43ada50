import { createHmac } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { type Database, type SomeTables, tablesOf } from '../../platform/db/database.js';
import type { Purpose } from '../core/vocabulary.js';
import type { PrivacyLedgerRow, RightsTables } from './rights-tables.js';

/** What the ledger records: stable names, matched by pages and tests. */
export type LedgerAction =
  | 'staff.read'
  | 'request.received'
  | 'request.verified'
  | 'request.status'
  | 'request.extended'
  | 'request.refused'
  | 'request.done'
  | 'export.built'
  | 'export.downloaded'
  | 'erasure.started'
  | 'erasure.receipt-sent'
  | 'erasure.module-done'
  | 'erasure.done'
  | 'erasure.replayed'
  | 'hold.released'
  | 'objection.recorded'
  | 'objection.lifted'
  | 'restriction.recorded'
  | 'restriction.lifted'
  | 'correction.made';

/** Who acted. A member acting on their own data is named by the entry's subject, not here. */
export interface LedgerActor {
  kind: PrivacyLedgerRow['actor_kind'];
  /** A staff member's id; nothing for the others. */
  id?: string;
}

export interface LedgerEntry {
  action: LedgerAction;
  actor: LedgerActor;
  /** The member whose data the entry is about. */
  subjectId?: string | null;
  requestId?: string | null;
  purpose?: Purpose | null;
  /** Facts only (what was read, how many rows, which modules): never personal data. */
  details?: Record<string, string | number | boolean | string[]> | null;
}

export type LedgerVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBad: number; reason: string };

const genesis = '0'.repeat(64);
/** Any constant: the PostgreSQL advisory lock that serializes appends across processes. */
const appendLock = 7_291_204;

/**
 * The append-only audit ledger (privacy_ledger): every staff read of a person's data and every
 * privacy action. Each entry's hash covers the previous entry's, so altering or removing one
 * breaks the chain from there on; `verify` finds the first entry that does not hold.
 *
 * The hash is keyed (HMAC-SHA256 under the installation's secret, not a plain SHA-256): anyone who
 * can write to the database could recompute a plain hash, alter an entry and rewrite every hash
 * after it, and the chain would prove nothing. Verifying needs the key, which the CLI has (the
 * commitments need it anyway).
 *
 * The personal columns (actor_id, subject_id) are not hashed directly but through `commitment`:
 * a keyed hash of each with the entry's number, side by side. An erasure may empty either (as the
 * declaration says) without breaking the chain, while changing one to another id is detected. One
 * each, not one of both: a member's erasure empties the subject of the staff reads about them,
 * and the staff member who read must still be checked, since investigating a misuse needs it.
 *
 * Limits, by design: retention deletes the oldest entries, so the first entry left is trusted as
 * the anchor of the rest (removing the oldest entries looks like retention); and entries removed
 * from the end leave no trace in the chain itself (only a copy of the last hash kept elsewhere
 * would show it).
 */
export class AuditLedger {
  private readonly db: Kysely<RightsTables>;

  constructor(
    private readonly database: Database,
    private readonly secrets: Secrets,
    private readonly now: () => Date,
  ) {
    this.db = tablesOf<RightsTables>(database);
  }

  /** Appends an entry, inside the caller's transaction if given (it commits with the action it records). */
  async record(entry: LedgerEntry, trx?: Transaction<SomeTables>): Promise<PrivacyLedgerRow> {
    if (trx) return this.append(entry, trx as unknown as Transaction<RightsTables>);
    return this.db.transaction().execute((own) => this.append(entry, own));
  }

  private async append(entry: LedgerEntry, trx: Transaction<RightsTables>): Promise<PrivacyLedgerRow> {
    // Appends are serialized across processes. PostgreSQL: a transaction-scoped lock. SQLite: a
    // write first (it changes nothing) takes the write lock before the read, so a second process
    // waits for it (busy_timeout) instead of failing to upgrade a read lock ("database is locked").
    if (this.database.engine === 'postgres') await sql`select pg_advisory_xact_lock(${appendLock})`.execute(trx);
    else await sql`update privacy_ledger set seq = seq where 0 = 1`.execute(trx);
    const last = await trx
      .selectFrom('privacy_ledger')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const actorId = entry.actor.kind === 'staff' ? (entry.actor.id ?? null) : null;
    const subjectId = entry.subjectId ?? null;
    const fields = {
      seq,
      at: this.now().toISOString(),
      action: entry.action,
      actor_kind: entry.actor.kind,
      request_id: entry.requestId ?? null,
      purpose: entry.purpose ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      commitment: `${this.commitment(seq, 'actor', actorId)}:${this.commitment(seq, 'subject', subjectId)}`,
      prev_hash: last?.hash ?? genesis,
    };
    const row: PrivacyLedgerRow = { ...fields, actor_id: actorId, subject_id: subjectId, hash: this.hashOf(fields) };
    await trx.insertInto('privacy_ledger').values(row).execute();
    return row;
  }

  /** Checks the whole chain, a page at a time (flat memory), and names the first entry that does not hold. */
  async verify(pageSize = 1000): Promise<LedgerVerdict> {
    let checked = 0;
    let previous: PrivacyLedgerRow | undefined;
    for (;;) {
      let query = this.db.selectFrom('privacy_ledger').selectAll().orderBy('seq').limit(pageSize);
      if (previous) query = query.where('seq', '>', previous.seq);
      const page = await query.execute();
      for (const row of page) {
        const bad = (reason: string): LedgerVerdict => ({ ok: false, checked, firstBad: row.seq, reason });
        if (previous && row.seq !== previous.seq + 1)
          return bad(
            row.seq === previous.seq + 2
              ? `entry ${previous.seq + 1} is missing`
              : `entries ${previous.seq + 1} to ${row.seq - 1} are missing`,
          );
        if (previous && row.prev_hash !== previous.hash) return bad('it does not follow the entry before it');
        if (row.hash !== this.hashOf(row)) return bad('its content was changed after it was written');
        // A different actor or subject is tampering. An emptied one is what an erasure does: its
        // commitment stays as it was, and checking it would need the id that was erased.
        const [actor, subject] = row.commitment.split(':');
        if (row.actor_id !== null && actor !== this.commitment(row.seq, 'actor', row.actor_id))
          return bad('its actor was changed after it was written');
        if (row.subject_id !== null && subject !== this.commitment(row.seq, 'subject', row.subject_id))
          return bad('its subject was changed after it was written');
        checked += 1;
        previous = row;
      }
      if (page.length < pageSize) return { ok: true, checked };
    }
  }

  /** A member's entries, newest first: who accessed their data, and their requests. */
  about(subjectId: string, limit = 50): Promise<PrivacyLedgerRow[]> {
    return this.db
      .selectFrom('privacy_ledger')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
  }

  /** One request's history, oldest first. */
  forRequest(requestId: string): Promise<PrivacyLedgerRow[]> {
    return this.db
      .selectFrom('privacy_ledger')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
  }

  recent(limit = 50): Promise<PrivacyLedgerRow[]> {
    return this.db.selectFrom('privacy_ledger').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  }

  /** A keyed hash of one personal column, bound to its entry and role (an actor id moved to subject_id fails). */
  private commitment(seq: number, column: 'actor' | 'subject', id: string | null): string {
    return createHmac('sha256', this.secrets.key('privacy-ledger'))
      .update(JSON.stringify([seq, column, id]))
      .digest('hex');
  }

  /** The entry's hash: its fields but the personal ones (covered by the commitment), and the previous hash. */
  private hashOf(row: Omit<PrivacyLedgerRow, 'actor_id' | 'subject_id' | 'hash'>): string {
    return createHmac('sha256', this.secrets.key('privacy-ledger-chain'))
      .update(
        JSON.stringify([
          row.seq,
          row.at,
          row.action,
          row.actor_kind,
          row.request_id,
          row.purpose,
          row.details,
          row.commitment,
          row.prev_hash,
        ]),
      )
      .digest('hex');
  }
}

/** `privacy:verify-ledger`: prints the verdict, returns the exit code (0 intact, 1 tampered). */
export async function verifyLedgerCommand(ledger: AuditLedger, print: (line: string) => void): Promise<number> {
  const verdict = await ledger.verify();
  if (verdict.ok) {
    print(`ledger intact: ${verdict.checked} entries`);
    return 0;
  }
  print(`ledger tampered at entry #${verdict.firstBad}: ${verdict.reason}`);
  return 1;
}
