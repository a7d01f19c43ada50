import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { AppError } from '../../platform/http/errors.js';
import { type Locale, locales } from '../../platform/http/i18n.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import { profileFields } from './member-input.js';
import type { MemberServices } from './member-services.js';
import type { MemberRow } from './member-tables.js';
import { adoptSession, clearSessionCookie, requireMember } from './member-sessions.js';
import { clientOf } from '../../platform/auth/client-of.js';
import { loadDeviceDescriber } from '../../platform/auth/device-description.js';
import { DeleteAccountPage, ErasureReceiptPage } from './views/delete-account-page.js';
import { DevicesPage } from './views/devices-page.js';
import { LinkPage } from './views/link-page.js';
import { ProfilePage } from './views/profile-page.js';
import { type SecurityNotice, SecurityPage } from './views/security-page.js';
import { bodyOf, formSchema, privatePage, refuseForm } from '../../platform/http/forms.js';

const noticeQuery = (notices: readonly string[]) => ({
  querystring: { type: 'object', properties: { notice: { type: 'string', enum: [...notices] } } },
});

/** The signed-in member's own pages: profile, email and password, devices, deletion. */
export function accountRoutes(app: FastifyInstance, context: PlatformContext, services: MemberServices) {
  const secure = context.config.secureCookies;
  const guarded = { preHandler: requireMember, config: { access: 'member' as const } };

  /** The member behind the session; a session whose account was just deleted signs out. */
  const currentMember = async (request: FastifyRequest): Promise<MemberRow> => {
    const member = request.member && (await services.members.find(request.member.id));
    if (!member) throw new AppError('VT_SIGN_IN_REQUIRED');
    return member;
  };

  for (const locale of locales) {
    const page = (request: FastifyRequest, reply: FastifyReply, path: (l: Locale) => string) =>
      pageContext(request, reply, { locale, shop: context.shop.identity(), alternates: alternatesOf(path) });

    app.get<{ Querystring: { notice?: 'saved' | 'welcome' } }>(
      paths.account(locale),
      { ...guarded, schema: noticeQuery(['saved', 'welcome']) },
      async (request, reply) => {
        const member = await currentMember(request);
        return privatePage(reply).html(
          <ProfilePage
            ctx={page(request, reply, paths.account)}
            member={member}
            shownToOthers={services.accountUses.shownToOthers}
            notice={request.query.notice}
          />,
        );
      },
    );

    app.post(paths.account(locale), { ...guarded, schema: formSchema([...profileFields]) }, async (request, reply) => {
      const member = await currentMember(request);
      try {
        const body = bodyOf(request);
        await services.members.updateProfile(
          member,
          Object.fromEntries(profileFields.map((field) => [field, body[field]])),
        );
      } catch (error) {
        return refuseForm(request, reply, error, (state) => (
          <ProfilePage
            ctx={page(request, reply, paths.account)}
            member={member}
            shownToOthers={services.accountUses.shownToOthers}
            state={state}
          />
        ));
      }
      return reply.redirect(`${paths.account(locale)}?notice=saved`, 303);
    });

    const securityNotices: SecurityNotice[] = ['emailSent', 'emailChanged', 'passwordChanged'];
    app.get<{ Querystring: { notice?: SecurityNotice } }>(
      paths.security(locale),
      { ...guarded, schema: noticeQuery(securityNotices) },
      async (request, reply) => {
        const member = await currentMember(request);
        return privatePage(reply).html(
          <SecurityPage ctx={page(request, reply, paths.security)} member={member} notice={request.query.notice} />,
        );
      },
    );

    app.post(
      `${paths.security(locale)}/email`,
      { ...guarded, schema: formSchema(['email', 'current_password']) },
      async (request, reply) => {
        const member = await currentMember(request);
        const body = bodyOf(request);
        try {
          await services.credentials.requestEmailChange(
            member,
            { email: body.email ?? '', current: body.current_password ?? '' },
            request.ip,
            locale,
          );
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <SecurityPage ctx={page(request, reply, paths.security)} member={member} form="email" state={state} />
          ));
        }
        return reply.redirect(`${paths.security(locale)}?notice=emailSent`, 303);
      },
    );

    app.post(
      `${paths.security(locale)}/password`,
      { ...guarded, schema: formSchema(['current_password', 'new_password', 'username']) },
      async (request, reply) => {
        const member = await currentMember(request);
        const body = bodyOf(request);
        const session = request.member?.session;
        if (!session) throw new AppError('VT_SIGN_IN_REQUIRED');
        try {
          const next = await services.credentials.changePassword(
            member,
            session,
            { current: body.current_password ?? '', next: body.new_password ?? '' },
            clientOf(request),
          );
          adoptSession(request, reply, next, secure);
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <SecurityPage ctx={page(request, reply, paths.security)} member={member} form="password" state={state} />
          ));
        }
        return reply.redirect(`${paths.security(locale)}?notice=passwordChanged`, 303);
      },
    );

    // Opened from the new mailbox, perhaps in another browser: no sign-in needed, the link is the proof.
    app.get<{ Querystring: { token?: string } }>(
      paths.confirmEmail(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        const token = request.query.token ?? '';
        const usable = Boolean(await services.links.isUsable(token, 'change-email'));
        return privatePage(reply)
          .code(usable ? 200 : 400)
          .html(
            <LinkPage ctx={page(request, reply, paths.confirmEmail)} kind="change" token={token} usable={usable} />,
          );
      },
    );

    app.post(
      paths.confirmEmail(locale),
      { schema: formSchema(['token']), config: { access: 'public' } },
      async (request, reply) => {
        const token = bodyOf(request).token ?? '';
        try {
          await services.credentials.confirmEmailChange(token, request.member?.session.id);
        } catch (error) {
          // Any other refusal (the address was taken meanwhile) has its own page: the link is not spent.
          if (!(error instanceof AppError) || error.code !== 'VT_LINK_INVALID') throw error;
          return refuseForm(request, reply, error, () => (
            <LinkPage ctx={page(request, reply, paths.confirmEmail)} kind="change" token={token} usable={false} />
          ));
        }
        return reply.redirect(
          request.member ? `${paths.security(locale)}?notice=emailChanged` : `${paths.signIn(locale)}`,
          303,
        );
      },
    );

    app.get<{ Querystring: { notice?: 'revoked' | 'revokedAll' } }>(
      paths.devices(locale),
      { ...guarded, schema: noticeQuery(['revoked', 'revokedAll']) },
      async (request, reply) => {
        const member = await currentMember(request);
        const [sessions, describeDevice] = await Promise.all([
          services.sessions.list(member.id),
          loadDeviceDescriber(),
        ]);
        return privatePage(reply).html(
          <DevicesPage
            ctx={page(request, reply, paths.devices)}
            username={member.username}
            sessions={sessions}
            currentId={request.member?.session.id ?? ''}
            describeDevice={describeDevice}
            notice={request.query.notice}
          />,
        );
      },
    );

    app.post<{ Params: { id: string } }>(`${paths.devices(locale)}/:id/sign-out`, guarded, async (request, reply) => {
      const member = await currentMember(request);
      // Another member's session id, or one already ended: nothing to do, and nothing to reveal.
      if (!(await services.sessions.endOne(member.id, request.params.id))) throw new AppError('VT_NOT_FOUND');
      return reply.redirect(`${paths.devices(locale)}?notice=revoked`, 303);
    });

    app.post(`${paths.devices(locale)}/sign-out-others`, guarded, async (request, reply) => {
      const member = await currentMember(request);
      await services.sessions.endAll(member.id, request.member?.session.id);
      return reply.redirect(`${paths.devices(locale)}?notice=revokedAll`, 303);
    });

    app.get(paths.deleteAccount(locale), guarded, async (request, reply) => {
      const member = await currentMember(request);
      return privatePage(reply).html(
        <DeleteAccountPage ctx={page(request, reply, paths.deleteAccount)} username={member.username} />,
      );
    });

    app.post(
      paths.deleteAccount(locale),
      { ...guarded, schema: formSchema(['password', 'confirm']) },
      async (request, reply) => {
        const member = await currentMember(request);
        const body = bodyOf(request);
        try {
          if (body.confirm !== '1') throw new AppError('VT_VALIDATION', { fields: { confirm: 'confirm' } });
          const plan = await services.members.deleteAccount(member, body.password ?? '', request.ip, locale);
          clearSessionCookie(reply, secure);
          return privatePage(reply).html(
            <ErasureReceiptPage
              ctx={page(request, reply, paths.deleteAccount)}
              lines={services.erasureReceipt(plan, locale)}
            />,
          );
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <DeleteAccountPage
              ctx={page(request, reply, paths.deleteAccount)}
              username={member.username}
              state={state}
            />
          ));
        }
      },
    );
  }
}
