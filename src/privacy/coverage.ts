import type { TableShape } from '../platform/db/introspect.js';
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
