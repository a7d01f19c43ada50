import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { mayStaff, requireStaff, signedInStaff } from './staff-access.js';
import { pageContext } from '../../web/page-context.js';
import type { BackofficeServices } from './backoffice-services.js';
import { safeNext } from '../../platform/http/forms.js';
import { bodyOf, formSchema, privatePage, refuseForm, textField } from '../../platform/http/forms.js';
import { accessMemberData } from './member-data-access.js';
import { RecoveryCodesPage } from './views/recovery-codes-page.js';
import { DashboardPage, MembersPage, StaffCodePage, StaffSignInPage } from './views/staff-pages.js';
import { adoptStaffSession, clearStaffCookie } from './staff-sessions.js';

const nextQuery = { querystring: { type: 'object', properties: { next: textField(500) } } } as const;
const membersQuery = {
  querystring: {
    type: 'object',
    properties: { q: textField(100), offset: { type: 'integer', minimum: 0, maximum: 1_000_000 } },
  },
} as const;
const pageSize = 50;

/** The staff side: two-step sign-in, the dashboard, and the members list. */
export function staffRoutes(app: FastifyInstance, context: PlatformContext, services: BackofficeServices) {
  const secure = context.config.secureCookies;
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: context.shop.identity() });
  const after = (request: FastifyRequest<{ Querystring: { next?: string } }>) => safeNext(request.query.next, '/admin');
  const withNext = (path: string, next: string | undefined) =>
    next ? `${path}?next=${encodeURIComponent(next)}` : path;

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in',
    { schema: nextQuery, config: { access: 'public' } },
    async (request, reply) => {
      if (request.staff) return reply.redirect(after(request), 303);
      const noStaffYet = !(await services.staff.hasAnyStaff());
      return privatePage(reply).html(
        <StaffSignInPage ctx={page(request, reply)} next={request.query.next} noStaffYet={noStaffYet} />,
      );
    },
  );

  app.post<{ Querystring: { next?: string } }>(
    '/sign-in',
    { schema: { ...nextQuery, ...formSchema(['email', 'password']) }, config: { access: 'public' } },
    async (request, reply) => {
      const body = bodyOf(request);
      try {
        const started = await services.staff.checkPassword(
          { email: body.email ?? '', password: body.password ?? '' },
          services.knownDevices.clientOf(request, reply),
        );
        if (request.staffSession) await services.staffSessions.end(request.staffSession.id);
        adoptStaffSession(request, reply, started, secure);
        return reply.redirect(
          withNext(started.needsSetup ? '/admin/sign-in/setup' : '/admin/sign-in/code', request.query.next),
          303,
        );
      } catch (error) {
        return refuseForm(request, reply, error, (state) => (
          <StaffSignInPage ctx={page(request, reply)} next={request.query.next} noStaffYet={false} state={state} />
        ));
      }
    },
  );

  for (const step of ['code', 'setup'] as const) {
    const path = `/sign-in/${step}`;
    /** The code page needs the password step first; setup only until two-factor is on. */
    const pending = async (request: FastifyRequest, reply: FastifyReply) => {
      const staff = await services.staff.pendingStaff(request.staffSession ?? undefined);
      if (!staff || (step === 'setup') === Boolean(staff.totp_enabled_at)) {
        reply.redirect('/admin/sign-in', 303);
        return undefined;
      }
      return { staff, setup: step === 'setup' ? await services.staff.setupKey(staff) : undefined };
    };

    app.get<{ Querystring: { next?: string } }>(
      path,
      { schema: nextQuery, config: { access: 'staff-pending' } },
      async (request, reply) => {
        const found = await pending(request, reply);
        if (!found) return reply;
        return privatePage(reply).html(
          <StaffCodePage ctx={page(request, reply)} next={request.query.next} setup={found.setup} />,
        );
      },
    );

    app.post<{ Querystring: { next?: string } }>(
      path,
      { schema: { ...nextQuery, ...formSchema(['code']) }, config: { access: 'staff-pending' } },
      async (request, reply) => {
        const found = await pending(request, reply);
        if (!found || !request.staffSession) return reply;
        try {
          const started = await services.staff.checkCode(
            request.staffSession,
            bodyOf(request).code ?? '',
            services.knownDevices.clientOf(request, reply),
          );
          adoptStaffSession(request, reply, started, secure);
          // Setup confirmed: the new recovery codes, in this answer only (never stored in clear).
          if (started.recoveryCodes) {
            return privatePage(reply).html(
              <RecoveryCodesPage
                ctx={page(request, reply)}
                staff={null}
                remaining={started.recoveryCodes.length}
                codes={started.recoveryCodes}
                continueTo={after(request)}
              />,
            );
          }
          if (started.recoveryCodesLeft !== undefined) {
            const next = request.query.next ? `&next=${encodeURIComponent(request.query.next)}` : '';
            return reply.redirect(`/admin/recovery-codes?used=1${next}`, 303);
          }
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <StaffCodePage ctx={page(request, reply)} next={request.query.next} setup={found.setup} state={state} />
          ));
        }
        return reply.redirect(after(request), 303);
      },
    );
  }

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (request.staffSession) await services.staffSessions.end(request.staffSession.id);
    clearStaffCookie(reply, secure);
    return reply.redirect('/admin/sign-in', 303);
  });

  app.get('/', { preHandler: requireStaff(), config: { access: { staff: 'back-office' } } }, async (request, reply) => {
    const staff = signedInStaff(request);
    return privatePage(reply).html(
      <DashboardPage
        ctx={page(request, reply)}
        staff={staff}
        canSeeMembers={mayStaff(staff, 'members.read')}
        canSeeOutbox={mayStaff(staff, 'mail.outbox')}
        canHandlePrivacy={mayStaff(staff, 'privacy.requests')}
        canManageStaff={mayStaff(staff, 'staff.manage')}
      />,
    );
  });

  app.get<{ Querystring: { q?: string; offset?: number } }>(
    '/members',
    { preHandler: requireStaff('members.read'), schema: membersQuery, config: { access: { staff: 'members.read' } } },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const query = request.query.q ?? '';
      const offset = request.query.offset ?? 0;
      const found = await accessMemberData(
        {
          staff,
          purpose: 'support',
          what: 'members list',
          logger: request.log,
          reads: services.staffReads,
          // The members shown (one more is read, to know whether there is a next page).
          subjects: (rows) => rows.slice(0, pageSize).map((row) => ({ memberId: row.id, email: row.email })),
        },
        () => services.members.listForStaff(query, pageSize + 1, offset),
      );
      return privatePage(reply).html(
        <MembersPage
          ctx={page(request, reply)}
          staff={staff}
          query={query}
          members={found.slice(0, pageSize)}
          offset={offset}
          pageSize={pageSize}
          hasMore={found.length > pageSize}
        />,
      );
    },
  );
}
