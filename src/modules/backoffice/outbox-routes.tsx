import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { accessMemberData, subjectsOfAddresses } from './member-data-access.js';
import { mayStaff, requireStaff, signedInStaff } from './staff-access.js';
import { AppError } from '../../platform/http/errors.js';
import { visitorLocale } from '../../platform/http/error-handler.js';
import type { Locale } from '../../platform/http/i18n.js';
import { sendAttachment } from '../../platform/mail/attachment-download.js';
import { storedAttachmentAt } from '../../platform/mail/mail-attachment.js';
import { reveal } from '../../platform/mail/one-time-secrets.js';
import { OutboxMessagePage, OutboxPage, hiddenSecretText } from './views/outbox-page.js';
import type { BackofficeServices } from './backoffice-services.js';

const hideSecrets = (text: string, locale: Locale) => reveal(text, () => hiddenSecretText[locale]);

/**
 * Staff pages: the outbox (who was sent what, when; message bodies for the owner only, one-time
 * links never), and a test message to check mail delivery. Every view is audited.
 */
export function outboxRoutes(app: FastifyInstance, context: PlatformContext, services: BackofficeServices) {
  const guard = requireStaff('mail.outbox');
  const access = { staff: 'mail.outbox' } as const;
  const shop = () => context.shop.identity();

  app.get<{ Querystring: { sent?: string } }>(
    '/outbox',
    { preHandler: guard, config: { access } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
      // Recipients' addresses are members' data: the list is read through the audited door.
      const messages = await accessMemberData(
        {
          staff,
          purpose: 'notices',
          what: 'mail outbox',
          logger: request.log,
          reads: services.staffReads,
          subjects: (rows) =>
            subjectsOfAddresses(
              services.staffReads,
              rows.map((row) => row.to_address),
            ),
        },
        () => services.outbox.list(200),
      );
      return reply
        .header('cache-control', 'no-store')
        .html(
          <OutboxPage
            ctx={ctx}
            staff={request.staff}
            messages={messages}
            keepsMail={services.outbox.keepsMail}
            sent={request.query.sent === '1'}
          />,
        );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/outbox/:id',
    { preHandler: guard, config: { access } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      // One person's message: refused if its recipient restricted processing (member-data-access.ts).
      const message = await accessMemberData(
        {
          staff,
          purpose: 'notices',
          what: 'mail outbox message',
          logger: request.log,
          reads: services.staffReads,
          subjects: (found) => (found ? subjectsOfAddresses(services.staffReads, [found.to_address]) : []),
          single: true,
        },
        () => services.outbox.find(request.params.id),
      );
      if (!message) throw new AppError('VT_NOT_FOUND');
      const locale = visitorLocale(request);
      const ctx = pageContext(request, reply, { locale, shop: shop() });
      // Only the owner reads what a message says, and never its one-time links: those work only
      // for the person they were sent to (a staff member holding one could take over the account).
      const hide = (text: string) => (message.secrets_expire_at ? hideSecrets(text, locale) : text);
      const body = mayStaff(staff, 'mail.bodies')
        ? { text: hide(message.text_body), html: message.html_body === null ? null : hide(message.html_body) }
        : undefined;
      // Attachments are part of what a message says: listed for all, downloaded by the owner only.
      return reply
        .header('cache-control', 'no-store')
        .html(<OutboxMessagePage ctx={ctx} staff={staff} message={message} body={body} />);
    },
  );

  // One file a message carried, to save (never shown as a page of the shop: attachment-download.ts).
  // No params schema: the staff guard answers first, the handler checks the index.
  app.get<{ Params: { id: string; index: string } }>(
    '/outbox/:id/attachments/:index',
    { preHandler: requireStaff('mail.bodies'), config: { access: { staff: 'mail.bodies' } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const { id, index } = request.params;
      if (!/^\d{1,2}$/.test(index)) throw new AppError('VT_NOT_FOUND');
      const message = await accessMemberData(
        {
          staff,
          purpose: 'notices',
          what: 'mail outbox attachment',
          logger: request.log,
          reads: services.staffReads,
          subjects: (found) => (found ? subjectsOfAddresses(services.staffReads, [found.to_address]) : []),
          single: true,
        },
        () => services.outbox.find(id),
      );
      const file = message && storedAttachmentAt(message.attachments, index);
      if (!file) throw new AppError('VT_NOT_FOUND');
      return sendAttachment(reply, file);
    },
  );

  app.post('/outbox/test', { preHandler: guard, config: { access } }, async (request, reply) => {
    const locale = visitorLocale(request);
    await services.outbox.sendTest(locale);
    return reply.redirect('/admin/outbox?sent=1', 303);
  });
}
