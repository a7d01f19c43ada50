import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentFiles } from './content-files.js';

const dirs: string[] = [];
function files() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-media-'));
  dirs.push(dir);
  return new ContentFiles(path.join(dir, 'media', 'products'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = Buffer.from('the same photo');
const hash = createHash('sha256').update(bytes).digest('hex');

describe('files named by their content', () => {
  it('stores the same bytes once, under the SHA-256 of the bytes, and leaves no temporary file', async () => {
    const store = files();
    const name = await store.put(bytes, 'jpg');
    expect(name).toBe(`${hash}.jpg`);
    expect(await store.put(Buffer.from(bytes), 'jpg')).toBe(name);
    expect(fs.readdirSync(store.directory)).toEqual([name]);
    expect(fs.readFileSync(store.pathOf(name)).equals(bytes)).toBe(true);
    const opened = await store.open(name);
    expect(opened?.size).toBe(bytes.length);
    opened?.stream.destroy();
  });

  it('looks up names of the exact shape only: no path can be made of one', async () => {
    const store = files();
    await store.put(bytes, 'png');
    for (const name of [
      '../secrets.json',
      `${hash}.png/../x`,
      `${hash.toUpperCase()}.png`,
      `${hash}.svg`,
      `${hash}.png.tmp`,
    ])
      expect(await store.open(name), name).toBeUndefined();
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
    expect(await store.open(`${'0'.repeat(64)}.png`)).toBeUndefined();
  });

  it('removes a file only when no row names it, and puts it back when a row naming it came meanwhile', async () => {
    const store = files();
    const name = await store.put(bytes, 'webp');
    await store.remove(name, async () => true);
    expect(await store.has(name)).toBe(true);

    // The same photo added while it was being removed: asked again after moving it aside, a row names it.
    let asked = 0;
    await store.remove(name, async () => {
      asked += 1;
      return asked > 1;
    });
    expect(await store.has(name)).toBe(true);
    expect(fs.readdirSync(store.directory)).toEqual([name]);

    await store.remove(name, async () => false);
    expect(await store.has(name)).toBe(false);
    expect(fs.readdirSync(store.directory)).toEqual([]);
    // Removing what is not there, or writing it back for a row that names it, is fine.
    await store.remove(name, async () => false);
    await store.ensure(name, bytes);
    expect(fs.readFileSync(store.pathOf(name)).equals(bytes)).toBe(true);
  });
});
