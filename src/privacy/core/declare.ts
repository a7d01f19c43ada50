import { checkDeclaration } from './check-declaration.js';
import type { DataDeclaration } from './data-declaration.js';
import type { Checked, DeclarationOf } from './declaration-checks.js';
import { isDuration } from './duration.js';
import type { Wording } from './languages.js';
import { type CookieCategory, cookieCategories } from './vocabulary.js';

export {
  type ColumnErase,
  type ColumnRetention,
  type DataDeclaration,
  type Hold,
  type NonPersonalTable,
  type Period,
  type PersonalColumn,
  type PersonalTable,
  type Pseudonym,
  type Retention,
  type SubjectLink,
  type TableDeclaration,
  isPersonalTable,
} from './data-declaration.js';
export type { ColumnOf } from './declaration-checks.js';

/**
 * What a module states about the data it keeps, typed against its Kysely table interfaces:
 *
 *   export const ordersData = defineData<OrderTables>()({ module: 'commerce', tables: { … } });
 *
 * Two calls, because TypeScript infers nothing once a type argument is given: the first takes the
 * tables' type, the second infers the declaration itself, so that a column misspelt, forgotten,
 * or declared both personal and non-personal, a missing table, or a shorter retention on a column
 * that is never NULL, is a compile error (declaration-checks.ts). What types cannot see is
 * checked when the module loads (check-declaration.ts).
 */
export function defineData<Tables>() {
  return <const D extends DeclarationOf<Tables>>(declaration: {
    module: string;
    tables: D & Checked<Tables, D>;
  }): DataDeclaration & { tables: D } => {
    checkDeclaration(declaration);
    return declaration;
  };
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
  if (cookie.duration !== 'session' && !isDuration(cookie.duration))
    fail(`duration "${cookie.duration}" is not "session" or an ISO 8601 duration`);
  return cookie;
}
