import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { centralDirectory, entryData, readZip } from '../../../test/zip-reader.js';
import type { TableDeclaration } from '../core/data-declaration.js';
import type { Locale } from '../core/languages.js';
import { orders, w } from '../core/order-declaration.fixture.js';
import { type ResolvedPersonalTable, resolveTable } from '../core/resolved-model.js';
import { purposes } from '../core/vocabulary.js';
import { wordBasis, wordErase, wordPeriod } from '../core/wording.js';
import { type ArchiveContents, type ExportedModule, writeExportArchive } from './export-archive.js';

// No database: the archive writer is fed rows by hand, and its ZIP is read back by the small reader below.

const personal = (module: string, name: string, declaration: unknown) =>
  resolveTable(module, name, declaration as TableDeclaration) as ResolvedPersonalTable;

const accounts = personal('members', 'accounts_members', {
  about: w('Your account', 'Votre compte'),
  subject: [{ column: 'id', kind: 'account-id', of: ['member'] }],
  purposes: ['service'],
  basis: 'contract',
  retention: {
    keep: 'P3Y',
    from: 'last_seen_at',
    after: w('your last visit', 'votre dernière visite'),
    reason: w('r'),
  },
  erase: 'delete',
  columns: {
    email: { category: 'contact', says: w('Your email address', 'Votre adresse e-mail') },
    username: { category: 'identity', says: w('Your username', 'Votre nom d’utilisateur') },
  },
  nonPersonal: ['id', 'created_at', 'last_seen_at'],
});

const tickets = personal('support', 'support_tickets', {
  about: w('Your support tickets', 'Vos demandes d’assistance'),
  subject: [
    { column: 'member_id', kind: 'account-id', of: ['member'] },
    { column: 'assignee', kind: 'account-id', of: ['staff'], scope: 'column' },
  ],
  purposes: ['support'],
  basis: 'contract',
  retention: { keep: 'P2Y', from: 'created_at', after: w('the ticket', 'la demande'), reason: w('r') },
  erase: 'delete',
  columns: {
    member_id: { category: 'identity', says: w('Your account', 'Votre compte') },
    body: { category: 'communications', says: w('What you wrote', 'Ce que vous avez écrit') },
    assignee: {
      category: 'identity',
      says: w('Who handled it', 'Qui l’a traitée'),
      erase: { pseudonymize: null },
    },
  },
  nonPersonal: ['id', 'created_at'],
});

const ordersTable = personal('commerce', 'commerce_orders', orders);

async function* lazily<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const createdAt = new Date('2026-12-03T09:30:00Z');

