import type { IndexShape, TableShape } from '../platform/db/introspect.js';
import type { PrivacyRegistry } from './core/registry.js';

/**
 * The gate: every table and every column that exists in the database must be declared, either
 * as personal data (with category, purposes, basis, retention and erasure) or as non-personal.
 * Reads the registry's resolved model, like the policy page and retention.
 * Returns one readable line per problem; an empty list means the schema is fully declared.
 */
export function coverageProblems(schema: TableShape[], registry: PrivacyRegistry): string[] {
  const problems: string[] = [];
  for (const table of schema) {
    const declared = registry.table(table.name);
    if (!declared) {
      problems.push(`table ${table.name} is not declared: add it to its module's privacy.ts (defineData)`);
      continue;
    }
    const known = new Set([
      ...declared.nonPersonal,
      ...(declared.personal ? declared.columns.map((column) => column.name) : []),
    ]);
    for (const column of table.columns) {
      if (!known.has(column)) {
        problems.push(
          `column ${table.name}.${column} is not declared: list it as personal (columns) or non-personal (nonPersonal) in ${declared.module}'s privacy.ts`,
        );
      }
    }
    for (const column of known) {
      if (!table.columns.includes(column))
        problems.push(`column ${table.name}.${column} is declared but does not exist`);
    }
  }
  const existing = new Set(schema.map((t) => t.name));
  for (const declared of registry.tables()) {
    if (!existing.has(declared.name))
      problems.push(`table ${declared.name} is declared by ${declared.module} but does not exist`);
  }
  return problems;
}

/**
 * Export and erasure find a person's rows by each subject link, a page at a time in primary-key
 * order (rights/subject-rows.ts): each link column needs an index that starts with it (lower(it)
 * for an email) followed by the table's primary key, or a unique one (a row per person). Without
 * it, a person with many rows is sorted again for every page, or the whole table is read.
 * Free-text links (`mentions`) cannot be indexed so and are searched by scanning.
 */
export function linkIndexProblems(
  indexes: readonly IndexShape[],
  keys: ReadonlyMap<string, readonly string[]>,
  registry: PrivacyRegistry,
): string[] {
  const problems: string[] = [];
  for (const table of registry.personalTables()) {
    const key = (keys.get(table.name) ?? []).map((k) => k.toLowerCase());
    const own = indexes.filter((index) => index.table === table.name);
    for (const link of table.links) {
      if (link.kind === 'mentions') continue;
      const column = link.column.toLowerCase();
      const first = link.kind === 'email' ? `lower(${column})` : column;
      const served = own.some(
        (index) =>
          index.parts[0] === first &&
          (index.unique ||
            key.every((part, i) => index.parts[i + 1] === part) ||
            (key.length === 1 && key[0] === column)),
      );
      if (!served && !(key.length === 1 && key[0] === column))
        problems.push(
          `${table.module}: ${table.name}.${link.column} (a subject link) needs an index on (${first}, ${key.join(', ')}) in a migration: export and erasure page through a person's rows by it`,
        );
    }
  }
  return problems;
}
