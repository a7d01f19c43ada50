import { h } from 'preact';
import { defineJob, noPayload } from '../platform/jobs/job-definition.js';
import { handle } from '../platform/jobs/job-handler.js';
import { defineModule } from '../platform/module.js';
import { locales } from '../platform/http/i18n.js';
import { pageContext } from '../web/page-context.js';
import { alternatesOf, paths } from '../web/paths.js';
import { CookiesPage } from './cookies/cookies-page.js';
import { PolicyPage } from './policy/policy-page.js';
import { enforceRetention } from './retention/enforce-retention.js';
import * as rightsMigration from './rights/migrations/20261203_40_privacy_rights.js';
import { rightsData } from './rights/privacy.js';

/** The hourly job that deletes and clears what the declared retention periods no longer allow. */
const retentionJob = defineJob({ name: 'privacy.retention', parse: noPayload });

/**
 * The published privacy policy and cookie list, rendered from the registry on every request, and
 * the hourly job that keeps the retention periods the policy states.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  migrations: { '20261203_40_privacy_rights': rightsMigration },
  data: [rightsData],
  jobs: ({ platform: context }) => [
    handle(retentionJob, async () => {
      const results = await enforceRetention(context.database, context.privacy, context.now());
      const removed = results.filter((r) => r.deleted > 0 || Object.values(r.cleared).some((n) => n > 0));
      if (removed.length > 0) context.logger.info({ retention: removed }, 'retention periods enforced');
    }),
  ],
  schedules: [{ job: retentionJob, every: 'PT1H' }],
  routes: (app, { platform: context }) => {
    for (const locale of locales) {
      app.get(paths.privacy(locale), { config: { access: 'public' } }, async (request, reply) => {
        const ctx = pageContext(request, reply, {
          locale,
          shop: context.shop.identity(),
          alternates: alternatesOf(paths.privacy),
        });
        return reply.html(h(PolicyPage, { ctx, tables: context.privacy.personalTables() }));
      });
      app.get(paths.cookies(locale), { config: { access: 'public' } }, async (request, reply) => {
        const ctx = pageContext(request, reply, {
          locale,
          shop: context.shop.identity(),
          alternates: alternatesOf(paths.cookies),
        });
        const secure = context.config.secureCookies;
        return reply.html(h(CookiesPage, { ctx, cookies: context.privacy.cookies.all(), secure }));
      });
    }
  },
});
