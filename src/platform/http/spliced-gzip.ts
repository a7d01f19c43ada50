import zlib from 'node:zlib';

/**
 * A gzip body made of parts compressed once and short pieces that change on every response (a
 * page's CSRF token), without compressing the whole body again each time (docs/performance.md).
 *
 * How: each fixed part is compressed on its own, by a fresh deflate stream ended with a full
 * flush, which leaves it byte-aligned and referring to nothing before it; a piece goes in between
 * as a stored (uncompressed) deflate block; the last part ends the stream. Raw deflate blocks
 * written so may follow each other (RFC 1951), and the gzip trailer's CRC-32 of the whole is
 * worked out from each fixed part's own CRC and length (CRC-32 is linear), never by reading the
 * parts again.
 */
export class SplicedGzip {
  private readonly compressed: Buffer[];
  private readonly crcs: number[];
  private readonly shifts: Uint32Array[];
  private readonly fixedLength: number;

  /** `parts`: the fixed text around the pieces: parts[0], piece 0, parts[1], …, the last part. */
  constructor(parts: readonly Buffer[]) {
    this.compressed = parts.map((part, index) =>
      zlib.deflateRawSync(part, {
        level: 6,
        finishFlush: index === parts.length - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH,
      }),
    );
    this.crcs = parts.map((part) => crcUpdate(0, part));
    this.shifts = parts.map((part) => shiftOperator(part.length));
    this.fixedLength = parts.reduce((sum, part) => sum + part.length, 0);
  }

  /** The gzip body with `pieces[i]` between parts i and i+1 (one fewer piece than parts). */
  body(pieces: readonly Buffer[]): Buffer {
    const list: Buffer[] = [gzipHeader];
    let register = 0xffffffff;
    let length = this.fixedLength;
    this.compressed.forEach((compressed, index) => {
      list.push(compressed);
      register = (applyOperator(this.shifts[index] as Uint32Array, register) ^ (this.crcs[index] as number)) >>> 0;
      const piece = pieces[index];
      if (index === this.compressed.length - 1 || !piece) return;
      list.push(storedBlock(piece), piece);
      register = crcUpdate(register, piece);
      length += piece.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE((register ^ 0xffffffff) >>> 0, 0);
    trailer.writeUInt32LE(length >>> 0, 4);
    list.push(trailer);
    return Buffer.concat(list);
  }
}

/** Magic, deflate, no flags, no time, no extra flags, unknown system (RFC 1952). */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A stored block's header, not the last block: the stream is byte-aligned after a full flush. */
function storedBlock(piece: Buffer): Buffer {
  if (piece.length > 0xffff) throw new Error('a spliced piece is at most 65535 bytes');
  const header = Buffer.alloc(5);
  header.writeUInt8(0, 0);
  header.writeUInt16LE(piece.length, 1);
  header.writeUInt16LE(~piece.length & 0xffff, 3);
  return header;
}

const table = (() => {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
})();

/** The CRC-32 register after `bytes`, from `register` (no pre- or post-inversion). */
function crcUpdate(register: number, bytes: Uint8Array): number {
  let crc = register;
  for (let i = 0; i < bytes.length; i++) crc = (table[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return crc >>> 0;
}

/**
 * What `length` bytes do to a register, whatever they are: the register's part of the update is
 * linear (over GF(2)), so update(r, bytes) = shift(r) XOR update(0, bytes). Its 32 columns are
 * the updates of each single bit by that many zero bytes, worked out once per part.
 */
function shiftOperator(length: number): Uint32Array {
  const columns = new Uint32Array(32);
  const zeros = Buffer.alloc(length);
  for (let bit = 0; bit < 32; bit++) columns[bit] = crcUpdate((1 << bit) >>> 0, zeros);
  return columns;
}

function applyOperator(columns: Uint32Array, register: number): number {
  let result = 0;
  let rest = register >>> 0;
  for (let bit = 0; rest !== 0; bit++, rest >>>= 1) if (rest & 1) result ^= columns[bit] as number;
  return result >>> 0;
}