function contents(locale: Locale, overrides: Partial<ArchiveContents> = {}): ArchiveContents {
  const modules: ExportedModule[] = [
    {
      module: 'members',
      tables: [
        {
          table: accounts,
          columns: ['id', 'created_at', 'last_seen_at', 'email', 'username'],
          rows: lazily([
            {
              id: 'm1',
              created_at: new Date('2026-01-02T03:04:05Z'),
              last_seen_at: '2026-11-30T10:00:00.000Z',
              email: 'ada@example.test',
              username: 'ada',
              password_hash: 'never shown: not in columns',
            },
          ]),
        },
      ],
    },
    {
      module: 'support',
      tables: lazily([
        {
          table: tickets,
          columns: ['id', 'created_at', 'member_id', 'body', 'assignee'],
          rows: lazily([
            { id: 't1', created_at: '2026-02-01T00:00:00.000Z', member_id: 'm1', body: 'Hello', assignee: 's9' },
            { id: 't2', created_at: '2026-02-02T00:00:00.000Z', member_id: 'm1', body: 'Again', assignee: null },
          ]),
        },
        {
          table: tickets,
          columns: ['id', 'created_at', 'assignee'],
          rows: lazily([{ id: 't7', created_at: '2026-03-01T00:00:00.000Z', assignee: 'm1' }]),
        },
      ]),
    },
    {
      module: 'commerce',
      tables: [
        {
          table: ordersTable,
          columns: ['id', 'created_at', 'paid_at', 'email', 'ip', 'billing_name'],
          rows: lazily([]),
        },
      ],
    },
  ];
  return {
    subject: { label: 'ada@example.test' },
    createdAt,
    locale,
    shopName: 'Atelier Code',
    modules,
    extras: [
      {
        file: 'staff-accesses',
        title: w('Who at the shop looked at your data', 'Qui, dans la boutique, a consulté vos données'),
        rows: [{ at: '2026-11-01T10:00:00.000Z', staff: 'support', purpose: 'support' }],
      },
    ],
    ...overrides,
  };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-export-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function archive(locale: Locale, overrides: Partial<ArchiveContents> = {}) {
  const file = path.join(scratch, `${locale}-${Math.random().toString(36).slice(2)}.zip`);
  const result = await writeExportArchive(contents(locale, overrides), file);
  const zip = fs.readFileSync(file);
  return { result, zip, entries: readZip(zip) };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the export archive (ZIP written with yazl, read back; no database)', () => {
  it('holds one JSON file per module with the rows as stored, the extras, and the index, all flushed when it resolves', async () => {
    const { result, zip, entries } = await archive('en');
    expect([...entries.keys()]).toEqual([
      'members.json',
      'support.json',
      'commerce.json',
      'staff-accesses.json',
      'index.html',
    ]);
    expect(result).toEqual({ bytes: zip.length, rows: 5 });

    const members = JSON.parse(entries.get('members.json')!.toString('utf8'));
    expect(members.module).toBe('members');
    expect(members.exportedAt).toBe(createdAt.toISOString());
    expect(members.tables.accounts_members.about).toBe('Your account');
    expect(members.tables.accounts_members.rows).toEqual([
      {
        id: 'm1',
        created_at: '2026-01-02T03:04:05.000Z',
        last_seen_at: '2026-11-30T10:00:00.000Z',
        email: 'ada@example.test',
        username: 'ada',
      },
    ]);
    expect(members.tables.accounts_members.columns.email).toEqual({
      says: 'Your email address',
      category: 'contact',
      purposes: ['service'],
      basis: 'contract',
      kept: 'P3Y',
      from: 'last_seen_at',
    });

    const support = JSON.parse(entries.get('support.json')!.toString('utf8'));
    expect(Object.keys(support.tables)).toEqual(['support_tickets']);
    expect(support.tables.support_tickets.rows.map((row: { id: string }) => row.id)).toEqual(['t1', 't2']);
    expect(support.tables.support_tickets.named).toEqual({
      assignee: [{ id: 't7', created_at: '2026-03-01T00:00:00.000Z', assignee: 'm1' }],
    });

    const commerce = JSON.parse(entries.get('commerce.json')!.toString('utf8'));
    expect(commerce.tables.commerce_orders.rows).toEqual([]);

    const accesses = JSON.parse(entries.get('staff-accesses.json')!.toString('utf8'));
    expect(accesses).toEqual({
      title: 'Who at the shop looked at your data',
      exportedAt: createdAt.toISOString(),
      rows: [{ at: '2026-11-01T10:00:00.000Z', staff: 'support', purpose: 'support' }],
    });
  });

  it('writes the table of a part that cannot join the open one under a key of its own, never a repeated key', async () => {
    const twice: ExportedModule = {
      module: 'support',
      tables: [
        { table: tickets, columns: ['id', 'created_at', 'assignee'], rows: lazily([{ id: 'a', assignee: 'm1' }]) },
        { table: accounts, columns: ['id', 'email', 'username'], rows: lazily([]) },
        { table: tickets, columns: ['id', 'member_id', 'body', 'assignee'], rows: lazily([{ id: 'b' }]) },
        { table: tickets, columns: ['id', 'member_id', 'body', 'assignee'], rows: lazily([{ id: 'c' }]) },
      ],
    };
    const { entries } = await archive('en', { modules: [twice], extras: [] });
    const raw = entries.get('support.json')!.toString('utf8');
    const support = JSON.parse(raw);
    expect(Object.keys(support.tables)).toEqual([
      'support_tickets',
      'accounts_members',
      'support_tickets (2)',
      'support_tickets (3)',
    ]);
    expect(support.tables.support_tickets).toMatchObject({ rows: [], named: { assignee: [{ id: 'a' }] } });
    expect(support.tables['support_tickets (2)'].rows).toEqual([
      { id: 'b', member_id: null, body: null, assignee: null },
    ]);
    expect(raw.match(/"support_tickets"/g)).toHaveLength(1);
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`says in the index (${locale}), for each item, what it is, why, on what basis, how long, and where its rows are`, async () => {
      const { entries } = await archive(locale);
      const html = entries.get('index.html')!.toString('utf8');
      const read = text(html);
      expect(html.startsWith(`<!doctype html><html lang="${locale}">`)).toBe(true);
      // Standalone: inline style, nothing fetched.
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/<link|<script|src=|url\(/);

      expect(read).toContain(accounts.about[locale]);
      expect(read).toContain(accounts.columns[0]!.says[locale]);
      expect(read).toContain(purposes.service[locale]);
      expect(read).toContain(wordBasis('contract', locale));
      expect(wordBasis('contract', locale)).toContain('art. 6(1)(b)');
      expect(read).toContain(wordPeriod(accounts.retention, accounts.retention.after, locale));
      expect(read).toContain(wordErase({ action: 'delete-row' }, locale));
      expect(read).toContain(purposes.support[locale]);
      expect(read).toContain(wordPeriod(tickets.retention, tickets.retention.after, locale));
      expect(read).toContain(locale === 'fr' ? '2 enregistrements, dans support.json' : '2 records, in support.json');
      expect(read).toContain('support.json › tables › support_tickets › rows');
      expect(read).toContain('support.json › tables › support_tickets › named › assignee');
      expect(read).toContain(
        locale === 'fr'
          ? 'Enregistrements concernant d’autres personnes qui vous nomment'
          : 'Records about other people that name you',
      );
      // A table with nothing about the person is named once, without its facts.
      expect(read).toContain(
        `${locale === 'fr' ? 'Rien vous concernant dans :' : 'Nothing about you in:'} ${ordersTable.about[locale]}.`,
      );
      expect(read).not.toContain(wordPeriod(ordersTable.retention, ordersTable.retention.after, locale));
      expect(read).toContain(
        locale === 'fr' ? 'Qui, dans la boutique, a consulté vos données' : 'Who at the shop looked at your data',
      );
      expect(read).toContain('staff-accesses.json');
      expect(read).toContain('ada@example.test');
      expect(read).toContain(locale === 'fr' ? '3 décembre 2026' : '3 December 2026');
    });
  }

  it('states a hold: how long a column is kept after an erasure request, why, and on what basis', async () => {
    const held = (): ExportedModule => ({
      module: 'commerce',
      tables: [
        {
          table: ordersTable,
          columns: ['id', 'created_at', 'paid_at', 'email', 'ip', 'billing_name'],
          rows: lazily([{ id: 'o1', email: 'ada@example.test', ip: '203.0.113.9', billing_name: 'Ada L.' }]),
        },
      ],
    });
    for (const locale of ['fr', 'en'] as const) {
      const read = text((await archive(locale, { modules: [held()] })).entries.get('index.html')!.toString('utf8'));
      const billing = ordersTable.columns.find((column) => column.name === 'billing_name')!;
      expect(read).toContain(wordErase(billing.erase, locale));
      expect(read).toContain(wordBasis('legal-obligation', locale));
      expect(read).toContain(wordBasis('legitimate-interests', locale));
      expect(read).toContain(purposes.security[locale]);
    }
  });

  it('escapes markup in every value the index shows: the subject, the shop, a row', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { entries } = await archive('en', {
      subject: { label: attack },
      shopName: `Shop</title>${attack}`,
      modules: [
        {
          module: 'members',
          tables: [
            {
              table: accounts,
              columns: ['id', 'email', 'username'],
              rows: lazily([{ id: 'm1', email: attack, username: attack }]),
            },
          ],
        },
      ],
    });
    const html = entries.get('index.html')!.toString('utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<title>Your data at Shop&lt;/title>&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x',
    );
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(text(html)).toContain(attack);
    // The JSON keeps the value as it is stored.
    const members = JSON.parse(entries.get('members.json')!.toString('utf8'));
    expect(members.tables.accounts_members.rows[0].email).toBe(attack);
  });

  it('reports progress once per table, each table counted once whatever its parts', async () => {
    const seen: number[] = [];
    await archive('en', { onProgress: (done) => void seen.push(done) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a file name that could escape the archive or overwrite another', async () => {
    const file = path.join(scratch, 'refused.zip');
    await expect(
      writeExportArchive(contents('en', { modules: [{ module: '../etc', tables: [] }] }), file),
    ).rejects.toThrow('bad or repeated file "../etc.json"');
    await expect(
      writeExportArchive(
        contents('en', {
          modules: [{ module: 'index', tables: [] }],
          extras: [{ file: 'index.json', title: w('x'), rows: [] }],
        }),
        file,
      ),
    ).rejects.toThrow('bad or repeated file "index.json"');
  });

  it('rejects, stops reading rows and destroys the output when reading rows fails', async () => {
    let closed = false;
    async function* failing() {
      try {
        yield { id: 'm1' };
        throw new Error('connection lost');
      } finally {
        closed = true;
      }
    }
    const output = fs.createWriteStream(path.join(scratch, 'failed.zip'));
    await expect(
      writeExportArchive(
        contents('en', {
          modules: [{ module: 'members', tables: [{ table: accounts, columns: ['id'], rows: failing() }] }],
        }),
        output,
      ),
    ).rejects.toThrow('connection lost');
    expect(closed).toBe(true);
    expect(output.destroyed).toBe(true);
  });

  it('rejects and stops the rows when the output fails (a full disk)', async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          yield { id: `r${produced}`, email: randomBytes(200).toString('hex') };
        }
      } finally {
        closed = true;
      }
    }
    let writes = 0;
    const output = new Writable({
      write(_chunk, _encoding, done) {
        writes += 1;
        done(writes > 3 ? new Error('ENOSPC: no space left on device') : null);
      },
    });
    await expect(
      writeExportArchive(
        contents('en', {
          modules: [{ module: 'members', tables: [{ table: accounts, columns: ['id', 'email'], rows: endless() }] }],
        }),
        output,
      ),
    ).rejects.toThrow('ENOSPC');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    const stopped = produced;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced).toBe(stopped);
  });
});

