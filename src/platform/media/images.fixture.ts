import zlib from 'node:zlib';

/**
 * Small real images for tests, and the metadata phones and editors put in them. The JPEG and the
 * WebPs are 3 × 2 pixels, encoded by Chromium (canvas.toBlob), with its sRGB colour profile;
 * the PNG is built here with zlib.
 */
export const jpeg3x2 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAYEAEBAQEBAAAAAAAAAAAAAAABAAIhQf/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAGBEAAwEBAAAAAAAAAAAAAAAAAAECMTL/2gAMAwEAAhEDEQA/AI6uldKr1X2SVFHKD61n/9k=',
  'base64',
);

/** Lossy, extended format (VP8X with an ICC profile). */
export const webp3x2 = Buffer.from(
  'UklGRiYCAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggOAAAALABAJ0BKgMAAgACwEwlqAJ0ugAEZoAA/u3Q19h2byCALf+TXWHuL3yeAxW9u8gP0wadWk05YOAA',
  'base64',
);

/** Lossless, extended format. */
export const webpLossless3x2 = Buffer.from(
  'UklGRgQCAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDhMFgAAAC8CQAAAD3AnqHdgfwZ7/oMHExDR/wg=',
  'base64',
);

/** A RIFF chunk: four-character code, little-endian size, data, padded to an even size. */
export function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

