import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SplicedGzip } from './spliced-gzip.js';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('a gzip body spliced from parts compressed once and pieces put in per response', () => {
  it('decodes (CRC and length checked by zlib) to the parts and pieces in order, whatever they are', () => {
    const page = '<!doctype html><html lang="fr"><body><p>Café ’ €</p>'.repeat(200);
    const cases: { parts: Buffer[]; pieces: Buffer[] }[] = [
      { parts: [text(page), text(page)], pieces: [text('token.one')] },
      { parts: [text(page), text('<p>'), text(page)], pieces: [text('nonce'), text('csrf-value')] },
      { parts: [text(''), text(page), text('')], pieces: [text('first'), text('last')] },
      { parts: [text(page)], pieces: [] },
      { parts: [text('a'), text('b')], pieces: [Buffer.alloc(0)] },
      { parts: [randomBytes(70_000), randomBytes(3)], pieces: [randomBytes(65_535)] },
    ];
    for (const { parts, pieces } of cases) {
      const spliced = new SplicedGzip(parts);
      const expected = Buffer.concat(parts.flatMap((part, i) => (pieces[i] ? [part, pieces[i]] : [part])));
      expect(zlib.gunzipSync(spliced.body(pieces)).equals(expected)).toBe(true);
      // Built once, spliced again with other pieces: still right.
      const others = pieces.map((piece) => randomBytes(piece.length || 1));
      const again = Buffer.concat(parts.flatMap((part, i) => (others[i] ? [part, others[i]] : [part])));
      expect(zlib.gunzipSync(spliced.body(others)).equals(again)).toBe(true);
    }
  });

  it('compresses the fixed parts about as well as gzip does the whole', () => {
    const page = text(
      '<section><h2>Article</h2><p>Le vendeur rembourse la totalité des sommes versées.</p></section>'.repeat(100),
    );
    const spliced = new SplicedGzip([page, page]).body([text('Xy_12.token')]);
    const whole = zlib.gzipSync(Buffer.concat([page, text('Xy_12.token'), page]), { level: 6 });
    expect(spliced.length).toBeLessThan(whole.length * 1.5 + 64);
  });

  it('refuses a piece too long for one stored block', () => {
    expect(() => new SplicedGzip([text('a'), text('b')]).body([Buffer.alloc(65_536)])).toThrow(/65535/);
  });
});