/** 1.1 KB of hex per row: deflate halves it, so neither the JSON nor the ZIP is small. */
function bigRow(i: number) {
  return {
    id: `row-${i}`,
    created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    body: randomBytes(550).toString('hex'),
  };
}

const big = personal('bulk', 'bulk_events', {
  about: w('Events'),
  subject: [{ column: 'member_id', kind: 'account-id', of: ['member'] }],
  purposes: ['service'],
  basis: 'contract',
  retention: { keep: 'P1Y', from: 'created_at', after: w('the event'), reason: w('r') },
  erase: 'delete',
  columns: { body: { category: 'usage', says: w('What happened') } },
  nonPersonal: ['id', 'created_at'],
});

describe('the export archive streams (100,000 rows in one table; no database)', () => {
  it('pulls rows only as fast as the output takes them (backpressure from the output back to the rows)', async () => {
    let produced = 0;
    const total = 20_000;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        produced += 1;
        yield bigRow(i);
      }
    }
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let bytes = 0;
    const output = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        gate.then(() => done());
      },
    });
    const writing = writeExportArchive(
      contents('en', {
        modules: [{ module: 'bulk', tables: [{ table: big, columns: ['id', 'created_at', 'body'], rows: rows() }] }],
        extras: [],
      }),
      output,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    const whileBlocked = produced;
    console.info(`export archive, output blocked: ${whileBlocked} of ${total} rows read, ${bytes} bytes taken`);
    // A few hundred KB sit in the streams' buffers; the rest waits for the output.
    expect(whileBlocked).toBeGreaterThan(0);
    expect(whileBlocked).toBeLessThan(2_000);
    open();
    const result = await writing;
    expect(produced).toBe(total);
    expect(result.rows).toBe(total);
    expect(result.bytes).toBe(bytes);
  });

  it('keeps memory flat while writing 100,000 rows (over 100 MB of JSON) to a file', {
    timeout: 120_000,
  }, async () => {
    const total = 100_000;
    const file = path.join(scratch, 'big.zip');
    const fd = fs.openSync(file, 'w');
    let produced = 0;
    let writesDuringProduction = 0;
    let written = 0;
    let rowsAtFirstMegabyte: number | undefined;
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (produced < total) writesDuringProduction += 1;
        written += chunk.length;
        if (written >= 1024 * 1024) rowsAtFirstMegabyte ??= produced;
        fs.write(fd, chunk, (error) => done(error));
      },
      final(done) {
        fs.close(fd, done);
      },
    });
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        produced += 1;
        if (i % 2_000 === 0) {
          const now = process.memoryUsage();
          peakRss = Math.max(peakRss, now.rss);
          peakHeap = Math.max(peakHeap, now.heapUsed);
        }
        yield bigRow(i);
      }
    }
    const started = performance.now();
    const result = await writeExportArchive(
      contents('en', {
        modules: [{ module: 'bulk', tables: [{ table: big, columns: ['id', 'created_at', 'body'], rows: rows() }] }],
        extras: [],
      }),
      output,
    );
    const seconds = (performance.now() - started) / 1000;
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    const zipped = fs.readFileSync(file);
    const entry = centralDirectory(zipped).find((e) => e.name === 'bulk.json')!;
    const indexEntry = centralDirectory(zipped).find((e) => e.name === 'index.html')!;
    const index = text(entryData(zipped, indexEntry).toString('utf8'));
    console.info(
      `export archive, ${total} rows: JSON ${mb(entry.size)} MB, ZIP ${mb(result.bytes)} MB in ${seconds.toFixed(1)} s; ` +
        `growth rss +${mb(peakRss - before.rss)} MB, heapUsed +${mb(peakHeap - before.heapUsed)} MB; ` +
        `${writesDuringProduction} writes before the last row, the first MB out after ${rowsAtFirstMegabyte} rows`,
    );
    expect(result.rows).toBe(total);
    expect(fs.statSync(file).size).toBe(result.bytes);
    // Holding the JSON would by itself exceed the bound: the measure can fail.
    expect(entry.size).toBeGreaterThan(100 * 1024 * 1024);
    expect(peakRss - before.rss).toBeLessThan(100 * 1024 * 1024);
    expect(peakHeap - before.heapUsed).toBeLessThan(100 * 1024 * 1024);
    // Written while the rows were produced, not after.
    expect(rowsAtFirstMegabyte).toBeLessThan(total / 10);
    expect(writesDuringProduction).toBeGreaterThan(100);

    // Every row is in the file: inflated as a stream, counted line by line.
    let lines = 0;
    let carry = '';
    const zip = await fs.promises.open(file);
    const start = entry.localOffset + 30 + 'bulk.json'.length;
    const { buffer: header } = await zip.read(Buffer.alloc(30), 0, 30, entry.localOffset);
    const extra = header.readUInt16LE(28);
    await zip.close();
    const inflate = fs
      .createReadStream(file, { start: start + extra, end: start + extra + entry.compressedSize - 1 })
      .pipe(zlib.createInflateRaw());
    for await (const chunk of inflate) {
      const parts = (carry + chunk.toString('utf8')).split('\n');
      carry = parts.pop() ?? '';
      lines += parts.filter((line) => line.startsWith('{"id":"row-')).length;
    }
    expect(lines).toBe(total);
    expect(index).toContain('100,000 records, in bulk.json › tables › bulk_events › rows');
    expect(index).toContain('The first 5 of 100,000:');
  });
});
