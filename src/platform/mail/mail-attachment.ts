/**
 * A file a mail carries (the terms of sale a buyer accepted, with their order's confirmation):
 * text, UTF-8, small enough to travel in the mail job's payload and sit in the outbox.
 */
export interface MailAttachment {
  /** The name the recipient's mail client shows and saves it under: no folder, no control character. */
  filename: string;
  /** A MIME type, with its charset when it is text: `text/html; charset=utf-8`. */
  contentType: string;
  content: string;
}

/** More than a mail of the shop ever needs: a wrong value fails where it is queued, not in the worker. */
const maxAttachments = 10;
const maxFilenameLength = 200;
const maxContentLength = 2_000_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const badFilename = /[\u0000-\u001f\u007f/\\"]/;
const contentTypeShape = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(; ?charset=[a-z0-9_-]+)?$/i;
const fields = ['content', 'contentType', 'filename'];

/**
 * Checks attachments exactly (mail jobs' payloads, MailService.queue): undefined, or a list of
 * objects with a safe file name, a MIME type and text content, and nothing else. Throws otherwise.
 */
export function parseAttachments(value: unknown): MailAttachment[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > maxAttachments)
    throw new Error(`expected attachments to be a list of at most ${maxAttachments}`);
  return value.map((item, index) => {
    const { filename, contentType, content } = (item ?? {}) as Record<string, unknown>;
    const keys = typeof item === 'object' && item !== null ? Object.keys(item).sort() : [];
    if (keys.join() !== fields.join()) throw new Error(`attachment ${index}: expected filename, contentType, content`);
    if (typeof filename !== 'string' || filename.length === 0 || filename.length > maxFilenameLength)
      throw new Error(`attachment ${index}: expected a file name`);
    if (badFilename.test(filename) || filename.startsWith('.'))
      throw new Error(`attachment ${index}: the file name has a folder, a quote or a control character`);
    if (typeof contentType !== 'string' || !contentTypeShape.test(contentType))
      throw new Error(`attachment ${index}: expected a MIME type`);
    if (typeof content !== 'string' || content.length > maxContentLength)
      throw new Error(`attachment ${index}: expected text content`);
    return { filename, contentType, content };
  });
}

/**
 * The attachments an outbox row keeps (its `attachments` column, JSON), or none when it has none
 * or holds something else: the pages that list them never fail on one odd row.
 */
export function storedAttachments(json: string | null): MailAttachment[] {
  if (!json) return [];
  try {
    return parseAttachments(JSON.parse(json)) ?? [];
  } catch {
    return [];
  }
}

/** Its size in bytes, as a download has it. */
export function attachmentSize(attachment: MailAttachment): number {
  return Buffer.byteLength(attachment.content, 'utf8');
}

/** The attachment at `index` (a path parameter: digits, or it is none) of an outbox row's column. */
export function storedAttachmentAt(json: string | null, index: string): MailAttachment | undefined {
  if (!/^\d{1,2}$/.test(index)) return undefined;
  return storedAttachments(json)[Number(index)];
}
