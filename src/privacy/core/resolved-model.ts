import type { Pseudonym, SubjectLink, TableDeclaration } from './data-declaration.js';
import { isPersonalTable } from './data-declaration.js';
import type { Wording } from './languages.js';
import {
  type DataCategory,
  type DataSubject,
  type LegalBasis,
  type Purpose,
  type TableEraseAction,
  dataSubjects,
  purposes as purposeVocabulary,
} from './vocabulary.js';

/**
 * The declarations resolved: every personal column with its effective category, wording,
 * purposes, legal basis, retention and erase action (a column's own settings override its
 * table's). The policy page, retention, the coverage gate, and export and erasure read this,
 * never the declarations, so they cannot disagree about what a column is.
 */

/** A period, worded "`keep` after `after`", and why. */
export interface ResolvedRetention {
  keep: string;
  from: string;
  after: Wording;
  reason: Wording;
}

/** What an erasure request does to one column of a row it finds. */
export type EraseAction =
  | { action: 'delete-row' }
  | { action: 'pseudonymize'; becomes: Pseudonym }
  | {
      action: 'hold';
      hold: string;
      from: string;
      after: Wording;
      basis: LegalBasis;
      reason: Wording;
      /** What the column becomes when the hold ends. */
      releasedAs: Pseudonym;
    };

export interface ResolvedColumn {
  table: string;
  name: string;
  category: DataCategory;
  says: Wording;
  /** In the vocabulary's order. */
  purposes: readonly Purpose[];
  basis: LegalBasis;
  retention: ResolvedRetention;
  /** A shorter period than the row's: the retention job empties this column alone. */
  ownRetention: boolean;
  erase: EraseAction;
}

export type ResolvedLink = SubjectLink & { scope: 'row' | 'column' };

export interface ResolvedPersonalTable {
  personal: true;
  module: string;
  name: string;
  about: Wording;
  note: Wording | undefined;
  /** Every way to find a person's rows, for export and erasure (scope filled in: 'row' unless declared). */
  links: readonly ResolvedLink[];
  /** Whom the rows are about: everyone a link finds, in the vocabulary's order. */
  subjects: readonly DataSubject[];
  retention: ResolvedRetention;
  erase: TableEraseAction;
  /** Whether an erasure keeps the rows it finds (pseudonymized, or with held columns). */
  keptOnErasure: boolean;
  columns: readonly ResolvedColumn[];
  nonPersonal: readonly string[];
}

export interface ResolvedNonPersonalTable {
  personal: false;
  module: string;
  name: string;
  about: Wording;
  nonPersonal: readonly string[];
}

export type ResolvedTable = ResolvedPersonalTable | ResolvedNonPersonalTable;

const inOrderOf = <T extends string>(vocabulary: Record<T, unknown>, terms: readonly T[]) =>
  (Object.keys(vocabulary) as T[]).filter((term) => terms.includes(term));

export function resolveTable(module: string, name: string, table: TableDeclaration): ResolvedTable {
  if (!isPersonalTable(table))
    return { personal: false, module, name, about: table.about, nonPersonal: table.nonPersonal };
  const specs = Object.entries(table.columns).flatMap(([column, spec]) => (spec ? [{ column, spec }] : []));
  const keptOnErasure = table.erase === 'pseudonymize' || specs.some(({ spec }) => spec.erase && 'hold' in spec.erase);
  const columns = specs.map(({ column, spec }): ResolvedColumn => {
    const own = spec.retention;
    const retention: ResolvedRetention = own
      ? {
          keep: own.keep,
          from: own.from ?? table.retention.from,
          after: own.after ?? table.retention.after,
          reason: own.reason,
        }
      : table.retention;
    const erase: EraseAction =
      spec.erase && 'hold' in spec.erase
        ? {
            action: 'hold',
            hold: spec.erase.hold,
            from: spec.erase.from,
            after: spec.erase.after,
            basis: spec.erase.basis,
            reason: spec.erase.reason,
            releasedAs: spec.erase.releasedAs ?? null,
          }
        : spec.erase
          ? { action: 'pseudonymize', becomes: spec.erase.pseudonymize }
          : keptOnErasure
            ? { action: 'pseudonymize', becomes: null }
            : { action: 'delete-row' };
    return {
      table: name,
      name: column,
      category: spec.category,
      says: spec.says,
      purposes: inOrderOf(purposeVocabulary, spec.purposes ?? table.purposes),
      basis: spec.basis ?? table.basis,
      retention,
      ownRetention: own !== undefined,
      erase,
    };
  });
  return {
    personal: true,
    module,
    name,
    about: table.about,
    note: table.note,
    links: table.subject.map((link) => ({ ...link, scope: link.scope ?? 'row' })),
    subjects: inOrderOf(
      dataSubjects,
      table.subject.flatMap((link) => link.of),
    ),
    retention: table.retention,
    erase: table.erase,
    keptOnErasure,
    columns,
    nonPersonal: table.nonPersonal,
  };
}
