import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { pageContext } from '../../web/page-context.js';
import { accessMemberData } from '../http/member-data-access.js';
import { mayStaff, requireStaff, signedInStaff } from '../http/staff-access.js';
import { AppError } from '../http/errors.js';
import { visitorLocale } from '../http/error-handler.js';
import type { Locale } from '../http/i18n.js';
import { findOutboxMessage, listOutbox } from './outbox-mailer.js';
import { reveal } from './one-time-secrets.js';
import { OutboxMessagePage, OutboxPage, hiddenSecretText } from './outbox-page.js';
import { testMail } from './test-mail.js';

const hideSecrets = (text: string, locale: Locale) => reveal(text, () => hiddenSecretText[locale]);

/**
 * Staff pages: the outbox (who was sent what, when; message bodies for the owner only, one-time
 * links never), and a test message to check mail delivery. Every view is audited.
 */
export function outboxRoutes(app: FastifyInstance, context: AppContext) {
  const guard = requireStaff('mail.outbox');
  const access = { staff: 'mail.outbox' } as const;
  const shop = () => context.shop.identity();

  app.get<{ Querystring: { sent?: string } }>('/admin/outbox', { preHandler: guard, config: { access } }, async (request, reply) => {
    const staff = signedInStaff(request);
    const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
    // Recipients' addresses are members' data: the list is read through the audited door.
    const messages =
      context.mailer.kind === 'outbox'
        ? await accessMemberData({ staff, purpose: 'notices', what: 'mail outbox', logger: request.log }, () => listOutbox(context.database, 200))
        : [];
    return reply.header('cache-control', 'no-store').html(
      <OutboxPage ctx={ctx} staff={request.staff} messages={messages} mailerKind={context.mailer.kind} sent={request.query.sent === '1'} />,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', { preHandler: guard, config: { access } }, async (request, reply) => {
    const staff = signedInStaff(request);
    const message = await accessMemberData({ staff, purpose: 'notices', what: 'mail outbox message', logger: request.log }, () =>
      findOutboxMessage(context.database, request.params.id),
    );
    if (!message) throw new AppError('VT_NOT_FOUND');
    const locale = visitorLocale(request);
    const ctx = pageContext(request, reply, { locale, shop: shop() });
    // Only the owner reads what a message says, and never its one-time links: those work only
    // for the person they were sent to (a staff member holding one could take over the account).
    const hide = (text: string) => (message.secrets_expire_at ? hideSecrets(text, locale) : text);
    const body = mayStaff(staff, 'mail.bodies') ? { text: hide(message.text_body), html: message.html_body === null ? null : hide(message.html_body) } : undefined;
    return reply.header('cache-control', 'no-store').html(<OutboxMessagePage ctx={ctx} staff={staff} message={message} body={body} />);
  });

  app.post('/admin/outbox/test', { preHandler: guard, config: { access } }, async (request, reply) => {
    const locale = visitorLocale(request);
    await context.database.db.transaction().execute(async (trx) => {
      await context.mail.queue(trx, testMail(shop(), locale, context.now()));
    });
    return reply.redirect('/admin/outbox?sent=1', 303);
  });
}
