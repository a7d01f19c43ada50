import { describe, expect, it } from 'vitest';
import { type ReadImage, imageFormatOf, readImage } from './image-file.js';
import {
  jpeg3x2,
  jpegWithMetadata,
  png,
  pngChunk,
  pngWithMetadata,
  riff,
  riffChunk,
  secrets,
  simpleWebp,
  webp3x2,
  webpChunks,
  webpLossless3x2,
  webpWithMetadata,
} from './images.fixture.js';

const read = (bytes: Buffer) => readImage(bytes, { maxSide: 8000 });
const image = (bytes: Buffer): ReadImage => {
  const result = read(bytes);
  if ('problem' in result) throw new Error(`refused: ${result.problem}`);
  return result;
};
const sizeOf = (result: ReturnType<typeof read>) =>
  'problem' in result ? result.problem : [result.format, result.width, result.height];

/** The JPEG's APPn and COM segments, as [marker, payload] until the first scan. */
function jpegSegments(jpeg: Buffer): [number, Buffer][] {
  const segments: [number, Buffer][] = [];
  for (let at = 2; at < jpeg.length && jpeg[at + 1] !== 0xda; ) {
    const length = jpeg.readUInt16BE(at + 2);
    segments.push([jpeg[at + 1] as number, jpeg.subarray(at + 4, at + 2 + length)]);
    at += 2 + length;
  }
  return segments;
}

/** From the first scan (SOS) to the end of the image (EOI): the compressed picture itself. */
function scans(jpeg: Buffer): Buffer {
  const start = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return jpeg.subarray(start, jpeg.indexOf(Buffer.from([0xff, 0xd9]), start) + 2);
}

