import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { StaffTables, StaffAuditRow } from './staff-tables.js';

export const staffAuditActions = [
  'invite',
  'invitation-accepted',
  'role',
  'disable',
  'enable',
  'reset-2fa',
  'recovery-codes-made',
  'recovery-code-used',
] as const;
export type StaffAuditAction = (typeof staffAuditActions)[number];

/** Who acted: a staff id, or the server's command line. */
export type StaffActor = string | 'cli';

export interface StaffAuditEntry {
  actor: StaffActor;
  action: StaffAuditAction;
  target: string;
  /** Facts without personal data: roles, counts. */
  details?: Record<string, string | number>;
}

/**
 * The append-only record of changes to staff accounts (accounts_staff_audit): rows are only
 * inserted, in the transaction of the change they record, and removed by retention alone.
 * Each entry is also logged, with ids and facts only (no names, no addresses).
 */
export class StaffAudit {
  private readonly db: Kysely<StaffTables>;

  constructor(
    database: Database,
    private readonly logger: FastifyBaseLogger,
    private readonly now: () => Date,
  ) {
    this.db = tablesOf<StaffTables>(database);
  }

  /** Writes the row inside the caller's transaction (as its last step), and logs it. */
  async record(entry: StaffAuditEntry, trx: Transaction<StaffTables>): Promise<void> {
    const row: StaffAuditRow = {
      id: randomId(),
      at: this.now().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target_staff_id: entry.target,
      details: entry.details ? JSON.stringify(entry.details) : null,
    };
    await trx.insertInto('accounts_staff_audit').values(row).execute();
    this.logger.info(
      { actor: entry.actor, action: entry.action, target: entry.target, ...entry.details },
      'staff account changed',
    );
  }

  recent(limit: number): Promise<StaffAuditRow[]> {
    return this.db
      .selectFrom('accounts_staff_audit')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
