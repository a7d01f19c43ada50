import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { pageContext } from '../../web/page-context.js';
import { requireStaff } from '../http/staff-access.js';
import { AppError } from '../http/errors.js';
import { visitorLocale } from '../http/error-handler.js';
import { findOutboxMessage, listOutbox } from './outbox-mailer.js';
import { OutboxMessagePage, OutboxPage } from './outbox-page.js';
import { testMail } from './test-mail.js';

/** Staff pages: read the outbox, and send a test message to check mail delivery. */
export function outboxRoutes(app: FastifyInstance, context: AppContext) {
  const guard = requireStaff('mail.outbox');
  const shop = () => context.shop.identity();

  app.get<{ Querystring: { sent?: string } }>('/admin/outbox', { preHandler: guard }, async (request, reply) => {
    const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
    const messages = context.mailer.kind === 'outbox' ? await listOutbox(context.database, 200) : [];
    return reply.header('cache-control', 'no-store').html(
      <OutboxPage ctx={ctx} staff={request.staff} messages={messages} mailerKind={context.mailer.kind} sent={request.query.sent === '1'} />,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', { preHandler: guard }, async (request, reply) => {
    const message = await findOutboxMessage(context.database, request.params.id);
    if (!message) throw new AppError('VT_NOT_FOUND');
    const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
    return reply.header('cache-control', 'no-store').html(<OutboxMessagePage ctx={ctx} staff={request.staff} message={message} />);
  });

  app.post('/admin/outbox/test', { preHandler: guard }, async (request, reply) => {
    const locale = visitorLocale(request);
    await context.database.db.transaction().execute(async (trx) => {
      await context.mail.queue(trx, testMail(shop(), locale, context.now()));
    });
    return reply.redirect('/admin/outbox?sent=1', 303);
  });
}
