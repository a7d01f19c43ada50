import type { Transaction } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import type { Database, SomeTables } from '../../platform/db/database.js';
import { addDuration } from '../core/duration.js';
import type { EraseAction, ResolvedColumn, ResolvedPersonalTable } from '../core/resolved-model.js';
import type { DataSubjectRef } from './data-subject.js';
import { pseudonymValue } from './pseudonym-sql.js';
import type { RightsTables } from './rights-tables.js';
import { matching, splitLinks } from './subject-rows.js';
import type { TableKeys } from './table-keys.js';

type HoldAction = Extract<EraseAction, { action: 'hold' }>;

/** What an erasure does, or did, to one table: counts and column names, never values. */
export interface TableErasure {
  module: string;
  table: string;
  /** The person's own rows deleted. */
  deleted: number;
  /** The person's own rows kept without what identifies them. */
  pseudonymized: number;
  /** Other people's rows where the person was named in one column, now emptied or held. */
  named: number;
  /** Columns kept for a while, per column: how many rows, and until when at the latest. */
  held: { column: string; rows: number; until: string }[];
}

interface HeldCell {
  key: Record<string, unknown>;
  column: ResolvedColumn & { erase: HoldAction };
  releaseAt: Date;
}

/**
 * Erasure driven by the resolved model alone, table by table (DESIGN.md §3): the rows a person's
 * own links find are deleted, or kept with their personal columns made pseudonyms; where a link
 * only names the person in someone else's row, that one column is. A held column is left as it
 * is, and its row's key recorded (privacy_holds) so a scheduled job erases it when the hold ends
 * (hold-release.ts); a hold already over is erased at once. A module that adds tables is erased
 * with no code of its own.
 */
export class ErasureEngine {
  constructor(
    private readonly database: Database,
    private readonly keys: TableKeys,
    private readonly now: () => Date,
  ) {}

  /** What erasing would do, without doing it: the receipt shown and mailed before it runs. */
  async plan(
    tables: readonly ResolvedPersonalTable[],
    subject: DataSubjectRef,
    executor: Database['db'] | Transaction<SomeTables> = this.database.db,
  ): Promise<TableErasure[]> {
    const results: TableErasure[] = [];
    for (const table of tables) {
      const found = await this.held(executor, table, subject);
      const { own, named } = splitLinks(table, subject);
      const count = (links: typeof own) =>
        links.length === 0 ? Promise.resolve(0) : countRows(executor, table.name, matching(links, subject));
      const ownRows = await count(own);
      const namedRows = await count(named);
      if (ownRows + namedRows === 0) continue;
      results.push({
        module: table.module,
        table: table.name,
        deleted: table.keptOnErasure ? 0 : ownRows,
        pseudonymized: table.keptOnErasure ? ownRows : 0,
        named: namedRows,
        held: summarizeHolds(found.filter((cell) => cell.releaseAt > this.now())),
      });
    }
    return results;
  }

  /** Erases the person from these tables (one module's), inside the caller's transaction. */
  async erase(
    trx: Transaction<SomeTables>,
    requestId: string,
    tables: readonly ResolvedPersonalTable[],
    subject: DataSubjectRef,
  ): Promise<TableErasure[]> {
    const results: TableErasure[] = [];
    // Tables a module declares later may refer to earlier ones (sessions to their account): last first.
    for (const table of [...tables].reverse()) {
      const { own, named } = splitLinks(table, subject);
      if (own.length + named.length === 0) continue;
      // Found before anything changes: the updates below may empty the very columns that find them.
      const cells = await this.held(trx, table, subject);
      const now = this.now();
      const namedRows = named.length === 0 ? 0 : await countRows(trx, table.name, matching(named, subject));
      for (const link of named) {
        const column = table.columns.find((c) => c.name === link.column);
        if (column?.erase.action !== 'pseudonymize') continue;
        await trx
          .updateTable(table.name)
          .set({ [column.name]: pseudonymValue(this.database.engine, column.erase.becomes) })
          .where(matching([link], subject))
          .execute();
      }
      let deleted = 0;
      let pseudonymized = 0;
      if (own.length > 0 && !table.keptOnErasure) {
        const result = await trx.deleteFrom(table.name).where(matching(own, subject)).executeTakeFirst();
        deleted = Number(result.numDeletedRows);
      } else if (own.length > 0) {
        const set = Object.fromEntries(
          table.columns.flatMap((column) =>
            column.erase.action === 'pseudonymize'
              ? [[column.name, pseudonymValue(this.database.engine, column.erase.becomes)]]
              : [],
          ),
        );
        const result = await trx.updateTable(table.name).set(set).where(matching(own, subject)).executeTakeFirst();
        pseudonymized = Number(result.numUpdatedRows);
      }
      // A hold already over is no hold: its column is erased now, like the others.
      const due = cells.filter((cell) => cell.releaseAt <= now);
      for (const cell of due) await releaseCell(trx, this.database, table.name, cell.key, [cell.column]);
      const kept = cells.filter((cell) => cell.releaseAt > now);
      await recordHolds(trx as unknown as Transaction<RightsTables>, requestId, table.name, kept, now);
      results.push({
        module: table.module,
        table: table.name,
        deleted,
        pseudonymized,
        named: namedRows,
        held: summarizeHolds(kept),
      });
    }
    return results;
  }