describe('reading an uploaded image', () => {
  it('tells the format from the first bytes only, and reads the size from the header', () => {
    expect(sizeOf(read(jpeg3x2))).toEqual(['jpeg', 3, 2]);
    expect(sizeOf(read(webp3x2))).toEqual(['webp', 3, 2]);
    expect(sizeOf(read(webpLossless3x2))).toEqual(['webp', 3, 2]);
    expect(sizeOf(read(simpleWebp()))).toEqual(['webp', 3, 2]);
    expect(sizeOf(read(png(640, 427)))).toEqual(['png', 640, 427]);
    expect(imageFormatOf(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('refuses what is not a whole JPEG, PNG or WebP: text, SVG, a header with garbage, a cut file, empty', () => {
    expect(sizeOf(read(Buffer.alloc(0)))).toBe('photo-empty');
    expect(sizeOf(read(Buffer.from('This is not a photo, just text named photo.jpg')))).toBe('photo-type');
    expect(sizeOf(read(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>')))).toBe(
      'photo-type',
    );
    expect(
      sizeOf(read(Buffer.concat([png(2, 2).subarray(0, 8), Buffer.from('garbage garbage garbage garbage')]))),
    ).toBe('photo-unreadable');
    // The same PNG header with its CRC broken, or without its end.
    const broken = Buffer.from(png(2, 2));
    broken[20] = 0xff;
    expect(sizeOf(read(broken))).toBe('photo-unreadable');
    expect(sizeOf(read(png(2, 2).subarray(0, 45)))).toBe('photo-unreadable');
    expect(sizeOf(read(jpeg3x2.subarray(0, jpeg3x2.length - 40)))).toBe('photo-unreadable');
    expect(sizeOf(read(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff])))).toBe('photo-unreadable');
    expect(sizeOf(read(webp3x2.subarray(0, 100)))).toBe('photo-unreadable');
    expect(sizeOf(read(riff([riffChunk('JUNK', Buffer.from('abcd'))])))).toBe('photo-unreadable');
    // A PNG of no pixels, and one far too large for a web page.
    expect(sizeOf(read(png(0, 2)))).toBe('photo-unreadable');
    expect(sizeOf(read(png(8001, 10)))).toBe('photo-dimensions');
    expect(sizeOf(readImage(png(100, 10), { maxSide: 99 }))).toBe('photo-dimensions');
  });

  it('withstands random bytes behind each signature without throwing', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    for (const start of [jpeg3x2.subarray(0, 40), png(2, 2).subarray(0, 33), webp3x2.subarray(0, 30)])
      for (let i = 0; i < 300; i += 1) {
        const noise = Buffer.from(Array.from({ length: 1 + (i % 64) }, random));
        expect(() => read(Buffer.concat([start, noise]))).not.toThrow();
      }
  });
});

describe('removing what an image says about where and with what it was taken', () => {
  it('takes Exif with its GPS position, XMP, IPTC, comments, MPF and the appended picture out of a JPEG; the picture itself is unchanged', () => {
    const phone = jpegWithMetadata(jpeg3x2);
    expect(phone.toString('latin1')).toContain(secrets.make);
    const cleaned = image(phone);
    expect([cleaned.format, cleaned.width, cleaned.height]).toEqual(['jpeg', 3, 2]);
    const text = cleaned.bytes.toString('latin1');
    for (const secret of Object.values(secrets)) expect(text, secret).not.toContain(secret);
    const markers = jpegSegments(cleaned.bytes).map(([marker]) => marker);
    // No APP1 (Exif, XMP), APP13 or COM left; JFIF, the ICC profile (APP2), tables and frame kept.
    expect(markers).not.toContain(0xe1);
    expect(markers).not.toContain(0xed);
    expect(markers).not.toContain(0xfe);
    expect(markers).toEqual([0xe0, 0xe2, 0xdb, 0xdb, 0xc0, 0xc4, 0xc4, 0xc4, 0xc4]);
    expect(jpegSegments(cleaned.bytes)[1]?.[1].toString('latin1', 0, 12)).toBe('ICC_PROFILE\0');
    // The compressed picture is byte for byte the one uploaded, and the file ends with it.
    expect(scans(cleaned.bytes).equals(scans(phone))).toBe(true);
    expect(cleaned.bytes.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    // And the file reads again as the same image: what Chromium encoded, less nothing it needs.
    expect(cleaned.bytes.equals(jpeg3x2)).toBe(true);
    expect(sizeOf(read(cleaned.bytes))).toEqual(['jpeg', 3, 2]);
  });

  it('keeps the orientation of a phone photo taken upright, alone in a new Exif block, and gives its size as it shows', () => {
    const upright = image(jpegWithMetadata(jpeg3x2, 6));
    // Stored 3 wide and 2 high, turned a quarter: it shows 2 wide and 3 high.
    expect([upright.width, upright.height]).toEqual([2, 3]);
    const app1 = jpegSegments(upright.bytes).filter(([marker]) => marker === 0xe1);
    expect(app1).toHaveLength(1);
    // "Exif", a big-endian TIFF header, one IFD with one entry: Orientation (0x0112) = 6, no next IFD.
    expect(app1[0]?.[1].toString('hex')).toBe(
      `${Buffer.from('Exif\0\0').toString('hex')}4d4d002a00000008000101120003000000010006000000000000`,
    );
    expect(upright.bytes.toString('latin1')).not.toContain(secrets.make);
    expect(scans(upright.bytes).equals(scans(jpeg3x2))).toBe(true);
    // JFIF's APP0 stays first when the file has one; the Exif block follows it.
    expect(jpegSegments(upright.bytes)[0]?.[0]).toBe(0xe0);
    expect(jpegSegments(upright.bytes)[1]?.[0]).toBe(0xe1);
  });

  it('takes eXIf, tEXt, iTXt, zTXt, tIME and private chunks out of a PNG, and keeps the pixels and their density', () => {
    const cleaned = image(pngWithMetadata());
    const types: string[] = [];
    for (let at = 8; at < cleaned.bytes.length; at += 12 + cleaned.bytes.readUInt32BE(at))
      types.push(cleaned.bytes.toString('latin1', at + 4, at + 8));
    expect(types).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    for (const secret of [secrets.comment, secrets.model])
      expect(cleaned.bytes.toString('latin1')).not.toContain(secret);
    expect(
      cleaned.bytes.equals(png(4, 3, [pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]))])),
    ).toBe(true);
  });

  it('takes EXIF and XMP chunks out of a WebP and clears their flags; the image chunks are unchanged', () => {
    for (const webp of [webp3x2, webpLossless3x2]) {
      const tagged = webpWithMetadata(webp);
      expect((webpChunks(tagged)[0]?.[1][0] as number) & 0x0c).toBe(0x0c);
      const cleaned = image(tagged);
      expect(webpChunks(cleaned.bytes).map(([fourcc]) => fourcc)).toEqual(webpChunks(webp).map(([fourcc]) => fourcc));
      expect((webpChunks(cleaned.bytes)[0]?.[1][0] as number) & 0x0c).toBe(0);
      expect(cleaned.bytes.toString('latin1')).not.toContain(secrets.model);
      expect(cleaned.bytes.readUInt32LE(4)).toBe(cleaned.bytes.length - 8);
      expect(cleaned.bytes.equals(webp)).toBe(true);
    }
  });
});
