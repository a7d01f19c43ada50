import type { Wording } from './languages.js';
import type {
  DataCategory,
  DataSubject,
  LegalBasis,
  Purpose,
  SubjectLinkKind,
  TableEraseAction,
} from './vocabulary.js';

/**
 * The shape of a module's privacy declaration (DESIGN.md §3). Every type takes the table's column
 * names, `C`, so that `defineData<Tables>()` checks each column a declaration names against the
 * module's Kysely table interfaces; `C = string` is the shape as the registry reads it.
 */

/** A period that runs from a moment a timestamp column records. */
export interface Period<C extends string = string> {
  /** The timestamp column the period runs from. */
  from: C;
  /** That moment, completing "3 years after …": `{ en: 'the link expires', fr: 'l’expiration du lien' }`. */
  after: Wording;
}

/** How long rows are kept. The period is worded from `keep` and `after`; `reason` says why, never how long. */
export interface Retention<C extends string = string> extends Period<C> {
  /** ISO 8601 duration. */
  keep: string;
  reason: Wording;
}

/**
 * A shorter period for one column, after which it alone is emptied (its row stays): only for a
 * column that may be NULL. Runs from the table's moment unless it names its own.
 */
export type ColumnRetention<C extends string = string> = { keep: string; reason: Wording } & (
  | { from?: undefined; after?: undefined }
  | Period<C>
);

/** One way to find a person's rows: a column and what it holds of them, for whom. */
export interface SubjectLink<C extends string = string> {
  column: C;
  kind: SubjectLinkKind;
  /** Whose rows the column finds (a member's account id never finds a staff member). */
  of: readonly DataSubject[];
  /**
   * 'column': the row is about someone else and only names this person in this column (who
   * handled a request, who acted): their export shows them this column, their erasure empties or
   * holds it alone (so it must declare its `erase`). By default the row is the person's own.
   */
  scope?: 'row' | 'column';
}

/**
 * What a column becomes when its row is kept after an erasure: empty (a column that may be NULL),
 * a random value (a column that must stay unique or filled), or a fixed text.
 */
export type Pseudonym = null | 'random' | { text: string };

/**
 * A column an erasure request does not remove yet: kept for a stated period from a stated moment,
 * on a stated legal basis, for a stated reason (an invoice keeps the buyer's name for ten years).
 */
export interface Hold<C extends string = string> extends Period<C> {
  /** ISO 8601 duration. */
  hold: string;
  basis: LegalBasis;
  reason: Wording;
  /** What the column becomes when the hold ends (emptied unless said: a column that must stay filled says). */
  releasedAs?: Pseudonym;
}

export type ColumnErase<C extends string = string> = { pseudonymize: Pseudonym } | Hold<C>;

/** A column that holds personal data. What it leaves out, it takes from its table. */
export interface PersonalColumn<C extends string = string> {
  category: DataCategory;
  /** What it actually is, as the person it is about would say it: "your postal address". */
  says: Wording;
  purposes?: readonly Purpose[];
  basis?: LegalBasis;
  retention?: ColumnRetention<C>;
  /** Instead of the table's erase action: become a pseudonym, or be held. */
  erase?: ColumnErase<C>;
}

export interface PersonalTable<C extends string = string> {
  /** What the rows are, as a heading: "Your member account". */
  about: Wording;
  /** One more sentence of context, if the heading needs it. */
  note?: Wording;
  /** Every way to find a person's rows (at least one). */
  subject: readonly SubjectLink<C>[];
  purposes: readonly Purpose[];
  basis: LegalBasis;
  retention: Retention<C>;
  /** What an erasure request does to the rows it finds; a column may override it (`erase`). */
  erase: TableEraseAction;
  columns: { readonly [K in C]?: PersonalColumn<C> };
  nonPersonal: readonly C[];
}

export interface NonPersonalTable<C extends string = string> {
  /** What the rows are, which says why none of it is about a person. */
  about: Wording;
  nonPersonal: readonly C[];
  /** None: a table with a subject link is a personal one, checked as such. */
  subject?: never;
  columns?: never;
}

export type TableDeclaration<C extends string = string> = PersonalTable<C> | NonPersonalTable<C>;

/** A module's declaration as the registry reads it (whatever the module's tables). */
export interface DataDeclaration {
  module: string;
  tables: Readonly<Record<string, TableDeclaration>>;
}

export function isPersonalTable<C extends string>(table: TableDeclaration<C>): table is PersonalTable<C> {
  return 'subject' in table;
}
