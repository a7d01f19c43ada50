import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { AppError } from '../../platform/http/errors.js';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { DevMailboxMessagePage, DevMailboxPage, devMailboxWording } from './views/dev-mailbox-page.js';
import { devMailboxEnabled, isLoopbackHost } from '../../platform/mail/dev-mailbox.js';
import { OutboxMailer } from '../../platform/mail/outbox-mailer.js';
import { sendAttachment } from '../../platform/mail/attachment-download.js';
import { storedAttachmentAt } from '../../platform/mail/mail-attachment.js';
import type { DevMailboxService } from './dev-mailbox-service.js';

const loopbackAddress = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * A request from this computer itself: a loopback client, not relayed by a proxy (which would add
 * its headers), and addressed to a loopback name (a page of another site that makes its own name
 * resolve to 127.0.0.1, DNS rebinding, still sends that name).
 */
function isLocalRequest(request: FastifyRequest): boolean {
  const relayed = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((header) => request.headers[header] !== undefined);
  return !relayed && loopbackAddress.test(request.socket.remoteAddress ?? '') && isLoopbackHost(request.hostname);
}

/**
 * The development mailbox (`/dev/mailbox`): the outbox as the recipients would read it, links
 * working, so a newcomer running `npm start` confirms their address with no mail server and no
 * staff account. It is not registered at all outside development on a loopback address, and it
 * answers 404 to a request that does not come straight from this computer.
 */
export function devMailboxRoutes(app: FastifyInstance, context: PlatformContext, mailbox: DevMailboxService) {
  if (!devMailboxEnabled(context.config) || !(context.mailer instanceof OutboxMailer)) return;
  const onlyFromHere = async (request: FastifyRequest) => {
    if (!isLocalRequest(request)) throw new AppError('VT_NOT_FOUND');
  };
  const page = (request: FastifyRequest, reply: Parameters<typeof pageContext>[1]) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: context.shop.identity() });
  const config = { access: 'public' } as const;

  app.get('/dev/mailbox', { preHandler: onlyFromHere, config }, async (request, reply) => {
    const messages = await mailbox.list(200);
    return reply
      .header('cache-control', 'no-store')
      .html(<DevMailboxPage ctx={page(request, reply)} messages={messages} />);
  });

  app.get<{ Params: { id: string } }>(
    '/dev/mailbox/:id',
    { preHandler: onlyFromHere, config },
    async (request, reply) => {
      const message = await mailbox.find(request.params.id);
      if (!message) throw new AppError('VT_NOT_FOUND');
      const ctx = page(request, reply);
      const text = mailbox.textOf(message, devMailboxWording[ctx.locale].expired);
      return reply
        .header('cache-control', 'no-store')
        .html(<DevMailboxMessagePage ctx={ctx} message={message} text={text} />);
    },
  );

  // One file a message carried, to save: never shown as a page of the shop (attachment-download.ts).
  app.get<{ Params: { id: string; index: string } }>(
    '/dev/mailbox/:id/attachments/:index',
    { preHandler: onlyFromHere, config },
    async (request, reply) => {
      const message = await mailbox.find(request.params.id);
      const file = message && storedAttachmentAt(message.attachments, request.params.index);
      if (!file) throw new AppError('VT_NOT_FOUND');
      return sendAttachment(reply, file);
    },
  );
}
