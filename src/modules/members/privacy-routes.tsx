import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, privatePage, refuseForm, textField } from '../../platform/http/forms.js';
import { locales } from '../../platform/http/i18n.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { MemberServices } from './member-services.js';
import { requireMember } from './member-sessions.js';
import type { MemberRow } from './member-tables.js';
import {
  type PrivacyForm,
  type PrivacyNotice,
  PrivacyPage,
  privacyNotices,
  refreshSeconds,
  refreshesItself,
} from './views/privacy-page.js';

/** A form's fields; longer than the service allows, so that too long words come back with their field named. */
const fields = (names: Record<string, number>) => ({
  body: {
    type: 'object',
    properties: Object.fromEntries(Object.entries(names).map(([name, max]) => [name, textField(max)])),
  },
});

/**
 * The member's Privacy area (/en/account/privacy, /fr/compte/confidentialite): a copy of their
 * data, corrections, objections and restriction, who accessed their data. Every form posts
 * without JavaScript and comes back to the page, or with its refusal on it.
 */
export function privacyRoutes(app: FastifyInstance, context: PlatformContext, services: MemberServices) {
  const guarded = { preHandler: requireMember, config: { access: 'member' as const } };
  const area = services.privacyArea;

  const currentMember = async (request: FastifyRequest): Promise<MemberRow> => {
    const member = request.member && (await services.members.find(request.member.id));
    if (!member) throw new AppError('VT_SIGN_IN_REQUIRED');
    return member;
  };

  for (const locale of locales) {
    const base = paths.accountPrivacy(locale);
    const page = (request: FastifyRequest, reply: FastifyReply) =>
      pageContext(request, reply, {
        locale,
        shop: context.shop.identity(),
        alternates: alternatesOf(paths.accountPrivacy),
      });

    /** A refused form: the page again, with the refusal in the form it belongs to and what was typed. */
    const refuse = async (
      request: FastifyRequest,
      reply: FastifyReply,
      error: unknown,
      member: MemberRow,
      form: PrivacyForm,
    ) => {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const overview = await area.overview(member);
      return refuseForm(request, reply, error, (state) => (
        <PrivacyPage
          ctx={page(request, reply)}
          username={member.username}
          overview={overview}
          form={form}
          state={state}
        />
      ));
    };

    app.get<{ Querystring: { notice?: PrivacyNotice; still?: '1' } }>(
      base,
      {
        ...guarded,
        schema: {
          querystring: {
            type: 'object',
            properties: {
              notice: { type: 'string', enum: [...privacyNotices] },
              still: { type: 'string', enum: ['1'] },
            },
          },
        },
      },
      async (request, reply) => {
        const member = await currentMember(request);
        const overview = await area.overview(member);
        // A header, not <meta refresh>: the same reload, and the page offers to stop it (WCAG 2.2.1).
        if (refreshesItself(overview, request.query.still === '1')) reply.header('refresh', String(refreshSeconds));
        return privatePage(reply).html(
          <PrivacyPage
            ctx={page(request, reply)}
            username={member.username}
            overview={overview}
            notice={request.query.notice}
            still={request.query.still === '1'}
          />,
        );
      },
    );

    /** One of the page's forms: its action, then where to go; a refusal shows the page again, with it on the form. */
    const form = (
      action: string,
      refused: PrivacyForm,
      schema: ReturnType<typeof fields> | undefined,
      act: (member: MemberRow, body: Record<string, string>) => Promise<string>,
    ) =>
      app.post(`${base}/${action}`, { ...guarded, ...(schema ? { schema } : {}) }, async (request, reply) => {
        const member = await currentMember(request);
        let next: string;
        try {
          next = await act(member, bodyOf(request));
        } catch (error) {
          return refuse(request, reply, error, member, refused);
        }
        return reply.redirect(next, 303);
      });
    const notice = (name: PrivacyNotice) => `${base}?notice=${name}`;

    form('export', 'copy', undefined, async (member) => {
      await area.requestCopy(member, locale);
      return notice('copyRequested');
    });
    // A fresh single-use link to the member's own archive, then straight to it: the browser downloads.
    form('download', 'copy', fields({ request: 200 }), (member, body) => area.downloadPath(member, body.request ?? ''));
    form('correction', 'correction', fields({ details: 8000 }), async (member, body) => {
      await area.requestCorrection(member, body.details ?? '', locale);
      return notice('correctionSent');
    });
    form('objection', 'objection', fields({ scope: 100, objecting: 10 }), async (member, body) => {
      if (body.objecting !== '0' && body.objecting !== '1') throw new AppError('VT_VALIDATION');
      await area.setObjection(member, body.scope ?? '', body.objecting === '1');
      return notice(body.objecting === '1' ? 'objected' : 'lifted');
    });
    form('restriction', 'restriction', fields({ reason: 8000 }), async (member, body) => {
      await area.restrict(member, body.reason ?? '', locale);
      return notice('restricted');
    });
  }
}
