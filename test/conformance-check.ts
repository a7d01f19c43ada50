import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { introspectSchema } from '../src/platform/db/introspect.js';
import { privacyModule } from '../src/privacy/privacy-module.js';
import { type Cell, labelOf, type Person, personOf, textOf, type World } from './conformance-world.js';
import type { Suite } from './harness.js';
import { readZip } from './zip-reader.js';

/** One way a module's data escapes export or erasure, named by the place to fix. */
export interface Failure {
  check: 'coverage' | 'export' | 'leak' | 'erasure' | 'hold' | 'untouched' | 'logs';
  /** Where the problem is: the column missing from the export, or where a value was left. */
  module: string;
  table: string;
  column: string;
  message: string;
}

type Row = Record<string, unknown>;

const place = (cell: Pick<Cell, 'module' | 'table' | 'column'>) => `${cell.module}.${cell.table}.${cell.column}`;
/** A value as messages name it: an identifier by what it is, a canary by where it was written. */
const named = (cell: Cell) =>
  `${cell.what === 'email' || cell.what === 'account id' ? cell.what : place(cell)} (${cell.text})`;

/**
 * Runs the conformance check on a seeded world: for each X (one per kind of person), exports
 * them and looks for every value of theirs in the archive (and for nobody else's); erases them
 * with the engine the jobs run, then reads every table of the database and the logs: nothing of
 * theirs may remain but what a hold keeps (recorded in privacy_holds), and nothing of anyone
 * else's may have changed. Returns the failures, each naming its module, table and column.
 */
export async function conformanceFailures(suite: Suite, world: World): Promise<Failure[]> {
  const failures: Failure[] = world.uncovered.map((name) => {
    const [module = '', table = '', column = ''] = name.split('.');
    return { check: 'coverage', module, table, column, message: `no row could hold a canary in ${name}` };
  });
  const erased = new Set<Person>();
  for (const person of world.people.filter((p) => p.who === 'x')) {
    failures.push(...(await exportFailures(suite, world, person)));
    const requestId = `conformance-${randomUUID()}`;
    await suite.context.servicesOf(privacyModule).erasure.eraseModules(requestId, person.ref);
    erased.add(person);
    failures.push(...(await erasureFailures(suite, world, person, requestId, erased)));
  }
  const logs = suite.logs.join('\n');
  for (const cell of distinct(world.cells.filter((c) => c.searchable)))
    if (logs.includes(cell.text))
      failures.push({
        ...at(cell),
        check: 'logs',
        message: `the logs hold ${labelOf(cell.of)}'s ${named(cell)}`,
      });
  return failures;
}

const at = (cell: Cell) => ({ module: cell.module, table: cell.table, column: cell.column });

/** One cell per distinct value (an email is written in many places). */
function distinct(cells: readonly Cell[]): Cell[] {
  const seen = new Map<string, Cell>();
  for (const cell of cells) if (!seen.has(cell.text)) seen.set(cell.text, cell);
  return [...seen.values()];
}

function matches(value: unknown, cell: Cell, exported = false): boolean {
  const text = textOf(value);
  if (text === null) return false;
  if (cell.json) return text.includes(cell.text);
  // The archive carries binary values as base64.
  return text === cell.text || (exported && text === Buffer.from(cell.text).toString('base64'));
}

