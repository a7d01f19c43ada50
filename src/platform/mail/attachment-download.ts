import type { FastifyReply } from 'fastify';
import type { MailAttachment } from './mail-attachment.js';

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: the name in ASCII for old clients and in full
 * for the others. Stored names have no quote, slash or control character (parseAttachments).
 */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Sends a stored mail's attachment as a file to save, never as a page of the shop: an HTML
 * attachment rendered at the shop's address could act as the shop (its scripts, its forms), so
 * the browser is told to download it, not to guess its type, and, should it show it anyway, to
 * run nothing in it and load nothing for it.
 */
export function sendAttachment(reply: FastifyReply, file: MailAttachment) {
  return (
    reply
      .header('cache-control', 'no-store')
      // The content is UTF-8 text whatever the type says: a type without its charset gets it.
      .header(
        'content-type',
        /charset=/i.test(file.contentType) ? file.contentType : `${file.contentType}; charset=utf-8`,
      )
      .header('content-disposition', contentDisposition(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .send(file.content)
  );
}
