import { type ColumnShape, columnsOf } from '../src/platform/db/introspect.js';
import type { ResolvedLink, ResolvedPersonalTable } from '../src/privacy/core/resolved-model.js';
import { type DataSubject, dataSubjects } from '../src/privacy/core/vocabulary.js';
import { type DataSubjectRef, dataSubject } from '../src/privacy/rights/data-subject.js';
import { ConformanceValues, kindOf } from './conformance-values.js';
import type { Suite } from './harness.js';

/**
 * The data the conformance test (src/privacy/rights/conformance.test.ts) writes: for every kind of
 * person some subject link finds, two people, X and Y, whose identifiers are canaries themselves;
 * in every declared personal table, for each of them, one row found by each of their own links,
 * every personal column holding a canary of its own; and for each link that only names a person
 * in someone else's row (scope 'column'), a row of a third party naming them there. Everything
 * is derived from the registry and the live schema, so a module added later is covered as is.
 */

export interface Person {
  kind: DataSubject;
  who: 'x' | 'y';
  /** 'member x': how failures name them. */
  label: string;
  accountId: string | undefined;
  email: string;
  ref: DataSubjectRef;
}

/** Whose a written value is: a person's (their erasure takes it), or a third party's (no erasure here may). */
export type Owner = Person | { thirdPartyOf: Person; label: string };

/** One value written, where it was written, and what an erasure must do with it. */
export interface Cell {
  of: Owner;
  module: string;
  table: string;
  column: string;
  /** The row's primary key, as written (normalized: see `textOf`). */
  key: readonly (string | null)[];
  /** The value as the database reads it back, normalized. */
  text: string;
  /** A JSON column: the canary is inside the value. */
  json: boolean;
  /** Distinctive enough to be looked for anywhere (not a boolean). */
  searchable: boolean;
  /** Kept by its person's erasure: the column's erase action is a hold. */
  held: boolean;
  /** What the value is: one of the person's identifiers, a text mentioning them, or a canary. */
  what: 'account id' | 'email' | 'mention' | 'canary';
}

export interface World {
  people: Person[];
  cells: Cell[];
  /** Each table's primary key columns. */
  keys: Map<string, string[]>;
  tables: ResolvedPersonalTable[];
  /** Personal columns no person's row could hold a canary in: the test would prove nothing about them. */
  uncovered: string[];
}

const isThirdParty = (owner: Owner): owner is { thirdPartyOf: Person; label: string } => 'thirdPartyOf' in owner;
export const labelOf = (owner: Owner) => owner.label;
export const personOf = (owner: Owner): Person | undefined => (isThirdParty(owner) ? undefined : owner);

/** A value as text, the same way whatever the engine and type: how cells are compared. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The links that find a person's rows in a table (their kind, and an identifier of that kind). */
function linksOf(table: ResolvedPersonalTable, person: Person, scope: 'row' | 'column'): ResolvedLink[] {
  return table.links.filter(
    (link) => link.scope === scope && link.of.includes(person.kind) && (link.kind !== 'account-id' || person.accountId),
  );
}

