import type { CleanedImage } from './cleaned-image.js';

/** The chunks a WebP keeps: the image, its alpha, colour profile and animation. EXIF and XMP go, and any other. */
const kept = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);
/** VP8X flags that announce EXIF (0x08) and XMP (0x04) chunks: cleared with the chunks. */
const metadataFlags = 0x08 | 0x04;

/**
 * A WebP (RIFF container, RFC 9649) walked chunk by chunk: its size from the first chunk (VP8X
 * canvas, VP8 frame header or VP8L header), and the same image with the chunks above only, the
 * RIFF size made right and nothing after it. Undefined when the file is not a whole, readable WebP.
 */
export function cleanWebp(input: Buffer): CleanedImage | undefined {
  if (input.length < 20 || input.toString('latin1', 0, 4) !== 'RIFF' || input.toString('latin1', 8, 12) !== 'WEBP')
    return undefined;
  const riffEnd = 8 + input.readUInt32LE(4);
  if (riffEnd > input.length || riffEnd < 20) return undefined;
  const chunks: Buffer[] = [];
  let size: { width: number; height: number } | undefined;
  let images = 0;
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const fourcc = input.toString('latin1', offset, offset + 4);
    const length = input.readUInt32LE(offset + 4);
    const dataEnd = offset + 8 + length;
    // Chunks are padded to an even size; the last one's padding may be missing.
    const end = Math.min(dataEnd + (length % 2), riffEnd);
    if (dataEnd > riffEnd) return undefined;
    const data = input.subarray(offset + 8, dataEnd);
    if (!size) {
      size = sizeOf(fourcc, data);
      if (!size) return undefined;
    }
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') images += 1;
    if (kept.has(fourcc)) {
      const chunk = Buffer.alloc(8 + length + (length % 2));
      input.copy(chunk, 0, offset, dataEnd);
      if (fourcc === 'VP8X') chunk[8] = (chunk[8] as number) & ~metadataFlags;
      chunks.push(chunk);
    }
    offset = end;
  }
  if (!size || images === 0) return undefined;
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return { bytes: Buffer.concat([head, body]), ...size };
}

function sizeOf(fourcc: string, data: Buffer): { width: number; height: number } | undefined {
  if (fourcc === 'VP8X' && data.length >= 10)
    return { width: 1 + data.readUIntLE(4, 3), height: 1 + data.readUIntLE(7, 3) };
  // A lossy key frame: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
  if (fourcc === 'VP8 ' && data.length >= 10 && data[3] === 0x9d && data[4] === 0x01 && data[5] === 0x2a) {
    const width = data.readUInt16LE(6) & 0x3fff;
    const height = data.readUInt16LE(8) & 0x3fff;
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  // Lossless: the signature 0x2F, then width − 1 and height − 1 in 14 bits each.
  if (fourcc === 'VP8L' && data.length >= 5 && data[0] === 0x2f) {
    const bits = data.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}
