import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema } from '../../platform/http/forms.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import type { Purpose } from '../../privacy/core/vocabulary.js';
import { pageContext } from '../../web/page-context.js';
import {
  type BackofficeServices,
  type StaffPrincipal,
  accessMemberData,
  requireStaff,
  signedInStaff,
  subjectsOfAddresses,
} from '../backoffice/index.js';
import type { CommerceServices } from './commerce-services.js';
import { type OrderStatus, orderStatuses } from './order-status.js';
import {
  type AdminOrderNotice,
  AdminOrderPage,
  AdminOrdersPage,
  adminOrderNotices,
  staffRefundReasons,
} from './views/admin-order-pages.js';

/**
 * The orders of the back office (/admin/orders): search, detail, and by role fulfil, cancel,
 * refund in full or in part, and notes for a dispute. Buyers' data is read through the audited
 * door (accessMemberData): support reads it to serve the order, accountants to keep the books.
 */
export function orderAdminRoutes(
  admin: FastifyInstance,
  platform: PlatformContext,
  services: CommerceServices,
  backoffice: BackofficeServices,
) {
  const shop = () => platform.shop.identity();
  const read = <T,>(
    request: FastifyRequest,
    what: string,
    single: boolean,
    load: () => Promise<T>,
    emails: (result: T) => string[],
  ) => {
    const staff = signedInStaff(request);
    return accessMemberData(
      {
        staff,
        purpose: purposeOf(staff),
        what,
        logger: request.log,
        reads: backoffice.staffReads,
        single,
        subjects: (result) => subjectsOfAddresses(backoffice.staffReads, emails(result)),
      },
      load,
    );
  };

  const detailPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { notice?: AdminOrderNotice; state?: Parameters<typeof AdminOrderPage>[0]['state'] } = {},
  ) => {
    const detail = await read(
      request,
      'order',
      true,
      () => services.orders.detail(request.params.id),
      (found) => (found ? [found.order.email] : []),
    );
    if (!detail) throw new AppError('VT_ORDER_NOT_FOUND');
    const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
    return reply
      .header('cache-control', 'no-store')
      .html(
        <AdminOrderPage
          ctx={ctx}
          staff={signedInStaff(request)}
          detail={detail}
          documentUrl={(documentId) => `/admin/orders/${detail.order.id}/documents/${encodeURIComponent(documentId)}`}
          {...extra}
        />,
      );
  };

  /** Runs a staff action; a refusal shows the order again with what went wrong, and changes nothing. */
  const act = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    notice: AdminOrderNotice,
    work: () => Promise<unknown>,
  ) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'VT_ORDER_NOT_FOUND') throw error;
      request.log.info({ code: error.code }, 'order action refused');
      reply.code(error.status);
      return detailPage(request, reply, {
        state: { code: error.code, fields: error.details?.fields, values: bodyOf(request) },
      });
    }
    return reply.redirect(`/admin/orders/${request.params.id}?done=${notice}`, 303);
  };

  const listAccess = { staff: 'orders.read' } as const;
  admin.get<{ Querystring: { q?: string; status?: string; page?: string } }>(
    '/orders',
    {
      preHandler: requireStaff('orders.read'),
      config: { access: listAccess },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            status: { type: 'string', enum: ['', ...orderStatuses] },
            page: { type: 'string', pattern: '^[1-9][0-9]{0,4}$' },
          },
        },
      },
    },
    async (request, reply) => {
      const query = {
        q: request.query.q ?? '',
        status: (request.query.status || undefined) as OrderStatus | undefined,
        page: Number(request.query.page ?? '1'),
      };
      const found = await read(
        request,
        'orders list',
        false,
        () => services.orders.search({ text: query.q, status: query.status, page: query.page }),
        (result) => result.orders.map((order) => order.email),
      );
      const ctx = pageContext(request, reply, { locale: visitorLocale(request), shop: shop() });
      return reply
        .header('cache-control', 'no-store')
        .html(
          <AdminOrdersPage
            ctx={ctx}
            staff={signedInStaff(request)}
            orders={found.orders}
            more={found.more}
            query={query}
          />,
        );
    },
  );

  // No schema on the order id: validation runs before the staff check, and would tell a stranger
  // what an order number looks like. An unknown id is simply not found.
  admin.get<{ Params: { id: string }; Querystring: { done?: AdminOrderNotice } }>(
    '/orders/:id',
    {
      preHandler: requireStaff('orders.read'),
      config: { access: listAccess },
      schema: {
        querystring: { type: 'object', properties: { done: { type: 'string', enum: [...adminOrderNotices] } } },
      },
    },
    (request, reply) => detailPage(request, reply, { notice: request.query.done }),
  );

  admin.get<{ Params: { id: string; document: string } }>(
    '/orders/:id/documents/:document',
    { preHandler: requireStaff('orders.read'), config: { access: listAccess } },
    async (request, reply) => {
      const detail = await read(
        request,
        'invoice',
        true,
        () => services.orders.detail(request.params.id),
        (found) => (found ? [found.order.email] : []),
      );
      const document = detail?.documents.find((d) => d.id === request.params.document);
      if (!document) throw new AppError('VT_INVOICE_NOT_FOUND');
      return reply
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${document.number}.pdf"`)
        .send(await services.invoices.pdf(document.id));
    },
  );

  const fulfilAccess = { staff: 'orders.fulfil' } as const;
  admin.post<{ Params: { id: string } }>(
    '/orders/:id/fulfil',
    { preHandler: requireStaff('orders.fulfil'), config: { access: fulfilAccess } },
    (request, reply) => act(request, reply, 'fulfilled', () => services.orders.fulfil(request.params.id)),
  );
  admin.post<{ Params: { id: string } }>(
    '/orders/:id/cancel',
    { preHandler: requireStaff('orders.fulfil'), config: { access: fulfilAccess } },
    (request, reply) => act(request, reply, 'cancelled', () => services.orders.cancel(request.params.id)),
  );
  admin.post<{ Params: { id: string } }>(
    '/orders/:id/refund',
    {
      preHandler: requireStaff('orders.refund'),
      config: { access: { staff: 'orders.refund' } },
      schema: { ...formSchema(['amount', 'reason']) },
    },
    (request, reply) =>
      act(request, reply, 'refunded', async () => {
        const body = bodyOf(request);
        const reason = staffRefundReasons.find((known) => known === body.reason);
        if (!reason) throw new AppError('VT_VALIDATION', { fields: { reason: 'refund-reason' } });
        await services.orders.refund(request.params.id, centsOf(body.amount ?? ''), reason);
      }),
  );
  admin.post<{ Params: { id: string; dispute: string } }>(
    '/orders/:id/disputes/:dispute/evidence',
    {
      preHandler: requireStaff('orders.read'),
      config: { access: listAccess },
      schema: { ...formSchema(['notes']) },
    },
    (request, reply) =>
      act(request, reply, 'evidence', () =>
        services.orders.setDisputeEvidence(request.params.id, request.params.dispute, bodyOf(request).notes ?? ''),
      ),
  );
}

/** Support and the owner read an order to serve it; the accountant to keep the books. */
function purposeOf(staff: StaffPrincipal): Purpose {
  return staff.role === 'accountant' ? 'legal' : 'service';
}

/** "49", "49.5", "49,50" (a French keyboard) → cents; anything else is refused, not guessed. */
export function centsOf(raw: string): number {
  const value = raw.trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value)) throw new AppError('VT_VALIDATION', { fields: { amount: 'amount' } });
  const cents = Math.round(Number(value) * 100);
  if (cents <= 0) throw new AppError('VT_VALIDATION', { fields: { amount: 'amount' } });
  return cents;
}
