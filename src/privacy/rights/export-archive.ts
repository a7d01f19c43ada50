import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Locale, Wording } from '../core/languages.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import { type ExportIndex, type IndexedExtra, type IndexedPart, renderExportIndex } from './export-index-page.js';

export interface ExportedTable {
  table: ResolvedPersonalTable;
  /** The columns shown: all personal and non-personal columns for the person's own rows; for rows that only name them (link scope 'column'), the non-personal ones and that column. */
  columns: readonly string[];
  /** Read lazily, in batches, by the engine: pulled only as fast as the archive is written. */
  rows: AsyncIterable<Record<string, unknown>>;
}

export interface ExportedModule {
  module: string;
  tables: AsyncIterable<ExportedTable> | Iterable<ExportedTable>;
}

export interface ArchiveContents {
  /** Who the archive is about, as the index's heading says it (a username, an address). */
  subject: { label: string };
  createdAt: Date;
  /** The language of the index and of the wording in the files. */
  locale: Locale;
  shopName: string;
  modules: AsyncIterable<ExportedModule> | Iterable<ExportedModule>;
  /** Extra sections that are not tables, e.g. the staff accesses to the person's data (from the audit ledger). */
  extras?: {
    /** The entry's name in the ZIP (`.json` is added when missing). */
    file: string;
    title: Wording;
    rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
  }[];
  /** Called when another table's rows are all written, with the number of distinct tables done so far. */
  onProgress?: (tablesDone: number) => void | Promise<void>;
}

/** Rows kept for the index's glance at each table; the files hold them all. */
const sampleSize = 5;
/** The JSON is handed to the ZIP in chunks of about this size: few chunks, little memory. */
const chunkBytes = 64 * 1024;
const safeName = /^[a-z0-9][a-z0-9_.-]*$/i;

/**
 * Writes a data-subject access archive (GDPR art. 15 and 20) as a ZIP to `output` (a stream, or
 * a file path): one `<module>.json` per module, `{ module, exportedAt, tables: { <table>: { about,
 * columns, rows, named? } } }`, one file per extra section, and `index.html`, written last since
 * it counts the rows. Every file is streamed: rows are pulled from their iterables only as fast as
 * the ZIP is written (backpressure through yazl down to `output`), so memory stays flat whatever
 * the number of rows. Resolves once `output` has flushed everything; on any failure, rejects and
 * destroys `output` (a half-written archive is of no use), after stopping the row iterables.
 */
export async function writeExportArchive(
  contents: ArchiveContents,
  output: NodeJS.WritableStream | string,
): Promise<{ bytes: number; rows: number }> {
  const destination = typeof output === 'string' ? fs.createWriteStream(output, { mode: 0o600 }) : output;
  const zip = new ZipFile();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  zip.on('error', (error) => fail(error));
  const flushed = pipeline(zip.outputStream, counter, destination);
  flushed.catch((error) => fail(error));
  const writer = new ArchiveWriter(contents, zip);
  const writing = writer.write();
  writing.catch(() => {});
  try {
    await Promise.race([writing, failed]);
    await Promise.race([flushed, failed]);
    return { bytes, rows: writer.rows };
  } catch (error) {
    writer.current?.destroy(error as Error);
    (zip.outputStream as Readable).destroy(error as Error);
    const stream = destination as NodeJS.WritableStream & { destroy?: (error?: Error) => void };
    stream.destroy?.(error as Error);
    throw error;
  }
}

type Row = Record<string, unknown>;

/** Adds the entries one after the other, each read to its end before the next is started. */
class ArchiveWriter {
  rows = 0;
  /** The entry being read, stopped if the archive fails. */
  current: Readable | undefined;
  private readonly files = new Set<string>(['index.html']);
  private readonly tablesDone = new Set<string>();
  private readonly exportedAt: string;

  constructor(
    private readonly contents: ArchiveContents,
    private readonly zip: ZipFile,
  ) {
    this.exportedAt = contents.createdAt.toISOString();
  }

  async write(): Promise<void> {
    const modules: { module: string; file: string; parts: IndexedPart[] }[] = [];
    for await (const { module, tables } of this.contents.modules) {
      const file = this.claim(module);
      const parts: IndexedPart[] = [];
      modules.push({ module, file, parts });
      await this.entry(file, this.moduleJson(module, file, tables, parts));
    }
    const extras: IndexedExtra[] = [];
    for (const extra of this.contents.extras ?? []) {
      const file = this.claim(extra.file.replace(/\.json$/, ''));
      const indexed: IndexedExtra = { file, title: extra.title, rows: 0, sample: [] };
      extras.push(indexed);
      await this.entry(file, this.extraJson(extra, indexed));
    }
    const { subject, createdAt, locale, shopName } = this.contents;
    const index: ExportIndex = { subject, createdAt, locale, shopName, modules, extras };
    const html = renderExportIndex(index);
    this.zip.addBuffer(Buffer.from(html, 'utf8'), 'index.html', { mtime: this.contents.createdAt });
    this.zip.end();
  }

  /** A file name of its own in the archive, or a loud refusal (a programming error, not input). */
  private claim(stem: string): string {
    const file = `${stem}.json`;
    if (!safeName.test(stem) || this.files.has(file)) throw new Error(`export archive: bad or repeated file "${file}"`);
    this.files.add(file);
    return file;
  }

