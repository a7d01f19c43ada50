import zlib from 'node:zlib';
import type { CleanedImage } from './cleaned-image.js';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks a PNG keeps (PNG 3rd edition): the image (IHDR, PLTE, IDAT, IEND), how to show it
 * (transparency, colour space and profile, gamma, pixel size, background, palette histograms)
 * and APNG's animation. Everything else goes: eXIf (Exif, GPS included), tEXt, iTXt and zTXt
 * (free text: authors, software, XMP), tIME, and any private chunk, whose content nobody can vouch for.
 */
const kept = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCV',
  'cLLI',
  'bKGD',
  'hIST',
  'pHYs',
  'sPLT',
  'acTL',
  'fcTL',
  'fdAT',
]);

/**
 * A PNG walked chunk by chunk: its size from IHDR (first, 13 bytes, with a right CRC), and the
 * same image with only the chunks above, ending at IEND (anything after it is dropped).
 * Undefined when the file is not a whole, readable PNG.
 */
export function cleanPng(input: Buffer): CleanedImage | undefined {
  if (input.length < signature.length + 25 || !input.subarray(0, 8).equals(signature)) return undefined;
  const parts: Buffer[] = [signature];
  let offset = signature.length;
  let size: { width: number; height: number } | undefined;
  let images = 0;
  while (offset + 12 <= input.length) {
    const length = input.readUInt32BE(offset);
    const type = input.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > input.length || !/^[A-Za-z]{4}$/.test(type)) return undefined;
    const chunk = input.subarray(offset, end);
    if (!size) {
      if (type !== 'IHDR' || length !== 13) return undefined;
      const crc = input.readUInt32BE(end - 4);
      if (zlib.crc32(input.subarray(offset + 4, end - 4)) !== crc) return undefined;
      size = { width: input.readUInt32BE(offset + 8), height: input.readUInt32BE(offset + 12) };
      if (size.width === 0 || size.height === 0) return undefined;
    }
    if (type === 'IDAT') images += 1;
    if (kept.has(type)) parts.push(chunk);
    offset = end;
    if (type === 'IEND') return images > 0 && size ? { bytes: Buffer.concat(parts), ...size } : undefined;
  }
  // No IEND: a truncated file.
  return undefined;
}
