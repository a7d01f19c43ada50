import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { requireStaff, signedInStaff } from './staff-access.js';
import { pageContext } from '../../web/page-context.js';
import type { BackofficeServices } from './backoffice-services.js';
import { safeNext } from '../../platform/http/forms.js';
import { bodyOf, formSchema, privatePage, refuseForm, textField } from '../../platform/http/forms.js';
import type { FormState } from '../../web/form-state.js';
import { InvitationPage } from './views/invitation-page.js';
import { RecoveryCodesPage } from './views/recovery-codes-page.js';
import { StaffManagementPage, type StaffPageNotice } from './views/staff-management-page.js';

const manage = { preHandler: requireStaff('staff.manage'), config: { access: { staff: 'staff.manage' as const } } };
const ownPage = { preHandler: requireStaff('back-office'), config: { access: { staff: 'back-office' as const } } };
const auditShown = 30;

/**
 * The owner's staff page (list, invite, role, disable, reset two-factor, audit), the invitation
 * link's page, and each staff member's own recovery codes page.
 */
export function staffManagementRoutes(app: FastifyInstance, context: PlatformContext, services: BackofficeServices) {
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: context.shop.identity() });
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: StaffPageNotice; refused?: 'invite' | 'action' } = {},
  ) => {
    const [accounts, audit] = await Promise.all([services.staff.list(), services.staffAudit.recent(auditShown)]);
    return (state?: FormState) => (
      <StaffManagementPage
        ctx={page(request, reply)}
        staff={signedInStaff(request)}
        accounts={accounts}
        audit={audit}
        state={state}
        {...extra}
      />
    );
  };

  app.get<{ Querystring: { done?: StaffPageNotice } }>(
    '/staff',
    {
      ...manage,
      schema: {
        querystring: { type: 'object', properties: { done: { type: 'string', enum: ['invited', 'changed'] } } },
      },
    },
    async (request, reply) => privatePage(reply).html((await render(request, reply, { notice: request.query.done }))()),
  );

  app.post(
    '/staff/invite',
    { ...manage, schema: formSchema(['name', 'email', 'role', 'locale']) },
    async (request, reply) => {
      const body = bodyOf(request);
      try {
        await services.staffManagement.invite(signedInStaff(request).id, {
          name: body.name ?? '',
          email: body.email ?? '',
          role: body.role ?? '',
          locale: body.locale ?? '',
        });
      } catch (error) {
        return refuseForm(request, reply, error, await render(request, reply, { refused: 'invite' }));
      }
      return reply.redirect('/admin/staff?done=invited', 303);
    },
  );

  const actions = {
    role: (actor: string, id: string, body: Record<string, string>) =>
      services.staffManagement.changeRole(actor, id, body.role ?? ''),
    disable: (actor: string, id: string) => services.staffManagement.disable(actor, id),
    enable: (actor: string, id: string) => services.staffManagement.enable(actor, id),
    'reset-2fa': (actor: string, id: string) => services.staffManagement.resetTwoFactor(actor, id),
    'invite-again': (actor: string, id: string, body: Record<string, string>) =>
      services.staffManagement.inviteAgain(actor, id, body.locale ?? ''),
  };
  for (const [name, act] of Object.entries(actions)) {
    app.post<{ Params: { id: string } }>(
      `/staff/:id/${name}`,
      { ...manage, schema: formSchema(['role', 'locale']) },
      async (request, reply) => {
        try {
          await act(signedInStaff(request).id, request.params.id, bodyOf(request));
        } catch (error) {
          return refuseForm(request, reply, error, await render(request, reply, { refused: 'action' }));
        }
        return reply.redirect(`/admin/staff?done=${name === 'invite-again' ? 'invited' : 'changed'}`, 303);
      },
    );
  }

  const invitationQuery = {
    querystring: { type: 'object', properties: { token: textField(200), locale: textField(2) } },
  } as const;
  app.get<{ Querystring: { token?: string } }>(
    '/invitation',
    { schema: invitationQuery, config: { access: 'public' } },
    async (request, reply) => {
      const token = request.query.token ?? '';
      const invited = await services.staffManagement.invitedBy(token);
      return privatePage(reply)
        .header('referrer-policy', 'no-referrer')
        .code(invited ? 200 : 400)
        .html(<InvitationPage ctx={page(request, reply)} token={invited ? token : ''} name={invited?.name} />);
    },
  );

  app.post(
    '/invitation',
    { schema: { ...invitationQuery, ...formSchema(['token', 'password']) }, config: { access: 'public' } },
    async (request, reply) => {
      const body = bodyOf(request);
      try {
        await services.staffManagement.acceptInvitation(body.token ?? '', body.password ?? '');
      } catch (error) {
        const invited = await services.staffManagement.invitedBy(body.token ?? '');
        return refuseForm(request, reply, error, (state) => (
          <InvitationPage
            ctx={page(request, reply)}
            token={invited ? (body.token ?? '') : ''}
            name={invited?.name}
            state={state}
          />
        ));
      }
      return reply.redirect('/admin/sign-in', 303);
    },
  );

  const codesQuery = {
    querystring: { type: 'object', properties: { used: { type: 'string', enum: ['1'] }, next: textField(500) } },
  } as const;
  app.get<{ Querystring: { used?: string; next?: string } }>(
    '/recovery-codes',
    { ...ownPage, schema: codesQuery },
    async (request, reply) => {
      const staff = signedInStaff(request);
      const remaining = await services.staff.recovery.remaining(staff.id);
      return privatePage(reply).html(
        <RecoveryCodesPage
          ctx={page(request, reply)}
          staff={staff}
          remaining={remaining}
          usedOne={request.query.used === '1'}
          continueTo={safeNext(request.query.next, '/admin')}
        />,
      );
    },
  );

  // New codes only against a current authenticator code (StaffService.remakeRecoveryCodes).
  app.post('/recovery-codes', { ...ownPage, schema: formSchema(['code']) }, async (request, reply) => {
    const staff = signedInStaff(request);
    let codes: string[];
    try {
      codes = await services.staff.remakeRecoveryCodes(
        staff.id,
        bodyOf(request).code ?? '',
        services.knownDevices.clientOf(request, reply),
      );
    } catch (error) {
      const remaining = await services.staff.recovery.remaining(staff.id);
      return refuseForm(request, reply, error, (state) => (
        <RecoveryCodesPage
          ctx={page(request, reply)}
          staff={staff}
          remaining={remaining}
          continueTo="/admin"
          state={state}
        />
      ));
    }
    return privatePage(reply).html(
      <RecoveryCodesPage
        ctx={page(request, reply)}
        staff={staff}
        remaining={codes.length}
        codes={codes}
        continueTo="/admin"
      />,
    );
  });
}