  /** Streams one entry into the ZIP and waits until its text has all been produced and read. */
  private async entry(file: string, text: AsyncIterable<string>): Promise<void> {
    const source = Readable.from(inChunks(text), { objectMode: false, highWaterMark: chunkBytes });
    this.current = source;
    this.zip.addReadStream(source, file, { mtime: this.contents.createdAt });
    await finished(source);
    this.current = undefined;
  }

  private async *moduleJson(
    module: string,
    file: string,
    tables: ExportedModule['tables'],
    parts: IndexedPart[],
  ): AsyncGenerator<string> {
    const locale = this.contents.locale;
    yield `{"module":${json(module)},"exportedAt":${json(this.exportedAt)},"tables":{`;
    const keys = new Set<string>();
    let open: OpenTable | undefined;
    for await (const exported of tables) {
      const { table } = exported;
      const named = namingColumn(exported);
      if (open && (open.name !== table.name || !open.accepts(named))) {
        yield open.close();
        open = undefined;
      }
      if (!open) {
        let key = table.name;
        for (let n = 2; keys.has(key); n++) key = `${table.name} (${n})`;
        open = new OpenTable(table.name, key, keys.size > 0);
        keys.add(key);
        yield open.start(table, locale);
      }
      yield open.startPart(named);
      const part: IndexedPart = {
        table,
        file,
        path: ['tables', open.key, ...(named === undefined ? ['rows'] : ['named', named])],
        ...(named === undefined ? {} : { named }),
        columns: exported.columns,
        rows: 0,
        sample: [],
      };
      parts.push(part);
      yield* this.rowsJson(exported.rows, exported.columns, part);
      yield ']';
      await this.tableDone(`${module}\u0000${table.name}`);
    }
    if (open) yield open.close();
    yield '}}\n';
  }

  private async *extraJson(extra: NonNullable<ArchiveContents['extras']>[number], indexed: IndexedExtra) {
    yield `{"title":${json(extra.title[this.contents.locale])},"exportedAt":${json(this.exportedAt)},"rows":[`;
    yield* this.rowsJson(extra.rows, undefined, indexed);
    yield ']}\n';
  }

  /** The rows as a JSON array's items, one a line, counted, the first few kept for the index. */
  private async *rowsJson(
    rows: AsyncIterable<Row> | Iterable<Row>,
    columns: readonly string[] | undefined,
    into: { rows: number; sample: readonly Row[] },
  ): AsyncGenerator<string> {
    const sample: Row[] = [];
    into.sample = sample;
    for await (const row of rows) {
      const value = written(row, columns);
      yield `${into.rows === 0 ? '\n' : ',\n'}${json(value)}`;
      into.rows += 1;
      this.rows += 1;
      if (sample.length < sampleSize) sample.push(value);
    }
    if (into.rows > 0) yield '\n';
  }

  private async tableDone(table: string): Promise<void> {
    if (this.tablesDone.has(table)) return;
    this.tablesDone.add(table);
    await this.contents.onProgress?.(this.tablesDone.size);
  }
}

/**
 * A table's object in a module's file while its parts are written: `rows` (the person's own) and
 * `named: { <column>: [...] }` (others' rows that name them). The engine gives a table's parts one
 * after the other; a part that can no longer join the open object (its table came back later, or
 * twice) starts another key, `<table> (2)`, rather than repeat a key.
 */
class OpenTable {
  private own = false;
  private readonly named = new Set<string>();
  private inNamed = false;

  constructor(
    readonly name: string,
    readonly key: string,
    private readonly comma: boolean,
  ) {}

  accepts(named: string | undefined): boolean {
    if (named === undefined) return !this.own;
    return !this.named.has(named) && (this.inNamed || this.named.size === 0);
  }

  start(table: ResolvedPersonalTable, locale: Locale): string {
    const columns = Object.fromEntries(
      table.columns.map((column) => [
        column.name,
        {
          says: column.says[locale],
          category: column.category,
          purposes: column.purposes,
          basis: column.basis,
          kept: column.retention.keep,
          from: column.retention.from,
        },
      ]),
    );
    return `${this.comma ? ',\n' : '\n'}${json(this.key)}:{"about":${json(table.about[locale])},"columns":${json(columns)}`;
  }

  startPart(named: string | undefined): string {
    if (named === undefined) {
      this.own = true;
      const closing = this.inNamed ? '}' : '';
      this.inNamed = false;
      return `${closing},"rows":[`;
    }
    const opening = this.inNamed ? ',' : ',"named":{';
    this.inNamed = true;
    this.named.add(named);
    return `${opening}${json(named)}:[`;
  }

  close(): string {
    return `${this.inNamed ? '}' : ''}${this.own ? '' : ',"rows":[]'}}`;
  }
}

/** The column naming the person when a part shows someone else's rows (link scope 'column'), else undefined. */
function namingColumn({ table, columns }: ExportedTable): string | undefined {
  const shown = new Set(columns);
  if (table.columns.every((column) => shown.has(column.name))) return undefined;
  return table.links.find((link) => link.scope === 'column' && shown.has(link.column))?.column;
}

/** A row as written: the columns shown, in their order, with values JSON can carry as stored. */
function written(row: Row, columns: readonly string[] | undefined): Row {
  const value: Row = {};
  for (const column of columns ?? Object.keys(row)) value[column] = plain(row[column]);
  return value;
}

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}

function json(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? inner.toString() : inner));
}

/** Joins small pieces of text into chunks of about `chunkBytes`, as bytes. */
async function* inChunks(text: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let pending = '';
  for await (const piece of text) {
    pending += piece;
    if (pending.length >= chunkBytes) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}
