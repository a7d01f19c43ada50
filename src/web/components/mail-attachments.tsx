/** The files a stored mail carried, as the outbox and the development mailbox list them. */
import { type Locale, defineWording } from '../../platform/http/i18n.js';
import { type MailAttachment, attachmentSize } from '../../platform/mail/mail-attachment.js';
import type { PageContext } from '../page-context.js';

const text = defineWording({
  en: { title: 'Attachments', units: ['bytes', 'kB', 'MB'], download: (name: string) => `Download ${name}` },
  fr: { title: 'Pièces jointes', units: ['octets', 'ko', 'Mo'], download: (name: string) => `Télécharger ${name}` },
});

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "12.3 kB" / "12,3 ko": decimal units, as mail clients show sizes. */
export function fileSize(bytes: number, locale: Locale): string {
  const units = text[locale].units;
  const power = bytes < 1000 ? 0 : bytes < 1_000_000 ? 1 : 2;
  const value = bytes / 1000 ** power;
  const number = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: power === 0 ? 0 : 1 }).format(
    value,
  );
  return `${number} ${units[power]}`;
}

/**
 * Each attachment's name and size; a download link where `hrefOf` gives one (a role that may not
 * read what a message says sees the names only).
 */
export function MailAttachmentList(props: {
  ctx: PageContext;
  attachments: MailAttachment[];
  hrefOf?: (index: number) => string;
}) {
  const { ctx, attachments, hrefOf } = props;
  if (attachments.length === 0) return null;
  const t = text[ctx.locale];
  return (
    <section class="mail-attachments">
      <h2>{t.title}</h2>
      <ul>
        {attachments.map((file, index) => (
          <li key={`${index}-${file.filename}`}>
            {hrefOf ? (
              <a href={hrefOf(index)} download={file.filename} aria-label={t.download(file.filename)}>
                {file.filename}
              </a>
            ) : (
              file.filename
            )}{' '}
            <span class="muted">({fileSize(attachmentSize(file), ctx.locale)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
