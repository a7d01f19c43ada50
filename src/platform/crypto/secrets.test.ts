import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from './secrets.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-secrets-'));

describe('secrets', () => {
  it('generates them on the first run, private to the owner, and keeps them afterwards', () => {
    const dataDir = tempDir();
    const first = loadSecrets({ secretKey: undefined, dataDir });
    expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const again = loadSecrets({ secretKey: undefined, dataDir });
    expect(again.sign('csrf', 'x')).toBe(first.sign('csrf', 'x'));
    expect(fs.readdirSync(dataDir)).toEqual(['secrets.json']);
  });

  it('derives a different key per purpose, and follows SECRET_KEY when set', () => {
    const dataDir = tempDir();
    const secrets = loadSecrets({ secretKey: 'k'.repeat(40), dataDir });
    expect(secrets.key('csrf').equals(secrets.key('rate-limit'))).toBe(false);
    const otherProcess = loadSecrets({ secretKey: 'k'.repeat(40), dataDir: tempDir() });
    expect(otherProcess.sign('csrf', 'x')).toBe(secrets.sign('csrf', 'x'));
  });

  it('refuses a damaged secrets file with a message saying what to do', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'secrets.json'), '{"masterKey":"short"}');
    expect(() => loadSecrets({ secretKey: undefined, dataDir })).toThrow('is damaged');
  });
});

describe('randomId', () => {
  it('never repeats, across pool refills, and has the requested entropy', async () => {
    const { randomId } = await import('./tokens.js');
    const ids = Array.from({ length: 5000 }, () => randomId());
    expect(new Set(ids).size).toBe(5000);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
    expect(randomId(9)).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(randomId(8192)).toHaveLength(10923);
  });
});
