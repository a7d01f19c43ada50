import { type ExpressionBuilder, type SqlBool, type Expression, sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { ResolvedLink, ResolvedPersonalTable } from '../core/resolved-model.js';
import type { DataSubject } from '../core/vocabulary.js';
import { type DataSubjectRef, dataSubject } from './data-subject.js';
import type { TableKeys } from './table-keys.js';

// biome-ignore lint/suspicious/noExplicitAny: the engine reads every module's tables by name.
type AnyBuilder = ExpressionBuilder<any, any>;

/**
 * How the engine finds a person's rows in any declared table, from the declarations alone: each
 * subject link that applies to the person (its `of` names their kind) becomes a condition. An
 * account-id link compares the column to their account id; an email link compares it lower-cased
 * to each of their addresses (indexed on lower(column)); a free-text link (`mentions`) looks for
 * either, anywhere in the text.
 */
export function linksFor(table: ResolvedPersonalTable, subject: DataSubjectRef): ResolvedLink[] {
  const kinds = kindsNamedBy(subject.kind);
  return table.links.filter((link) => {
    if (!link.of.some((kind) => kinds.includes(kind))) return false;
    if (link.kind === 'account-id') return subject.accountId !== undefined;
    return subject.emails.length > 0 || (link.kind === 'mentions' && subject.accountId !== undefined);
  });
}

/**
 * The kinds of data subject a person may be in a table's links. Someone without an account who
 * writes to us is a visitor, and also a customer if they bought as a guest: their orders and
 * invoices name them by the same address, so a request from them must find those too.
 */
function kindsNamedBy(kind: DataSubject): readonly DataSubject[] {
  return kind === 'visitor' ? ['visitor', 'customer'] : [kind];
}

/** The condition "this row is found by one of these links". */
export function matching(links: readonly ResolvedLink[], subject: DataSubjectRef) {
  return (eb: AnyBuilder): Expression<SqlBool> => eb.or(links.flatMap((link) => linkConditions(eb, link, subject)));
}

function linkConditions(eb: AnyBuilder, link: ResolvedLink, subject: DataSubjectRef): Expression<SqlBool>[] {
  const column = eb.ref(link.column);
  switch (link.kind) {
    case 'account-id':
      return subject.accountId ? [eb(column, '=', subject.accountId)] : [];
    case 'email':
      return subject.emails.length > 0 ? [eb(eb.fn('lower', [column]), 'in', [...subject.emails])] : [];
    case 'mentions': {
      const needles = [...(subject.accountId ? [subject.accountId] : []), ...subject.emails];
      return needles.map(
        (needle) => sql<SqlBool>`lower(${column}) like ${`%${escapeLike(needle.toLowerCase())}%`} escape '\\'`,
      );
    }
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The links that make a row the person's own, and those that only name them in one column. */
export function splitLinks(table: ResolvedPersonalTable, subject: DataSubjectRef) {
  const links = linksFor(table, subject);
  return {
    own: links.filter((link) => link.scope === 'row'),
    named: links.filter((link) => link.scope === 'column'),
  };
}

/**
 * Every address and account the person is known by, from the tables that hold both: a member's
 * account row gives their address; an address typed as a new one (a pending change) gives nothing, as it may be anyone's. An address gives
 * an account only through the account table itself (the link that is its primary key): proof of
 * that address is what a password reset asks too, so a request proven by it is the member's. A
 * new address someone merely typed never gives their account away, and staff accounts are never
 * reached from an address.
 */
export async function expandSubject(
  database: Database,
  registry: PrivacyRegistry,
  keys: TableKeys,
  subject: DataSubjectRef,
): Promise<DataSubjectRef> {
  if (subject.kind !== 'member' && subject.kind !== 'visitor') return subject;
  let current = subject;
  // Two rounds reach everything: an address gives the account, the account gives its other addresses.
  for (let round = 0; round < 2; round++) {
    const emails = new Set(current.emails);
    let accountId = current.accountId;
    for (const table of registry.personalTables()) {
      const own = table.links.filter((link) => link.scope === 'row' && link.of.includes('member'));
      const accountLinks = own.filter((link) => link.kind === 'account-id');
      const emailLinks = own.filter((link) => link.kind === 'email');
      if (accountLinks.length === 0 || emailLinks.length === 0) continue;
      const key = await keys.of(table.name);
      const accountTable = accountLinks.some((link) => key.length === 1 && key[0] === link.column);
      // Only the account's own, proven address counts: an address typed as a new one (a pending
      // change) may be someone else's, and must never bring their rows into this person's export
      // or erasure.
      if (!accountTable) continue;
      const probe = dataSubject('member', accountId, accountTable ? [...emails] : []);
      const found = linksFor(table, probe).filter((link) => own.includes(link));
      if (found.length === 0) continue;
      const rows = await database.db
        .selectFrom(table.name)
        .select([...accountLinks, ...emailLinks].map((link) => link.column))
        .where(matching(found, probe))
        .limit(100)
        .execute();
      for (const row of rows) {
        for (const link of emailLinks) {
          const value = row[link.column];
          if (typeof value === 'string' && value) emails.add(value.toLowerCase());
        }
        if (accountTable && !accountId) {
          const value = row[accountLinks[0]?.column ?? ''];
          if (typeof value === 'string' && value) accountId = value;
        }
      }
    }
    current = dataSubject(accountId ? 'member' : current.kind, accountId, [...emails]);
  }
  return current;
}

/**
 * The rows of one table a set of links finds, in primary-key order per link, read a page at a time
 * (keyset paging: flat memory, and no OFFSET that grows). Each link is paged on its own, skipping
 * rows an earlier link found, so that every page is one range of an index on (link column, key):
 * the index every subject-link column has (docs/privacy.md). Paging the links together (`a = ? OR
 * b = ?`) would sort the person's rows again for every page.
 */
export async function* rowsFound(
  database: Database,
  keys: TableKeys,
  table: string,
  links: readonly ResolvedLink[],
  subject: DataSubjectRef,
  columns: readonly string[],
  pageSize = 1000,
): AsyncGenerator<Record<string, unknown>> {
  const key = await keys.of(table);
  const selected = [...new Set([...columns, ...key])];
  for (const [index, link] of links.entries()) {
    const earlier = links.slice(0, index);
    let after: unknown[] | undefined;
    for (;;) {
      let query = database.db
        .selectFrom(table)
        .select(selected)
        .where(matching([link], subject));
      // "not found by an earlier link", written so that a NULL link column counts as not found.
      if (earlier.length > 0)
        query = query.where((eb) => eb(eb.case().when(matching(earlier, subject)(eb)).then(1).else(0).end(), '=', 0));
      if (after) {
        const last = after;
        query = query.where(
          sql<SqlBool>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(last.map((v) => sql`${v}`))})`,
        );
      }
      for (const k of key) query = query.orderBy(k);
      const page = await query.limit(pageSize).execute();
      for (const row of page) yield Object.fromEntries(columns.map((column) => [column, row[column]]));
      if (page.length < pageSize) break;
      const lastRow = page[page.length - 1] as Record<string, unknown>;
      after = key.map((k) => lastRow[k]);
    }
  }
}
