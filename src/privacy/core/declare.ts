import type { Wording } from './vocabulary.js';
import {
  type CookieCategory,
  type DataCategory,
  type DataSubject,
  type EraseStrategy,
  type LegalBasis,
  type Purpose,
  cookieCategories,
  dataCategories,
  dataSubjects,
  eraseStrategies,
  legalBases,
  purposes,
} from './vocabulary.js';
import { isDuration } from './duration.js';

/** A column that holds personal data. Purposes and retention default to the table's. */
export interface PersonalColumn {
  category: DataCategory;
  purposes?: Purpose[];
  /** A shorter period than the table's, after which this column alone is cleared. */
  retention?: string;
}

/**
 * How a row is linked to the person it is about, so export and erasure can find it:
 * by account id, by email address, or (for free text such as job payloads) by mention.
 */
export interface SubjectLink {
  column: string;
  kind: 'account-id' | 'email' | 'mentions';
}

export interface Retention {
  /** ISO 8601 duration. */
  keep: string;
  /** The timestamp column the period runs from. */
  from: string;
  reason: Wording;
}

export interface PersonalTable {
  description: Wording;
  subjects: DataSubject[];
  subject: SubjectLink;
  purposes: Purpose[];
  basis: LegalBasis;
  retention: Retention;
  erase: EraseStrategy;
  columns: Record<string, PersonalColumn>;
  nonPersonal: string[];
}

export interface NonPersonalTable {
  /** Why nothing here is about a person (shown in the record of processing). */
  about: string;
  nonPersonal: string[];
}

export type TableDeclaration = PersonalTable | NonPersonalTable;

export interface DataDeclaration {
  module: string;
  tables: Record<string, TableDeclaration>;
}

export function isPersonalTable(table: TableDeclaration): table is PersonalTable {
  return 'subject' in table;
}

/**
 * What a module states about the data it keeps. Checked when the module loads, so a typo in a
 * declaration fails at start-up (and in every test), not when the policy is next read.
 */
export function defineData(declaration: DataDeclaration): DataDeclaration {
  for (const [name, table] of Object.entries(declaration.tables)) {
    const where = `${declaration.module}: table ${name}`;
    const fail = (problem: string): never => {
      throw new Error(`Privacy declaration ${where}: ${problem}`);
    };
    if (new Set(table.nonPersonal).size !== table.nonPersonal.length) fail('lists a non-personal column twice');
    if (!isPersonalTable(table)) continue;

    const personal = Object.keys(table.columns);
    if (personal.length === 0) fail('is declared personal but names no personal column');
    for (const column of personal) {
      if (table.nonPersonal.includes(column)) fail(`column ${column} is declared both personal and non-personal`);
      const spec = table.columns[column]!;
      if (!(spec.category in dataCategories)) fail(`column ${column} has unknown category "${spec.category}"`);
      for (const purpose of spec.purposes ?? []) {
        if (!(purpose in purposes)) fail(`column ${column} has unknown purpose "${purpose}"`);
      }
      if (spec.retention !== undefined && !isDuration(spec.retention)) {
        fail(`column ${column} retention "${spec.retention}" is not an ISO 8601 duration`);
      }
    }
    const allColumns = [...personal, ...table.nonPersonal];
    if (!allColumns.includes(table.subject.column)) fail(`subject column ${table.subject.column} is not declared`);
    if (!allColumns.includes(table.retention.from)) fail(`retention runs from undeclared column ${table.retention.from}`);
    if (!isDuration(table.retention.keep)) fail(`retention "${table.retention.keep}" is not an ISO 8601 duration`);
    if (table.purposes.length === 0) fail('names no purpose');
    for (const purpose of table.purposes) if (!(purpose in purposes)) fail(`unknown purpose "${purpose}"`);
    if (table.subjects.length === 0) fail('names no data subject');
    for (const subject of table.subjects) if (!(subject in dataSubjects)) fail(`unknown data subject "${subject}"`);
    if (!(table.basis in legalBases)) fail(`unknown legal basis "${table.basis}"`);
    if (!(table.erase in eraseStrategies)) fail(`unknown erase strategy "${table.erase}"`);
  }
  return declaration;
}

export interface CookieDeclaration {
  name: string;
  category: CookieCategory;
  purpose: Wording;
  /** "session" (until the browser closes) or an ISO 8601 duration. */
  duration: 'session' | string;
  /** Whether scripts on the page can read it: false for everything but what scripts need. */
  httpOnly: boolean;
}

export function defineCookie(cookie: CookieDeclaration): CookieDeclaration {
  const fail = (problem: string): never => {
    throw new Error(`Cookie declaration ${cookie.name}: ${problem}`);
  };
  if (!/^[A-Za-z0-9_.-]+$/.test(cookie.name)) fail('name has characters a cookie name cannot have');
  if (!(cookie.category in cookieCategories)) fail(`unknown category "${cookie.category}"`);
  if (cookie.duration !== 'session' && !isDuration(cookie.duration)) fail(`duration "${cookie.duration}" is not "session" or an ISO 8601 duration`);
  return cookie;
}
