import zlib from 'node:zlib';
import { expect } from 'vitest';

/** The entries of a ZIP, read from its central directory, each inflated and its CRC checked. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const entry of centralDirectory(zip)) {
    const data = entryData(zip, entry);
    expect(data.length, entry.name).toBe(entry.size);
    expect(zlib.crc32(data), entry.name).toBe(entry.crc);
    entries.set(entry.name, data);
  }
  return entries;
}

/** One entry's data, inflated. */
export function entryData(zip: Buffer, entry: CentralEntry): Buffer {
  const local = entry.localOffset;
  expect(zip.readUInt32LE(local)).toBe(0x04034b50);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const stored = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
}

export interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries the central directory lists, with where each is. */
export function centralDirectory(zip: Buffer): CentralEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
