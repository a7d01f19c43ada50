import type { CleanedImage } from './cleaned-image.js';

/**
 * A JPEG read marker by marker (ITU T.81, JFIF, Exif 2.3): its size from the frame header, and
 * the same image without what a camera or phone adds about where, when and with what it was
 * taken. Kept: the image itself (tables, frame, scans), JFIF (APP0), the colour profile (APP2
 * ICC_PROFILE) and Adobe's colour transform (APP14, needed to decode CMYK). Dropped: Exif and
 * XMP (APP1: GPS position, device, serial numbers, a thumbnail), IPTC (APP13), comments, every
 * other APPn (MPF, vendor notes) and anything after the end of the image (the extra pictures
 * phones append: depth maps, HDR gain maps, each with its own Exif). The orientation is the one
 * Exif value kept, alone in a new, minimal APP1: without it a portrait phone photo would show
 * on its side. Undefined when the file is not a whole, readable JPEG.
 */
export function cleanJpeg(input: Buffer): CleanedImage | undefined {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return undefined;
  const kept: Buffer[] = [];
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  let orientation = 1;
  while (offset < input.length) {
    if (input[offset] !== 0xff) return undefined;
    // A marker may be preceded by any number of fill bytes (0xFF).
    while (offset < input.length && input[offset] === 0xff) offset += 1;
    const marker = input[offset];
    offset += 1;
    if (marker === undefined) return undefined;
    if (marker === 0xd9) {
      if (!size) return undefined;
      return finish(kept, size, orientation);
    }
    // Markers without a length: restart markers and TEM.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (offset + 2 > input.length) return undefined;
    const length = input.readUInt16BE(offset);
    if (length < 2 || offset + length > input.length) return undefined;
    const payload = input.subarray(offset + 2, offset + length);
    const segment = Buffer.concat([Buffer.from([0xff, marker]), input.subarray(offset, offset + length)]);
    offset += length;

    if (isFrameHeader(marker)) {
      if (payload.length < 6) return undefined;
      // The first frame is the image (a hierarchical file's later frames refine it).
      size ??= { height: payload.readUInt16BE(1), width: payload.readUInt16BE(3) };
    }
    if (marker === 0xe1 && startsWith(payload, 'Exif\0\0')) orientation = exifOrientation(payload.subarray(6));
    if (keeps(marker, payload)) kept.push(segment);

    if (marker === 0xda) {
      if (!size) return undefined;
      const end = endOfScan(input, offset);
      if (end === undefined) return undefined;
      kept.push(input.subarray(offset, end));
      offset = end;
    }
  }
  // No end of image: a truncated file.
  return undefined;
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function keeps(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return startsWith(payload, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(payload, 'Adobe');
  // Every other APPn (E1–EF) and comments (FE) go.
  return !((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe);
}

/**
 * Where a scan's entropy-coded data ends: at the first marker that is not a stuffed zero
 * (FF 00) or a restart marker (FF D0–D7) inside it.
 */
function endOfScan(input: Buffer, from: number): number | undefined {
  let at = input.indexOf(0xff, from);
  while (at !== -1 && at + 1 < input.length) {
    const next = input[at + 1] as number;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at = input.indexOf(0xff, at + 2);
    else if (next === 0xff) at += 1;
    else return at;
  }
  return undefined;
}

/** The Exif orientation (1–8) from IFD0 of a TIFF structure; 1 when absent or unreadable. */
function exifOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    // Tag 0x0112, type SHORT, one value.
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** APP1 with an Exif block that holds the orientation and nothing else (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  // Two bytes of padding, then no next IFD (0).
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function finish(
  kept: Buffer[],
  size: { width: number; height: number },
  orientation: number,
): CleanedImage | undefined {
  if (size.width === 0 || size.height === 0) return undefined;
  const soi = Buffer.from([0xff, 0xd8]);
  const eoi = Buffer.from([0xff, 0xd9]);
  const parts =
    orientation === 1
      ? kept
      : // JFIF's APP0 must come first when there is one; the Exif APP1 follows it.
        kept[0]?.[1] === 0xe0
        ? [kept[0], orientationSegment(orientation), ...kept.slice(1)]
        : [orientationSegment(orientation), ...kept];
  // Orientations 5 to 8 turn the picture a quarter: it shows as tall as it is stored wide.
  const turned = orientation >= 5;
  return {
    bytes: Buffer.concat([soi, ...parts, eoi]),
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
  };
}

function startsWith(buffer: Buffer, text: string): boolean {
  return buffer.length >= text.length && buffer.toString('latin1', 0, text.length) === text;
}
