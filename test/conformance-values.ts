import { randomUUID } from 'node:crypto';
import type { ColumnShape } from '../src/platform/db/introspect.js';

/** What a column can hold, as far as writing a canary or a filler into it goes. */
export type ValueKind = 'integer' | 'real' | 'boolean' | 'json' | 'blob' | 'uuid' | 'date' | 'text';

/** From the live type; a column named `*_at`, or one the engine reads as a date (`dates`), holds dates. */
export function kindOf(column: ColumnShape, dates: ReadonlySet<string>): ValueKind {
  const type = column.type;
  if (/bool/.test(type)) return 'boolean';
  if (/int/.test(type)) return 'integer';
  if (/real|double|numeric|decimal|float/.test(type)) return 'real';
  if (/json/.test(type)) return 'json';
  if (/blob|bytea/.test(type)) return 'blob';
  if (/uuid/.test(type)) return 'uuid';
  if (/timestamp|date/.test(type) || column.name.endsWith('_at') || dates.has(column.name)) return 'date';
  return 'text';
}

/**
 * Unique values for the conformance test's rows: canaries (found again by their text, wherever
 * they end up) and fillers for the columns that say nothing about a person. Texts are all of one
 * width, so that none is part of another.
 */
export class ConformanceValues {
  private n = 0;
  // Dates near now: canaries from two hours back, going back, fillers from one hour back, going
  // forward, so that no canary is ever a filler or a date the engine writes while the test runs.
  private readonly canaryBase = Date.now() - 2 * 3_600_000;
  private readonly fillerBase = Date.now() - 3_600_000;

  /** A value of `tag`'s ('member-x') and the text it reads back as. */
  canary(kind: ValueKind, tag: string): { value: unknown; text: string } {
    const i = ++this.n;
    const text = `cnry-${tag}-${String(i).padStart(5, '0')}`;
    switch (kind) {
      case 'integer':
        return { value: 1_900_000_000 + i, text: String(1_900_000_000 + i) };
      case 'real':
        return { value: 1_900_000_000.5 + i, text: String(1_900_000_000.5 + i) };
      case 'boolean':
        return { value: true, text: 'true' };
      case 'uuid': {
        const id = randomUUID();
        return { value: id, text: id };
      }
      case 'date': {
        const at = new Date(this.canaryBase - i * 1000).toISOString();
        return { value: at, text: at };
      }
      case 'json':
        return { value: JSON.stringify({ canary: text }), text };
      case 'blob':
        return { value: Buffer.from(text), text };
      case 'text':
        return { value: text, text };
    }
  }

  filler(kind: ValueKind): unknown {
    const i = ++this.n;
    switch (kind) {
      case 'integer':
      case 'real':
        return 100_000 + i;
      case 'boolean':
        return false;
      case 'uuid':
        return randomUUID();
      case 'date':
        return new Date(this.fillerBase + i * 1000).toISOString();
      case 'json':
        return JSON.stringify({ filler: i });
      case 'blob':
        return Buffer.from(`fill-${i}`);
      case 'text':
        return `fill-${String(i).padStart(5, '0')}`;
    }
  }
}
