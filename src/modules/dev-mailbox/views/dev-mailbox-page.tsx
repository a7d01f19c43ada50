import { defineWording } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/components/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { MailFacts, MailListTable, type MailSummary } from '../../../web/components/stored-mail.js';
import type { OutboxRow } from '../../../platform/mail/outbox-table.js';
import { storedAttachments } from '../../../platform/mail/mail-attachment.js';
import { MailAttachmentList } from '../../../web/components/mail-attachments.js';

const text = defineWording({
  en: {
    title: 'Development mailbox',
    warning:
      'For development only. This page lists every email the shop has “sent”, with working one-time links, so you can confirm an address or reset a password without a mail server. It exists only when NODE_ENV=development, the shop’s address is on this computer, and you open it from this computer. In production, mail goes out through SMTP_URL and no page shows one-time links.',
    empty: 'No email yet. Sign up for an account, and its confirmation email appears here.',
    back: 'Back to the development mailbox',
    expired: '[link expired]',
  },
  fr: {
    title: 'Boîte aux lettres de développement',
    warning:
      'Pour le développement uniquement. Cette page liste chaque e-mail « envoyé » par la boutique, avec des liens à usage unique qui fonctionnent, pour confirmer une adresse ou réinitialiser un mot de passe sans serveur de messagerie. Elle n’existe que si NODE_ENV=development, que l’adresse de la boutique est sur cet ordinateur et que vous l’ouvrez depuis cet ordinateur. En production, les e-mails partent par SMTP_URL et aucune page n’affiche de lien à usage unique.',
    empty: 'Aucun e-mail pour l’instant. Créez un compte : son e-mail de confirmation apparaîtra ici.',
    back: 'Retour à la boîte de développement',
    expired: '[lien expiré]',
  },
});

export const devMailboxWording = text;

function Warning(props: { ctx: PageContext }) {
  return (
    <p class="notice notice--error" role="note">
      <strong>{text[props.ctx.locale].title}.</strong> {text[props.ctx.locale].warning}
    </p>
  );
}

export function DevMailboxPage(props: { ctx: PageContext; messages: MailSummary[] }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.title}>
      <section class="section container">
        <h1>{t.title}</h1>
        <Warning ctx={ctx} />
        {props.messages.length === 0 ? (
          <p class="muted">{t.empty}</p>
        ) : (
          <MailListTable
            ctx={ctx}
            label={t.title}
            messages={props.messages}
            hrefOf={(message) => `/dev/mailbox/${encodeURIComponent(message.id)}?locale=${ctx.locale}`}
          />
        )}
      </section>
    </Layout>
  );
}

export function DevMailboxMessagePage(props: {
  ctx: PageContext;
  message: Pick<OutboxRow, 'id' | 'to_address' | 'subject' | 'created_at' | 'attachments'>;
  text: string;
}) {
  const { ctx, message } = props;
  const t = text[ctx.locale];
  // Links in a plain-text mail, made clickable: the text is escaped by JSX, the links are ours.
  const parts = props.text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <Layout ctx={ctx} title={message.subject}>
      <section class="section container">
        <p>
          <a href={`/dev/mailbox?locale=${ctx.locale}`}>← {t.back}</a>
        </p>
        <Warning ctx={ctx} />
        <h1>{message.subject}</h1>
        <MailFacts ctx={ctx} message={message} />
        <pre class="mail-body">{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</pre>
        <MailAttachmentList
          ctx={ctx}
          attachments={storedAttachments(message.attachments)}
          hrefOf={(index) => `/dev/mailbox/${encodeURIComponent(message.id)}/attachments/${index}`}
        />
      </section>
    </Layout>
  );
}
