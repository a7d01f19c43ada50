import { allowFormsTo } from '../../platform/http/security-headers.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema, privatePage } from '../../platform/http/forms.js';
import { locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { paths } from '../../web/paths.js';
import { type MemberRow, requireMember } from '../members/index.js';
import type { CommerceServices } from './commerce-services.js';
import type { OrderDetail } from './order-service.js';
import { AccountOrdersPage } from './views/account-orders-page.js';
import { type OrderArrival, OrderPage } from './views/order-page.js';

const keyQuery = { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]*$' } as const;

/**
 * An order's page (the gateway's return lands there too), its pay button and its documents, and
 * a member's purchase history. An order is shown to whoever holds its emailed link (a key signed
 * for it) or to the signed-in member it belongs to; to anyone else it does not exist (404).
 */
export function orderRoutes(
  app: FastifyInstance,
  platform: PlatformContext,
  services: CommerceServices,
  findMember: (id: string) => Promise<MemberRow | undefined>,
) {
  /** The order if this request may see it. */
  const visibleOrder = async (request: FastifyRequest, orderId: string, key: string | undefined) => {
    const detail = await services.orders.detail(orderId);
    if (!detail) throw new AppError('VT_ORDER_NOT_FOUND');
    if (services.urls.keyFits(orderId, key)) return detail;
    if (request.member) {
      const member = await findMember(request.member.id);
      const order = detail.order;
      const verified = member?.email_verified_at ? member.email.toLowerCase() : null;
      if (order.memberId === request.member.id || (verified && order.email.toLowerCase() === verified)) return detail;
    }
    throw new AppError('VT_ORDER_NOT_FOUND');
  };

  for (const locale of locales) {
    const ctxOf = (request: FastifyRequest, reply: FastifyReply, orderId: string) =>
      pageContext(request, reply, {
        locale,
        shop: platform.shop.identity(),
        alternates: { fr: paths.order('fr', orderId), en: paths.order('en', orderId) },
      });
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      detail: OrderDetail,
      options: { arrival?: OrderArrival; key?: string; gatewayDown?: boolean },
    ) => {
      const id = detail.order.id;
      const keyParam = options.key ? `?key=${options.key}` : '';
      // Its pay form is answered with a redirect to the gateway's page.
      allowFormsTo(reply, services.gateway.pageOrigin);
      return privatePage(reply).html(
        <OrderPage
          ctx={ctxOf(request, reply, id)}
          detail={detail}
          arrival={options.arrival}
          payAction={`${paths.order(locale, id)}/pay`}
          linkKey={options.key}
          documentUrl={(documentId) =>
            `${paths.order(locale, id)}/documents/${encodeURIComponent(documentId)}${keyParam}`
          }
          termsUrl={(version) => `${paths.termsOfSale(locale)}/versions/${encodeURIComponent(version)}`}
          gatewayDown={options.gatewayDown}
        />,
      );
    };

    app.get<{ Params: { id: string }; Querystring: { outcome?: 'paid' | 'cancelled'; key?: string } }>(
      paths.checkoutReturn(locale, ':id'),
      {
        config: { access: 'public' },
        schema: {
          querystring: {
            type: 'object',
            properties: { outcome: { type: 'string', enum: ['paid', 'cancelled'] }, key: keyQuery },
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await visibleOrder(request, id, request.query.key);
        // Back from the gateway: ask it now rather than wait for the webhook (both apply once).
        await services.orders.confirmReturn(id);
        const detail = await visibleOrder(request, id, request.query.key);
        return show(request, reply, detail, { arrival: request.query.outcome, key: request.query.key });
      },
    );

    app.get<{ Params: { id: string }; Querystring: { key?: string; gateway?: 'down' } }>(
      paths.order(locale, ':id'),
      {
        config: { access: 'public' },
        schema: {
          querystring: { type: 'object', properties: { key: keyQuery, gateway: { type: 'string', enum: ['down'] } } },
        },
      },
      async (request, reply) => {
        const detail = await visibleOrder(request, request.params.id, request.query.key);
        return show(request, reply, detail, { key: request.query.key, gatewayDown: request.query.gateway === 'down' });
      },
    );

    app.post<{ Params: { id: string } }>(
      `${paths.order(locale, ':id')}/pay`,
      { config: { access: 'public' }, schema: formSchema(['key']) },
      async (request, reply) => {
        const key = bodyOf(request).key;
        const { order } = await visibleOrder(request, request.params.id, key);
        const next = await services.checkout.openPayment(order.id);
        if (next.payUrl) return reply.redirect(next.payUrl, 303);
        const back = `${paths.order(locale, order.id)}?gateway=down${key ? `&key=${encodeURIComponent(key)}` : ''}`;
        return reply.redirect(back, 303);
      },
    );

    app.get<{ Params: { id: string; document: string }; Querystring: { key?: string } }>(
      `${paths.order(locale, ':id')}/documents/:document`,
      {
        config: { access: 'public' },
        schema: { querystring: { type: 'object', properties: { key: keyQuery } } },
      },
      async (request, reply) => {
        const detail = await visibleOrder(request, request.params.id, request.query.key);
        const document = detail.documents.find((d) => d.id === request.params.document);
        if (!document) throw new AppError('VT_INVOICE_NOT_FOUND');
        const pdf = await services.invoices.pdf(document.id);
        return privatePage(reply)
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${document.number}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      paths.accountOrders(locale),
      { preHandler: requireMember, config: { access: 'member' } },
      async (request, reply) => {
        const member = request.member && (await findMember(request.member.id));
        if (!member) throw new AppError('VT_SIGN_IN_REQUIRED');
        const orders = await services.orders.forMember(member.id, member.email_verified_at ? member.email : null);
        const ctx = pageContext(request, reply, {
          locale,
          shop: platform.shop.identity(),
          alternates: { fr: paths.accountOrders('fr'), en: paths.accountOrders('en') },
        });
        return privatePage(reply).html(<AccountOrdersPage ctx={ctx} username={member.username} orders={orders} />);
      },
    );
  }
}
