import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomId } from '../crypto/tokens.js';

/** `<sha256 in hex>.<extension>` (an image format's, image-file.ts): the only names these files have, so the only ones ever looked up. */
export const contentFileName = /^[0-9a-f]{64}\.(jpg|png|webp)$/;

/**
 * Files named by the SHA-256 of their bytes, in one directory: the same bytes twice are one file,
 * and a name always means the same bytes (its URL can be cached for ever). Written to a temporary
 * file, flushed, then renamed, so a reader never sees half a file. A file is removed only when no
 * row names it any more: the caller says so (`stillNamed`), and the removal is safe against an
 * upload of the same bytes at the same moment (see remove).
 */
export class ContentFiles {
  constructor(readonly directory: string) {}

  static nameOf(bytes: Buffer, extension: string): string {
    return `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
  }

  /** The file's path, for a name of the right shape only (never a path someone typed). */
  pathOf(name: string): string {
    if (!contentFileName.test(name)) throw new Error('not a content file name');
    return path.join(this.directory, name);
  }

  /** Stores the bytes (unless they already are) and returns their name. */
  async put(bytes: Buffer, extension: string): Promise<string> {
    const name = ContentFiles.nameOf(bytes, extension);
    if (!(await this.has(name))) await this.write(name, bytes);
    return name;
  }

  /** Writes the bytes again if their file is missing (it was removed while a row naming it was being added). */
  async ensure(name: string, bytes: Buffer): Promise<void> {
    if (!(await this.has(name))) await this.write(name, bytes);
  }

  async has(name: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(name));
      return true;
    } catch {
      return false;
    }
  }

  /** The file to send, with its size; undefined when there is none. */
  async open(name: string): Promise<{ stream: fs.ReadStream; size: number } | undefined> {
    if (!contentFileName.test(name)) return undefined;
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.pathOf(name), 'r');
    } catch {
      return undefined;
    }
    try {
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch {
      await handle.close();
      return undefined;
    }
  }

  /**
   * Removes a file no row names. Moved aside first, then `stillNamed` asked again: a row added
   * meanwhile (the same photo uploaded at that moment) puts it back. Together with `ensure`,
   * which the uploader calls after adding its row, no row is ever left naming a missing file.
   */
  async remove(name: string, stillNamed: () => Promise<boolean>): Promise<void> {
    if (await stillNamed()) return;
    const file = this.pathOf(name);
    const aside = `${file}.${randomId(9)}.removing`;
    try {
      await fs.promises.rename(file, aside);
    } catch {
      return;
    }
    if (await stillNamed()) await fs.promises.rename(aside, file);
    else await fs.promises.rm(aside, { force: true });
  }

  private async write(name: string, bytes: Buffer): Promise<void> {
    await fs.promises.mkdir(this.directory, { recursive: true });
    const file = this.pathOf(name);
    const temporary = `${file}.${randomId(9)}.tmp`;
    const handle = await fs.promises.open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  }
}