export function riff(chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** The chunks of a WebP, as [fourcc, data]. */
export function webpChunks(webp: Buffer): [string, Buffer][] {
  const chunks: [string, Buffer][] = [];
  for (let at = 12; at + 8 <= webp.length; ) {
    const size = webp.readUInt32LE(at + 4);
    chunks.push([webp.toString('latin1', at, at + 4), webp.subarray(at + 8, at + 8 + size)]);
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The simple format: one lossy VP8 chunk, no VP8X (older encoders, cwebp by default). */
export function simpleWebp(): Buffer {
  const vp8 = webpChunks(webp3x2).find(([fourcc]) => fourcc === 'VP8 ');
  if (!vp8) throw new Error('no VP8 chunk');
  return riff([riffChunk('VP8 ', vp8[1])]);
}

/** A PNG chunk: big-endian length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of one colour, with `extra` chunks after IHDR. */
export function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per sample
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7c)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface IfdEntry {
  tag: number;
  type: 2 | 3 | 4 | 5;
  count: number;
  data: Buffer;
}
const ascii = (tag: number, value: string): IfdEntry => {
  const data = Buffer.from(`${value}\0`, 'latin1');
  return { tag, type: 2, count: data.length, data };
};
const rationals = (tag: number, values: [number, number][]): IfdEntry => {
  const data = Buffer.alloc(values.length * 8);
  values.forEach(([n, d], i) => {
    data.writeUInt32BE(n, i * 8);
    data.writeUInt32BE(d, i * 8 + 4);
  });
  return { tag, type: 5, count: values.length, data };
};

/** A big-endian TIFF structure of IFDs, each entry's data inline (≤ 4 bytes) or after the IFDs. */
function tiff(ifds: IfdEntry[][]): Buffer {
  const ifdOffsets: number[] = [];
  let at = 8;
  for (const entries of ifds) {
    ifdOffsets.push(at);
    at += 2 + entries.length * 12 + 4;
  }
  const out = Buffer.alloc(at + ifds.flat().reduce((n, e) => n + (e.data.length > 4 ? e.data.length + 1 : 0), 0));
  out.write('MM', 0, 'latin1');
  out.writeUInt16BE(42, 2);
  out.writeUInt32BE(8, 4);
  let dataAt = at;
  ifds.forEach((entries, i) => {
    let p = ifdOffsets[i] as number;
    out.writeUInt16BE(entries.length, p);
    p += 2;
    for (const entry of entries) {
      out.writeUInt16BE(entry.tag, p);
      out.writeUInt16BE(entry.type, p + 2);
      out.writeUInt32BE(entry.count, p + 4);
      if (entry.data.length <= 4) entry.data.copy(out, p + 8);
      else {
        out.writeUInt32BE(dataAt, p + 8);
        entry.data.copy(out, dataAt);
        dataAt += entry.data.length + (entry.data.length % 2);
      }
      p += 12;
    }
    out.writeUInt32BE(0, p);
  });
  return out;
}

/** What the metadata below says, to look for in a cleaned file. */
export const secrets = {
  make: 'PhoneMakerCo',
  model: 'SecretModel X',
  comment: 'taken at home by Jane',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  iptc: 'Photoshop 3.0',
  trailing: 'MPF-SECOND-IMAGE',
};

/** Exif as a phone writes it: make, model, orientation, and a GPS position (48.8566 N, 2.3522 E). */
export function exif(orientation = 1): Buffer {
  const gpsIfdOffset = 8 + 2 + 4 * 12 + 4;
  const ifd0: IfdEntry[] = [
    ascii(0x010f, secrets.make),
    ascii(0x0110, secrets.model),
    { tag: 0x0112, type: 3, count: 1, data: Buffer.from([0, orientation, 0, 0]) },
    { tag: 0x8825, type: 4, count: 1, data: Buffer.from([0, 0, 0, gpsIfdOffset]) },
  ];
  const gps: IfdEntry[] = [
    ascii(0x0001, 'N'),
    rationals(0x0002, [
      [48, 1],
      [51, 1],
      [2376, 100],
    ]),
    ascii(0x0003, 'E'),
    rationals(0x0004, [
      [2, 1],
      [21, 1],
      [792, 100],
    ]),
  ];
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff([ifd0, gps])]);
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/**
 * A JPEG as a phone or an editor leaves it: Exif (GPS, device, orientation) and XMP (APP1), IPTC
 * (APP13), a comment, an MPF index (APP2) and a second picture after the end of the first.
 */
export function jpegWithMetadata(jpeg: Buffer, orientation = 1): Buffer {
  const added = Buffer.concat([
    segment(0xe1, exif(orientation)),
    segment(0xe1, Buffer.from(`${secrets.xmp}\0<x:xmpmeta><rdf:li>Jane Doe</rdf:li></x:xmpmeta>`, 'latin1')),
    segment(0xed, Buffer.from(`${secrets.iptc}\u00008BIM creator Jane`, 'latin1')),
    segment(0xfe, Buffer.from(secrets.comment, 'latin1')),
    segment(0xe2, Buffer.from('MPF\0MM\0*', 'latin1')),
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), added, jpeg.subarray(2), Buffer.from(secrets.trailing, 'latin1'), jpeg]);
}

/** A WebP with EXIF and XMP chunks, announced in its VP8X flags, as editors write them. */
export function webpWithMetadata(webp: Buffer): Buffer {
  const chunks = webpChunks(webp).map(([fourcc, data]) => {
    if (fourcc !== 'VP8X') return riffChunk(fourcc, data);
    const flagged = Buffer.from(data);
    flagged[0] = (flagged[0] as number) | 0x08 | 0x04;
    return riffChunk(fourcc, flagged);
  });
  return riff([
    ...chunks,
    riffChunk('EXIF', exif().subarray(6)),
    riffChunk('XMP ', Buffer.from(`<x:xmpmeta>${secrets.model}</x:xmpmeta>`)),
  ]);
}

/** A PNG with every metadata chunk the format has, and a private one. */
export function pngWithMetadata(): Buffer {
  return png(4, 3, [
    pngChunk('eXIf', exif().subarray(6)),
    pngChunk('tEXt', Buffer.from(`Author\0${secrets.comment}`, 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), zlib.deflateSync(secrets.make)])),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${secrets.model}`, 'latin1')),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 4, 10, 0, 0])),
    pngChunk('prVt', Buffer.from(secrets.model, 'latin1')),
    pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
  ]);
}
