import type { CleanedImage } from './cleaned-image.js';
import { cleanJpeg } from './jpeg-file.js';
import { cleanPng } from './png-file.js';
import { cleanWebp } from './webp-file.js';

/** The photo formats a browser shows everywhere and a shop needs: no SVG (it can carry scripts), no HEIC. */
export const imageFormats = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
} as const;
export type ImageFormat = keyof typeof imageFormats;

export interface ReadImage extends CleanedImage {
  format: ImageFormat;
}

/** Why a file is refused, as a field problem code says it (src/web/field-wording.ts: `photo-…`). */
export type ImageProblem = 'photo-empty' | 'photo-type' | 'photo-unreadable' | 'photo-dimensions';

/**
 * The format, from the file's first bytes only: never its name or the content type a browser
 * sent, which say what the sender claims.
 */
export function imageFormatOf(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return undefined;
}

const cleaners = { jpeg: cleanJpeg, png: cleanPng, webp: cleanWebp } as const;

/**
 * Reads an uploaded image: its format (magic bytes), its width and height (from its header),
 * and the bytes to keep, without the metadata that says where, when and with what it was taken
 * (GPS position, device, owner, dates, comments). A file that is not one of the formats, cannot
 * be read through, or is wider or taller than `maxSide` pixels is a problem, not an image.
 */
export function readImage(bytes: Buffer, options: { maxSide: number }): ReadImage | { problem: ImageProblem } {
  if (bytes.length === 0) return { problem: 'photo-empty' };
  const format = imageFormatOf(bytes);
  if (!format) return { problem: 'photo-type' };
  const cleaned = cleaners[format](bytes);
  if (!cleaned) return { problem: 'photo-unreadable' };
  if (cleaned.width > options.maxSide || cleaned.height > options.maxSide) return { problem: 'photo-dimensions' };
  return { format, ...cleaned };
}
