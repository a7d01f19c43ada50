import { defineWording } from '../../../platform/http/i18n.js';
import { StaffLayout } from './staff-layout.js';
import type { StaffPrincipal } from '../staff-access.js';
import type { PageContext } from '../../../web/page-context.js';
import { csrfFieldName } from '../../../platform/http/csrf.js';
import { MailFacts, MailListTable, type MailSummary } from '../../../web/components/stored-mail.js';
import type { OutboxTable } from '../../../platform/mail/outbox-table.js';
import { storedAttachments } from '../../../platform/mail/mail-attachment.js';
import { MailAttachmentList } from '../../../web/components/mail-attachments.js';

const text = defineWording({
  en: {
    title: 'Mail outbox',
    intro: 'Every email the shop sends is kept here while no mail server is configured (SMTP_URL).',
    smtp: 'Mail is delivered through your SMTP server (SMTP_URL), so the outbox is not used.',
    empty: 'No message yet.',
    test: 'Send a test email to the shop’s address',
    sent: 'The test email was queued. It appears here (or in the shop’s mailbox) within a few seconds.',
    back: 'Back to the outbox',
    html: 'HTML version',
    bodyOwnerOnly:
      'Only the shop’s owner can read what a message says. Everyone with access to the outbox sees who was sent what, and when.',
    secretsNote:
      'One-time links (address confirmations, password resets, invitations) are never shown here: they work only for the person they were sent to.',
  },
  fr: {
    title: 'Boîte d’envoi',
    intro:
      'Tant qu’aucun serveur de messagerie n’est configuré (SMTP_URL), chaque e-mail envoyé par la boutique est conservé ici.',
    smtp: 'Les e-mails sont délivrés par votre serveur SMTP (SMTP_URL) : la boîte d’envoi n’est pas utilisée.',
    empty: 'Aucun message pour l’instant.',
    test: 'Envoyer un e-mail de test à l’adresse de la boutique',
    sent: 'L’e-mail de test est en file d’attente. Il apparaît ici (ou dans la boîte de la boutique) d’ici quelques secondes.',
    back: 'Retour à la boîte d’envoi',
    html: 'Version HTML',
    bodyOwnerOnly:
      'Seul le propriétaire de la boutique peut lire le contenu d’un message. Les personnes qui ont accès à la boîte d’envoi voient à qui, quoi et quand.',
    secretsNote:
      'Les liens à usage unique (confirmation d’adresse, réinitialisation de mot de passe, invitation) ne sont jamais affichés ici : ils ne servent qu’à la personne qui les a reçus.',
  },
});

/** What stands in a message's text where a one-time link was. */
export const hiddenSecretText = { en: '[one-time link hidden]', fr: '[lien à usage unique masqué]' } as const;

export function OutboxPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal | null;
  messages: MailSummary[];
  keepsMail: boolean;
  sent: boolean;
}) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <section>
        <h1>{t.title}</h1>
        <p class="lead">{props.keepsMail ? t.intro : t.smtp}</p>
        {props.sent && (
          <p class="notice notice--success" role="status">
            {t.sent}
          </p>
        )}
        <form method="post" action="/admin/outbox/test" class="inline-form">
          <input type="hidden" name={csrfFieldName} value={ctx.csrfToken()} />
          <button class="button" type="submit">
            {t.test}
          </button>
        </form>
        {props.keepsMail &&
          (props.messages.length === 0 ? (
            <p class="muted">{t.empty}</p>
          ) : (
            <MailListTable
              ctx={ctx}
              label={t.title}
              messages={props.messages}
              hrefOf={(message) => `/admin/outbox/${encodeURIComponent(message.id)}`}
            />
          ))}
      </section>
    </StaffLayout>
  );
}

export function OutboxMessagePage(props: {
  ctx: PageContext;
  staff: StaffPrincipal | null;
  message: OutboxTable['mail_outbox'];
  /** The text and HTML with one-time links hidden, for a role that may read bodies. */
  body: { text: string; html: string | null } | undefined;
}) {
  const { ctx, message, body } = props;
  const t = text[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={message.subject} staff={props.staff}>
      <section>
        <p>
          <a href="/admin/outbox">← {t.back}</a>
        </p>
        <h1>{message.subject}</h1>
        <MailFacts ctx={ctx} message={message} />
        {body ? (
          <>
            <pre class="mail-body">{body.text}</pre>
            {body.html && (
              <>
                <h2>{t.html}</h2>
                {/* Sandboxed without scripts: a message's HTML can never act on the admin page. */}
                <iframe class="mail-html" sandbox="" srcdoc={body.html} title={t.html} />
              </>
            )}
            <p class="muted">{t.secretsNote}</p>
          </>
        ) : (
          <p class="notice">{t.bodyOwnerOnly}</p>
        )}
        <MailAttachmentList
          ctx={ctx}
          attachments={storedAttachments(message.attachments)}
          {...(body
            ? { hrefOf: (index: number) => `/admin/outbox/${encodeURIComponent(message.id)}/attachments/${index}` }
            : {})}
        />
      </section>
    </StaffLayout>
  );
}
