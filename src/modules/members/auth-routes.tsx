import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import { locales } from '../../platform/http/i18n.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { MemberServices } from './member-services.js';
import { adoptSession, clearSessionCookie, rememberedAccount } from './member-sessions.js';
import { safeNext } from '../../platform/http/forms.js';
import {
  CheckInboxPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  type SignInNotice,
  SignInPage,
  SignUpPage,
} from './views/auth-pages.js';
import { LinkPage } from './views/link-page.js';
import { bodyOf, formSchema, privatePage, refuseForm, textField } from '../../platform/http/forms.js';

const signInNotices = ['verified', 'reset', 'signedOut'] as const;

/** Sign-up, email confirmation, sign-in and out, forgotten password: in each language. */
export function authRoutes(app: FastifyInstance, context: PlatformContext, services: MemberServices) {
  const secure = context.config.secureCookies;
  const shop = () => context.shop.identity();

  for (const locale of locales) {
    const page = (
      request: Parameters<typeof pageContext>[0],
      reply: Parameters<typeof pageContext>[1],
      path: (l: typeof locale) => string,
    ) => pageContext(request, reply, { locale, shop: shop(), alternates: alternatesOf(path) });

    app.get<{ Querystring: { sent?: string } }>(
      paths.signUp(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        if (request.member) return reply.redirect(paths.account(locale), 303);
        const ctx = page(request, reply, paths.signUp);
        return privatePage(reply).html(
          request.query.sent === '1' ? (
            <CheckInboxPage ctx={ctx} reason="sign-up" />
          ) : (
            <SignUpPage ctx={ctx} uses={services.accountUses} />
          ),
        );
      },
    );

    app.post(
      paths.signUp(locale),
      { schema: formSchema(['username', 'email', 'password', 'name']), config: { access: 'public' } },
      async (request, reply) => {
        const body = bodyOf(request);
        try {
          await services.signUp.signUp(
            {
              username: body.username ?? '',
              email: body.email ?? '',
              password: body.password ?? '',
              name: body.name ?? '',
            },
            locale,
            request.ip,
          );
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <SignUpPage ctx={page(request, reply, paths.signUp)} uses={services.accountUses} state={state} />
          ));
        }
        return reply.redirect(`${paths.signUp(locale)}?sent=1`, 303);
      },
    );

    app.get<{ Querystring: { token?: string } }>(
      paths.verifyEmail(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        const token = request.query.token ?? '';
        const usable = Boolean(await services.links.isUsable(token, 'verify-email'));
        return privatePage(reply)
          .code(usable ? 200 : 400)
          .html(<LinkPage ctx={page(request, reply, paths.verifyEmail)} kind="verify" token={token} usable={usable} />);
      },
    );

    app.post(
      paths.verifyEmail(locale),
      { schema: formSchema(['token']), config: { access: 'public' } },
      async (request, reply) => {
        const token = bodyOf(request).token ?? '';
        try {
          await services.signUp.confirmEmail(token);
        } catch (error) {
          return refuseForm(request, reply, error, () => (
            <LinkPage ctx={page(request, reply, paths.verifyEmail)} kind="verify" token={token} usable={false} />
          ));
        }
        return reply.redirect(`${paths.signIn(locale)}?notice=verified`, 303);
      },
    );

    app.get<{ Querystring: { next?: string; notice?: SignInNotice } }>(
      paths.signIn(locale),
      {
        schema: {
          querystring: {
            type: 'object',
            properties: { next: textField(500), notice: { type: 'string', enum: [...signInNotices] } },
          },
        },
        config: { access: 'public' },
      },
      async (request, reply) => {
        if (request.member) return reply.redirect(safeNext(request.query.next, paths.account(locale)), 303);
        const ctx = page(request, reply, paths.signIn);
        return privatePage(reply).html(
          <SignInPage ctx={ctx} next={request.query.next} notice={request.query.notice} />,
        );
      },
    );

    app.post<{ Querystring: { next?: string } }>(
      paths.signIn(locale),
      { schema: formSchema(['identifier', 'password', 'remember']), config: { access: 'public' } },
      async (request, reply) => {
        const body = bodyOf(request);
        try {
          const started = await services.signIn.signIn(
            { identifier: body.identifier ?? '', password: body.password ?? '', remember: body.remember === '1' },
            services.knownDevices.clientOf(request, reply, rememberedAccount(request)),
            locale,
          );
          // A session already open in this browser (another account) ends here: one per browser.
          if (request.member) await services.sessions.end(request.member.session.id);
          adoptSession(request, reply, started, secure);
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <SignInPage ctx={page(request, reply, paths.signIn)} state={state} next={request.query.next} />
          ));
        }
        return reply.redirect(safeNext(request.query.next, paths.account(locale)), 303);
      },
    );

    app.post(paths.signOut(locale), { config: { access: 'public' } }, async (request, reply) => {
      if (request.member) await services.sessions.end(request.member.session.id);
      clearSessionCookie(reply, secure);
      return reply.redirect(`${paths.signIn(locale)}?notice=signedOut`, 303);
    });

    app.get<{ Querystring: { sent?: string } }>(
      paths.forgotPassword(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        const ctx = page(request, reply, paths.forgotPassword);
        return privatePage(reply).html(
          request.query.sent === '1' ? <CheckInboxPage ctx={ctx} reason="reset" /> : <ForgotPasswordPage ctx={ctx} />,
        );
      },
    );

    app.post(
      paths.forgotPassword(locale),
      { schema: formSchema(['email']), config: { access: 'public' } },
      async (request, reply) => {
        try {
          await services.credentials.requestPasswordReset(bodyOf(request).email ?? '', locale, request.ip);
        } catch (error) {
          return refuseForm(request, reply, error, (state) => (
            <ForgotPasswordPage ctx={page(request, reply, paths.forgotPassword)} state={state} />
          ));
        }
        return reply.redirect(`${paths.forgotPassword(locale)}?sent=1`, 303);
      },
    );

    app.get<{ Querystring: { token?: string } }>(
      paths.resetPassword(locale),
      { config: { access: 'public' } },
      async (request, reply) => {
        const token = request.query.token ?? '';
        const ctx = page(request, reply, paths.resetPassword);
        const member = await services.credentials.memberOfResetLink(token);
        return privatePage(reply)
          .code(member ? 200 : 400)
          .html(
            member ? (
              <ResetPasswordPage ctx={ctx} token={token} />
            ) : (
              <LinkPage ctx={ctx} kind="verify" token="" usable={false} />
            ),
          );
      },
    );

    app.post(
      paths.resetPassword(locale),
      { schema: formSchema(['token', 'password']), config: { access: 'public' } },
      async (request, reply) => {
        const body = bodyOf(request);
        try {
          await services.credentials.resetPassword(
            body.token ?? '',
            body.password ?? '',
            services.knownDevices.clientOf(request, reply, rememberedAccount(request)).device,
          );
        } catch (error) {
          const ctx = page(request, reply, paths.resetPassword);
          return refuseForm(request, reply, error, (state) =>
            state.code === 'VT_LINK_INVALID' ? (
              <LinkPage ctx={ctx} kind="verify" token="" usable={false} />
            ) : (
              <ResetPasswordPage ctx={ctx} token={body.token ?? ''} state={state} />
            ),
          );
        }
        // The reset ended every session, this browser's included.
        clearSessionCookie(reply, secure);
        return reply.redirect(`${paths.signIn(locale)}?notice=reset`, 303);
      },
    );
  }
}
