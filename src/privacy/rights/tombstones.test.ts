import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from '../../platform/crypto/secrets.js';
import { dataSubject } from './data-subject.js';
import { Tombstones } from './tombstones.js';

describe('erasure tombstones (a file, outside the database)', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-tombstones-'));
  const secrets = loadSecrets({ secretKey: 'a-test-key-that-is-long-enough-to-use-0123', dataDir: directory });
  const file = path.join(directory, 'erasure-tombstones.jsonl');
  const tombstones = new Tombstones(file, secrets);
  const olga = dataSubject('member', 'member-olga', ['Olga@Example.com']);

  it('keeps keyed hashes of the identifiers, never the identifiers, once per request', async () => {
    await tombstones.record('r1', olga, new Date('2026-12-03T10:00:00Z'));
    await tombstones.record('r1', olga, new Date('2026-12-03T10:05:00Z'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/olga/i);
    expect(await tombstones.all()).toEqual([
      {
        at: '2026-12-03T10:00:00.000Z',
        request: 'r1',
        identifiers: [tombstones.hashOf('account:member:member-olga'), tombstones.hashOf('email:olga@example.com')],
      },
    ]);
  });

  it('ignores a line cut short by a crash, and does not glue the next one to it', async () => {
    fs.appendFileSync(file, '{"at":"2026-12-03T11:00:00.000Z","request":"r2","identi');
    await tombstones.record('r2', olga, new Date('2026-12-03T11:01:00Z'));
    expect((await tombstones.all()).map((tombstone) => tombstone.request)).toEqual(['r1', 'r2']);
  });
});