/** Writes the world into the suite's database and returns what was written where. */
export async function seedConformance(suite: Suite): Promise<World> {
  const database = suite.database;
  const tables = suite.context.privacy.personalTables();
  const named = new Set(tables.flatMap((table) => table.links.flatMap((link) => link.of)));
  const kinds = (Object.keys(dataSubjects) as DataSubject[]).filter((kind) => named.has(kind));
  const withAccounts = new Set(
    tables.flatMap((table) => table.links.filter((link) => link.kind === 'account-id').flatMap((link) => link.of)),
  );
  const people = kinds.flatMap((kind) =>
    (['x', 'y'] as const).map((who): Person => {
      const accountId = withAccounts.has(kind) ? `cnry-acct-${kind}-${who}-1` : undefined;
      const email = `cnry-${kind}-${who}@example.com`;
      return { kind, who, label: `${kind} ${who}`, accountId, email, ref: dataSubject(kind, accountId, [email]) };
    }),
  );

  const cells: Cell[] = [];
  const keys = new Map<string, string[]>();
  /** The rows written, per table, with whose they are: a foreign key refers to its person's. */
  const written = new Map<string, { owner: Owner; row: Record<string, unknown> }[]>();
  const values = new ConformanceValues();

  for (const table of tables) {
    const columns = await columnsOf(database, table.name);
    if (columns.length === 0) throw new Error(`${table.module}.${table.name} is declared but not in the database`);
    const key = columns
      .filter((column) => column.primaryKey > 0)
      .sort((a, b) => a.primaryKey - b.primaryKey)
      .map((c) => c.name);
    keys.set(table.name, key);
    const personal = new Map(table.columns.map((column) => [column.name, column]));
    const namingColumns = new Set(table.links.filter((link) => link.scope === 'column').map((link) => link.column));
    // Columns an erasure or retention reads as dates: they must hold dates, whatever their names.
    const dates = new Set([
      table.retention.from,
      ...table.columns.flatMap((column) => [
        column.retention.from,
        ...(column.erase.action === 'hold' ? [column.erase.from] : []),
      ]),
    ]);
    const holdStarts = new Set(table.columns.flatMap((c) => (c.erase.action === 'hold' ? [c.erase.from] : [])));

    const kind = (column: ColumnShape) => kindOf(column, dates);
    const canary = (column: ColumnShape, tag: string) => values.canary(kind(column), tag);
    const filler = (column: ColumnShape) => values.filler(kind(column));
    const referenced = async (column: ColumnShape, owner: Owner): Promise<unknown> => {
      const ref = column.references as NonNullable<ColumnShape['references']>;
      const person = personOf(owner);
      const theirs = (written.get(ref.table) ?? []).filter((r) => person && r.owner === person);
      // Their account row, if they have one there; else any of their rows; else a row of nobody's.
      const identifiers = person ? [person.accountId, person.email] : [];
      const mine = theirs.find((r) => identifiers.includes(r.row[ref.column] as string)) ?? theirs[0];
      if (mine) return mine.row[ref.column];
      const ours = new Set((written.get(ref.table) ?? []).map((r) => textOf(r.row[ref.column])));
      const existing = await database.db.selectFrom(ref.table).select(ref.column).limit(100).execute();
      const free = existing.find((row) => !ours.has(textOf(row[ref.column])));
      if (free) return free[ref.column];
      throw new Error(
        `${table.module}.${table.name}.${column.name} refers to ${ref.table}.${ref.column}, where no row fits ${owner.label}`,
      );
    };

    /** One row: `link` finds `person` in it; the row is theirs, or a third party's that names them. */
    const write = async (person: Person, link: ResolvedLink, scope: 'row' | 'column') => {
      const owner: Owner =
        scope === 'row' ? person : { thirdPartyOf: person, label: `the third party naming ${person.label}` };
      const tag = scope === 'row' ? `${person.kind}-${person.who}` : `${person.kind}-z${person.who}`;
      const row: Record<string, unknown> = {};
      const pending: Omit<Cell, 'key'>[] = [];
      const cell = (column: string, of: Owner, text: string, what: Cell['what'], json = false) => {
        const erase = personal.get(column)?.erase;
        pending.push({
          of,
          module: table.module,
          table: table.name,
          column,
          text,
          json,
          searchable: text !== 'true',
          held: !isThirdParty(of) && erase?.action === 'hold',
          what,
        });
      };
      for (const column of columns) {
        const name = column.name;
        if (name === link.column) {
          const value =
            link.kind === 'account-id'
              ? (person.accountId as string)
              : link.kind === 'email'
                ? person.email
                : `${canary(column, tag).text} <${person.email}>`;
          row[name] = value;
          cell(
            name,
            person,
            value,
            link.kind === 'account-id' ? 'account id' : link.kind === 'email' ? 'email' : 'mention',
          );
        } else if (scope === 'row' && namingColumns.has(name)) {
          // In the person's own row, a column that names someone else (who handled it) is not theirs.
          row[name] = !column.references ? filler(column) : column.notNull ? await referenced(column, owner) : null;
        } else if (column.references) {
          const value = await referenced(column, owner);
          row[name] = value;
          const text = textOf(value);
          if (text !== null && (text === person.accountId || text === person.email))
            cell(name, person, text, text === person.email ? 'email' : 'account id');
        } else if (personal.has(name)) {
          const { value, text } = canary(column, tag);
          row[name] = value;
          cell(name, owner, text, 'canary', kind(column) === 'json');
        } else if ((column.notNull && !column.hasDefault) || column.primaryKey > 0 || holdStarts.has(name)) {
          row[name] = filler(column);
        }
      }
      try {
        await database.db.insertInto(table.name).values(row).execute();
      } catch (error) {
        throw new Error(
          `could not write a row of ${owner.label} into ${table.module}.${table.name}: ${(error as Error).message}`,
        );
      }
      const rowKey = key.map((k) => textOf(row[k]));
      for (const made of pending) cells.push({ ...made, key: rowKey });
      written.set(table.name, [...(written.get(table.name) ?? []), { owner, row }]);
    };

    for (const person of people) for (const link of linksOf(table, person, 'row')) await write(person, link, 'row');
    for (const person of people)
      for (const link of linksOf(table, person, 'column')) await write(person, link, 'column');
  }

  const uncovered = tables.flatMap((table) =>
    table.columns
      .filter(
        (column) =>
          !cells.some((c) => c.table === table.name && c.column === column.name && personOf(c.of)?.who === 'x'),
      )
      .map((column) => `${table.module}.${table.name}.${column.name}`),
  );
  return { people, cells, keys, tables, uncovered };
}
