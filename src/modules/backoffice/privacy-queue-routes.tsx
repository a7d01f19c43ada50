import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema, privatePage, refuseForm } from '../../platform/http/forms.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import type { BackofficeServices } from './backoffice-services.js';
import { recordStaffRead } from './member-data-access.js';
import { requireStaff, type StaffPrincipal, signedInStaff } from './staff-access.js';
import { PrivacyQueuePage, RecordRequestPage } from './views/privacy-queue-pages.js';
import {
  PrivacyRequestPage,
  type RequestNotice,
  type RequestStep,
  requestSteps,
} from './views/privacy-request-page.js';

const guard = { preHandler: requireStaff('privacy.requests'), config: { access: { staff: 'privacy.requests' } } };
const pageSize = 30;
const queueQuery = {
  querystring: { type: 'object', properties: { closed: { type: 'integer', minimum: 0, maximum: 1_000_000 } } },
} as const;
const requestQuery = {
  querystring: {
    type: 'object',
    properties: { done: { type: 'string', enum: ['recorded', ...requestSteps] } },
  },
} as const;

/**
 * The queue of privacy requests (/admin/privacy): every request by legal deadline, a request's
 * page with its history and the steps its status allows (each a POST form), and the form that
 * records a request received by post or email. The rules are PrivacyQueue's.
 */
export function privacyQueueRoutes(app: FastifyInstance, context: PlatformContext, services: BackofficeServices) {
  const queue = services.privacyQueue;
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: context.shop.identity() });

  app.get<{ Querystring: { closed?: number } }>(
    '/privacy',
    { ...guard, schema: queueQuery },
    async (request, reply) => {
      const offset = request.query.closed ?? 0;
      const found = await queue.queue(offset, pageSize);
      return privatePage(reply).html(
        <PrivacyQueuePage
          ctx={page(request, reply)}
          staff={signedInStaff(request)}
          open={found.open}
          closed={found.closed}
          closedOffset={offset}
          pageSize={pageSize}
          moreClosed={found.moreClosed}
          now={context.now()}
        />,
      );
    },
  );

  app.get('/privacy/new', guard, async (request, reply) =>
    privatePage(reply).html(<RecordRequestPage ctx={page(request, reply)} staff={signedInStaff(request)} />),
  );

  app.post(
    '/privacy',
    { ...guard, schema: formSchema(['channel', 'kind', 'person', 'details', 'verified', 'locale']) },
    async (request, reply) => {
      const staff = signedInStaff(request);
      let id: string;
      try {
        id = (await queue.record(staff, bodyOf(request))).id;
      } catch (error) {
        return refuseForm(request, reply, error, (state) => (
          <RecordRequestPage ctx={page(request, reply)} staff={staff} state={state} />
        ));
      }
      return reply.redirect(`/admin/privacy/${encodeURIComponent(id)}?done=recorded`, 303);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { done?: RequestNotice } }>(
    '/privacy/:id',
    { ...guard, schema: requestQuery },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const detail = await queue.detail(request.params.id);
      // Answering a rights request is the shop's legal duty (GDPR art. 12): the page shows the
      // person's request, so the view is recorded like any staff read of a member's data.
      if (detail.request.member_id)
        await recordStaffRead(services.staffReads, staff, {
          purpose: 'legal',
          what: 'privacy request',
          members: [detail.request.member_id],
        });
      return privatePage(reply).html(
        <PrivacyRequestPage
          ctx={page(request, reply)}
          staff={staff}
          detail={detail}
          now={context.now()}
          notice={request.query.done}
        />,
      );
    },
  );

  type Step = (staff: StaffPrincipal, id: string, body: Record<string, string>) => Promise<void>;
  const steps: Record<RequestStep, Step> = {
    verify: (staff, id) => queue.verify(staff, id),
    start: (staff, id) => queue.start(staff, id),
    extend: (staff, id, body) => queue.extend(staff, id, body.reason ?? ''),
    refuse: (staff, id, body) => queue.refuse(staff, id, body.reason ?? ''),
    answer: (staff, id, body) => queue.close(staff, id, 'correction', body.answer ?? ''),
    lift: (staff, id, body) => queue.close(staff, id, 'restriction', body.answer ?? ''),
  };
  for (const step of requestSteps) {
    app.post<{ Params: { id: string } }>(
      `/privacy/:id/${step}`,
      { ...guard, schema: formSchema(['reason', 'answer']) },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const id = request.params.id;
        try {
          await steps[step](staff, id, bodyOf(request));
        } catch (error) {
          // A forged or unknown id has no page to show the refusal on: the error page says it.
          if (!(error instanceof AppError) || error.code === 'VT_REQUEST_NOT_FOUND') throw error;
          const detail = await queue.detail(id);
          return refuseForm(request, reply, error, (state) => (
            <PrivacyRequestPage
              ctx={page(request, reply)}
              staff={staff}
              detail={detail}
              now={context.now()}
              refused={{ step, state }}
            />
          ));
        }
        return reply.redirect(`/admin/privacy/${encodeURIComponent(id)}?done=${step}`, 303);
      },
    );
  }
}
