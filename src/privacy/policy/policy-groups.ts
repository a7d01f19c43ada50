import type { Wording } from '../core/languages.js';
import type { EraseAction, ResolvedColumn, ResolvedPersonalTable, ResolvedRetention } from '../core/resolved-model.js';
import type { DataCategory, LegalBasis, Purpose } from '../core/vocabulary.js';

/** One thing the policy lists: what some columns are, said once (the five columns of an address). */
export interface PolicyItem {
  says: Wording;
  category: DataCategory;
  columns: string[];
}

/** Items of one table kept for the same purposes, on the same basis, as long, with the same fate. */
export interface PolicyGroup {
  items: PolicyItem[];
  purposes: readonly Purpose[];
  basis: LegalBasis;
  retention: ResolvedRetention;
  erase: EraseAction;
}

/**
 * A table's columns as a visitor reads them: grouped by what they are for (purposes, basis,
 * retention and erasure all alike), in the order they were declared, each group saying its
 * facts once; within a group, columns that say the same thing are one item.
 */
export function policyGroups(table: ResolvedPersonalTable): PolicyGroup[] {
  const groups = new Map<string, PolicyGroup>();
  for (const column of table.columns) {
    const key = canonical(factsOf(column));
    const group = groups.get(key) ?? { items: [], ...factsOf(column) };
    groups.set(key, group);
    const item = group.items.find(
      (it) => it.says.en === column.says.en && it.says.fr === column.says.fr && it.category === column.category,
    );
    if (item) item.columns.push(column.name);
    else group.items.push({ says: column.says, category: column.category, columns: [column.name] });
  }
  return [...groups.values()];
}

function factsOf(column: ResolvedColumn) {
  return { purposes: column.purposes, basis: column.basis, retention: column.retention, erase: column.erase };
}

/** The same text for equal facts, whatever order their declarations wrote the keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
}
