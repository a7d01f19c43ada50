import { type RawBuilder, sql } from 'kysely';
import type { Engine } from '../../platform/db/database.js';
import type { Pseudonym } from '../core/data-declaration.js';

/**
 * What a column is set to when it becomes a pseudonym: NULL, a fixed text, or a random value drawn
 * by the database for each row (so rows that shared a value no longer do).
 */
export function pseudonymValue(engine: Engine, becomes: Pseudonym): RawBuilder<unknown> | string | null {
  if (becomes === null) return null;
  if (becomes === 'random')
    return engine === 'postgres' ? sql`replace(gen_random_uuid()::text, '-', '')` : sql`lower(hex(randomblob(16)))`;
  return becomes.text;
}
