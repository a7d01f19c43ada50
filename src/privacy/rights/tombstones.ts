import fs from 'node:fs';
import path from 'node:path';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { DataSubjectRef } from './data-subject.js';

/** One erasure, as the tombstone file keeps it: when, which request, and keyed hashes of the identifiers. */
export interface Tombstone {
  at: string;
  request: string;
  /** HMAC-SHA256 (the "erasure-tombstones" key) of `account:<kind>:<id>` and `email:<address>`. */
  identifiers: string[];
}

/**
 * The record of every erasure, kept OUTSIDE the database in an append-only file, so that a
 * database restored from a backup can be told whom to erase again (privacy:replay-erasures).
 * It holds no personal data: only keyed hashes of identifiers, which say nothing without the
 * installation's secret key and a value to test. Each line is appended and fsynced before the
 * erasure starts, so no erasure escapes it (docs/backups.md).
 */
export class Tombstones {
  constructor(
    private readonly file: string,
    private readonly secrets: Secrets,
  ) {}

  identifiersOf(subject: DataSubjectRef): string[] {
    return [
      ...(subject.accountId ? [this.hashOf(`account:${subject.kind}:${subject.accountId}`)] : []),
      ...subject.emails.map((email) => this.hashOf(`email:${email.toLowerCase()}`)),
    ];
  }

  hashOf(identifier: string): string {
    return this.secrets.sign('erasure-tombstones', identifier);
  }

  /** Appends the erasure's line, once per request. */
  async record(requestId: string, subject: DataSubjectRef, at: Date): Promise<void> {
    if ((await this.all()).some((tombstone) => tombstone.request === requestId)) return;
    const line = `${JSON.stringify({ at: at.toISOString(), request: requestId, identifiers: this.identifiersOf(subject) } satisfies Tombstone)}\n`;
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const handle = await fs.promises.open(this.file, 'a+', 0o600);
    try {
      // A line cut short by a crash (power loss, full disk) is ended first, or this line would be
      // glued to it and lost with it.
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      await handle.write(size > 0 && last.toString() !== '\n' ? `\n${line}` : line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async all(): Promise<Tombstone[]> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // A line cut short by a crash while appending is ignored: its erasure had not started.
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line) as Tombstone];
      } catch {
        return [];
      }
    });
  }
}