async function exportFailures(suite: Suite, world: World, person: Person): Promise<Failure[]> {
  const file = path.join(os.tmpdir(), `vitrine-conformance-${randomUUID()}.zip`);
  try {
    await suite.context
      .servicesOf(privacyModule)
      .exports.archive(person.ref, 'en', fs.createWriteStream(file, { mode: 0o600 }));
    const entries = readZip(fs.readFileSync(file));
    const shown = new Map<string, Row[]>();
    for (const [name, data] of entries) {
      if (!name.endsWith('.json')) continue;
      const json = JSON.parse(data.toString('utf8')) as {
        module?: string;
        tables?: Record<string, { rows?: Row[]; named?: Record<string, Row[]> }>;
      };
      for (const [key, table] of Object.entries(json.tables ?? {})) {
        // A table that came back twice is written under "name (2)".
        const id = `${json.module}.${key.replace(/ \(\d+\)$/, '')}`;
        const rows = [...(table.rows ?? []), ...Object.values(table.named ?? {}).flat()];
        shown.set(id, [...(shown.get(id) ?? []), ...rows]);
      }
    }
    const failures: Failure[] = [];
    for (const cell of world.cells.filter((c) => c.of === person)) {
      const rows = shown.get(`${cell.module}.${cell.table}`) ?? [];
      if (!rows.some((row) => matches(row[cell.column], cell, true)))
        failures.push({
          ...at(cell),
          check: 'export',
          message: `the export of ${person.label} misses ${place(cell)} (${cell.text})`,
        });
    }
    // Nobody else's values, named where the archive shows them.
    const archive = [...entries.values()].map((data) => data.toString('utf8')).join('\n');
    for (const cell of distinct(world.cells.filter((c) => c.of !== person && c.searchable))) {
      if (!archive.includes(cell.text)) continue;
      const where = [...shown].flatMap(([id, rows]) =>
        rows.flatMap((row) =>
          Object.entries(row).flatMap(([column, value]) =>
            textOf(value)?.includes(cell.text) ? [`${id}.${column}`] : [],
          ),
        ),
      );
      for (const name of where.length > 0 ? [...new Set(where)] : ['(index.html)..']) {
        const [module = '', table = '', column = ''] = name.split('.');
        failures.push({
          module,
          table,
          column,
          check: 'leak',
          message: `the export of ${person.label} shows ${labelOf(cell.of)}'s ${named(cell)} in ${name}`,
        });
      }
    }
    return failures;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function erasureFailures(
  suite: Suite,
  world: World,
  person: Person,
  requestId: string,
  erased: ReadonlySet<Person>,
): Promise<Failure[]> {
  const failures: Failure[] = [];
  const dump = await dumpDatabase(suite);
  const keyOf = (table: string, row: Row) => JSON.stringify((world.keys.get(table) ?? []).map((k) => textOf(row[k])));
  const rowOf = (cell: Cell) =>
    dump.get(cell.table)?.find((row) => keyOf(cell.table, row) === JSON.stringify(cell.key));
  const holds = (dump.get('privacy_holds') ?? []).filter((hold) => hold.request_id === requestId);
  const theirs = world.cells.filter((c) => c.of === person);
  const spot = (table: string, key: string, column: string) => `${table}\u0000${key}\u0000${column}`;
  const heldSpots = new Set(theirs.filter((c) => c.held).map((c) => spot(c.table, JSON.stringify(c.key), c.column)));

  for (const cell of theirs) {
    const row = rowOf(cell);
    if (cell.held) {
      if (!row || !matches(row[cell.column], cell))
        failures.push({
          ...at(cell),
          check: 'hold',
          message: `the erasure of ${person.label} did not keep the held ${place(cell)}`,
        });
      else if (
        !holds.some(
          (hold) =>
            hold.table_name === cell.table &&
            hold.released_at === null &&
            (JSON.parse(String(hold.columns)) as string[]).includes(cell.column) &&
            sameKey(world.keys.get(cell.table) ?? [], String(hold.row_key), cell.key),
        )
      )
        failures.push({
          ...at(cell),
          check: 'hold',
          message: `the erasure of ${person.label} kept ${place(cell)} but recorded no hold for it (privacy_holds)`,
        });
    } else if (!cell.searchable && row && matches(row[cell.column], cell)) {
      failures.push({
        ...at(cell),
        check: 'erasure',
        message: `the erasure of ${person.label} left ${place(cell)}`,
      });
    }
  }

  // Anywhere in the database, outside what is held: none of their values.
  const needles = distinct(theirs.filter((c) => c.searchable));
  const module = new Map(suite.context.privacy.tables().map((table) => [table.name, table.module]));
  const reported = new Set<string>();
  for (const [table, rows] of dump) {
    const keyColumns = world.keys.get(table);
    for (const row of rows) {
      const key = keyColumns ? keyOf(table, row) : '';
      for (const [column, value] of Object.entries(row)) {
        if (keyColumns && heldSpots.has(spot(table, key, column))) continue;
        const text = textOf(value);
        if (!text) continue;
        for (const needle of needles) {
          if (!text.includes(needle.text)) continue;
          const where = `${module.get(table) ?? '(undeclared)'}.${table}.${column}`;
          if (reported.has(`${needle.text}\u0000${where}`)) continue;
          reported.add(`${needle.text}\u0000${where}`);
          failures.push({
            module: module.get(table) ?? '(undeclared)',
            table,
            column,
            check: 'erasure',
            message: `the erasure of ${person.label} left its ${named(needle)} in ${where}`,
          });
        }
      }
    }
  }

  // Everyone else's values, as written.
  for (const cell of world.cells) {
    const owner = personOf(cell.of);
    if (owner === person || (owner && erased.has(owner))) continue;
    const row = rowOf(cell);
    if (!row || !matches(row[cell.column], cell))
      failures.push({
        ...at(cell),
        check: 'untouched',
        message: `the erasure of ${person.label} ${row ? 'changed' : 'removed the row of'} ${labelOf(cell.of)}'s ${place(cell)}`,
      });
  }
  return failures;
}

function sameKey(columns: readonly string[], rowKey: string, key: readonly (string | null)[]): boolean {
  const recorded = JSON.parse(rowKey) as Row;
  return JSON.stringify(columns.map((k) => textOf(recorded[k]))) === JSON.stringify(key);
}

/** Every row of every table, as the database holds them: where a value could hide. */
export async function dumpDatabase(suite: Suite): Promise<Map<string, Row[]>> {
  const dump = new Map<string, Row[]>();
  for (const table of await introspectSchema(suite.database))
    dump.set(table.name, await suite.database.db.selectFrom(table.name).selectAll().execute());
  return dump;
}
