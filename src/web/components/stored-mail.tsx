/** What the outbox and the development mailbox both show of stored mail: the list, and a message's facts. */
import { defineWording } from '../../platform/http/i18n.js';
import { formatDate } from '../../platform/format.js';
import type { PageContext } from '../page-context.js';
import type { OutboxRow } from '../../platform/mail/outbox-table.js';
import { ScrollTable } from './scroll-table.js';

const text = defineWording({
  en: { to: 'To', subject: 'Subject', date: 'Date' },
  fr: { to: 'Destinataire', subject: 'Objet', date: 'Date' },
});

export type MailSummary = Pick<OutboxRow, 'id' | 'to_address' | 'subject' | 'created_at'>;

/** A stored message's recipient and date, above its text. */
export function MailFacts(props: { ctx: PageContext; message: Pick<OutboxRow, 'to_address' | 'created_at'> }) {
  const { ctx, message } = props;
  const t = text[ctx.locale];
  return (
    <dl class="facts facts--narrow">
      <div class="fact">
        <dt>{t.to}</dt>
        <dd>{message.to_address}</dd>
      </div>
      <div class="fact">
        <dt>{t.date}</dt>
        <dd>{formatDate(message.created_at, ctx.locale, true)}</dd>
      </div>
    </dl>
  );
}

/** The stored mail, newest first, each subject a link to the message: the outbox and the development mailbox. */
export function MailListTable(props: {
  ctx: PageContext;
  label: string;
  messages: MailSummary[];
  hrefOf: (message: MailSummary) => string;
}) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <ScrollTable label={props.label} headers={[t.date, t.to, t.subject]}>
      {props.messages.map((message) => (
        <tr key={message.id}>
          <td>{formatDate(message.created_at, ctx.locale, true)}</td>
          <td>{message.to_address}</td>
          <td>
            <a href={props.hrefOf(message)}>{message.subject}</a>
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