  /** The held columns of the rows the person's links find, each with its row's key and when its hold ends. */
  private async held(
    executor: Database['db'] | Transaction<SomeTables>,
    table: ResolvedPersonalTable,
    subject: DataSubjectRef,
  ): Promise<HeldCell[]> {
    const holds = table.columns.filter((c): c is ResolvedColumn & { erase: HoldAction } => c.erase.action === 'hold');
    if (holds.length === 0) return [];
    const { own, named } = splitLinks(table, subject);
    const key = await this.keys.of(table.name, executor as Database['db']);
    // A hold is found again by its row's key, which must not itself be erased.
    const personalKey = key.find((k) => table.columns.some((c) => c.name === k));
    if (personalKey) throw new Error(`${table.name}: a held row's key (${personalKey}) is a personal column`);
    const cells: HeldCell[] = [];
    for (const column of holds) {
      // A held column is the person's where a link of theirs names them in it; in their own rows,
      // any held column but one that names someone else (who acted on their data is not theirs).
      const namesSomeone = table.links.some((link) => link.scope === 'column' && link.column === column.name);
      const links = [...(namesSomeone ? [] : own), ...named.filter((link) => link.column === column.name)];
      if (links.length === 0) continue;
      const rows = await executor
        .selectFrom(table.name)
        .select([...key, column.erase.from])
        .where(matching(links, subject))
        .where(column.name, 'is not', null)
        .execute();
      for (const row of rows) {
        const from = row[column.erase.from];
        const start = typeof from === 'string' || from instanceof Date ? new Date(from) : this.now();
        cells.push({
          key: Object.fromEntries(key.map((k) => [k, row[k]])),
          column,
          releaseAt: addDuration(start, column.erase.hold),
        });
      }
    }
    return cells;
  }
}

/** Sets held columns to what they become when their hold ends, in one row found by its key. */
export async function releaseCell(
  executor: Database['db'] | Transaction<SomeTables>,
  database: Database,
  table: string,
  key: Record<string, unknown>,
  columns: readonly (ResolvedColumn & { erase: EraseAction })[],
): Promise<number> {
  const set = Object.fromEntries(
    columns.map((column) => [
      column.name,
      pseudonymValue(database.engine, column.erase.action === 'hold' ? column.erase.releasedAs : null),
    ]),
  );
  let update = executor.updateTable(table).set(set);
  for (const [name, value] of Object.entries(key)) update = update.where(name, '=', value);
  return Number((await update.executeTakeFirst()).numUpdatedRows);
}

async function recordHolds(
  trx: Transaction<RightsTables>,
  requestId: string,
  table: string,
  cells: readonly HeldCell[],
  now: Date,
) {
  // One hold per row and release date: the columns of a row held alike are released together.
  const grouped = new Map<string, { key: Record<string, unknown>; columns: Set<string>; releaseAt: Date }>();
  for (const cell of cells) {
    const id = `${keyText(cell.key)}@${cell.releaseAt.toISOString()}`;
    const group = grouped.get(id) ?? { key: cell.key, columns: new Set<string>(), releaseAt: cell.releaseAt };
    group.columns.add(cell.column.name);
    grouped.set(id, group);
  }
  const rows = [...grouped.values()].map((group) => ({
    id: randomId(),
    request_id: requestId,
    table_name: table,
    columns: JSON.stringify([...group.columns]),
    row_key: keyText(group.key),
    release_at: group.releaseAt.toISOString(),
    released_at: null,
    created_at: now.toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('privacy_holds')
      .values(rows.slice(i, i + 500))
      .execute();
}

async function countRows(
  executor: Database['db'] | Transaction<SomeTables>,
  table: string,
  where: ReturnType<typeof matching>,
): Promise<number> {
  const row = await executor
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(where)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function keyText(key: Record<string, unknown>): string {
  return JSON.stringify(key);
}

function summarizeHolds(cells: readonly HeldCell[]): TableErasure['held'] {
  const byColumn = new Map<string, { rows: number; until: Date }>();
  for (const cell of cells) {
    const entry = byColumn.get(cell.column.name) ?? { rows: 0, until: cell.releaseAt };
    entry.rows += 1;
    if (cell.releaseAt > entry.until) entry.until = cell.releaseAt;
    byColumn.set(cell.column.name, entry);
  }
  return [...byColumn].map(([column, { rows, until }]) => ({ column, rows, until: until.toISOString() }));
}
