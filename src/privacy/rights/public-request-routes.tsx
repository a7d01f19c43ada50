import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyOf, privatePage, refuseForm, textField } from '../../platform/http/forms.js';
import { type Locale, locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import { type PublicRequestKind, type PublicRequests, publicRequestKinds } from './public-requests.js';
import {
  CheckMailboxPage,
  ConfirmPublicRequestPage,
  PublicRequestDonePage,
  PublicRequestFormPage,
  PublicRequestLinkInvalidPage,
} from './views/public-request-pages.js';

const formBody = {
  body: {
    type: 'object',
    // Longer than the service allows, so that too long "details" get the form back with their field named.
    properties: { email: textField(1000), kind: textField(100), details: textField(8000) },
  },
} as const;

const tokenBody = { body: { type: 'object', properties: { token: textField(200) } } } as const;

/**
 * The privacy request form for people without an account, and the page its emailed link opens.
 * Every answer is the same whatever the address; the link's page changes nothing, its button does.
 */
export function publicRequestRoutes(app: FastifyInstance, context: PlatformContext, service: PublicRequests) {
  const access = { access: 'public' as const };
  for (const locale of locales) {
    const page = (request: FastifyRequest, reply: FastifyReply, path: (l: Locale) => string) =>
      pageContext(request, reply, { locale, shop: context.shop.identity(), alternates: alternatesOf(path) });

    app.get<{ Querystring: { sent?: '1' } }>(
      paths.privacyRequestForm(locale),
      {
        schema: { querystring: { type: 'object', properties: { sent: { type: 'string', enum: ['1'] } } } },
        config: access,
      },
      async (request, reply) => {
        const ctx = page(request, reply, paths.privacyRequestForm);
        return privatePage(reply).html(
          request.query.sent === '1' ? <CheckMailboxPage ctx={ctx} /> : <PublicRequestFormPage ctx={ctx} />,
        );
      },
    );

    app.post(paths.privacyRequestForm(locale), { schema: formBody, config: access }, async (request, reply) => {
      const body = bodyOf(request);
      try {
        await service.create({
          email: body.email ?? '',
          kind: body.kind ?? '',
          details: body.details ?? '',
          locale,
          ip: request.ip,
        });
      } catch (error) {
        return refuseForm(request, reply, error, (state) => (
          <PublicRequestFormPage ctx={page(request, reply, paths.privacyRequestForm)} state={state} />
        ));
      }
      // The same answer for any address: whether it is known is never told.
      return reply.redirect(`${paths.privacyRequestForm(locale)}?sent=1`, 303);
    });

    // Opened from the mail, perhaps by a scanner first: it shows what will happen and changes nothing.
    app.get<{ Querystring: { token?: string; done?: PublicRequestKind } }>(
      paths.privacyRequestConfirm(locale),
      {
        schema: {
          querystring: {
            type: 'object',
            properties: { token: textField(200), done: { type: 'string', enum: [...publicRequestKinds] } },
          },
        },
        config: access,
      },
      async (request, reply) => {
        const ctx = page(request, reply, paths.privacyRequestConfirm);
        if (request.query.done)
          return privatePage(reply).html(<PublicRequestDonePage ctx={ctx} kind={request.query.done} />);
        const token = request.query.token ?? '';
        const pending = await service.pending(token, locale);
        if (!pending)
          return privatePage(reply)
            .code(400)
            .html(<PublicRequestLinkInvalidPage ctx={ctx} />);
        return privatePage(reply).html(<ConfirmPublicRequestPage ctx={ctx} pending={pending} token={token} />);
      },
    );

    app.post(paths.privacyRequestConfirm(locale), { schema: tokenBody, config: access }, async (request, reply) => {
      let kind: PublicRequestKind;
      try {
        kind = (await service.confirm(bodyOf(request).token ?? '')).kind;
      } catch (error) {
        return refuseForm(request, reply, error, () => (
          <PublicRequestLinkInvalidPage ctx={page(request, reply, paths.privacyRequestConfirm)} />
        ));
      }
      return reply.redirect(`${paths.privacyRequestConfirm(locale)}?done=${kind}`, 303);
    });
  }
}
