import { knownDeviceCookie } from './auth/known-devices.js';
import { defineModule } from './module.js';
import { migrationData } from './db/privacy.js';
import { csrfCookie, staffCsrfCookie } from './http/csrf.js';
import { healthRoutes } from './http/health-routes.js';
import * as jobsMigration from './jobs/migrations/20261125_01_jobs.js';
import * as jobSecretMigration from './jobs/migrations/20261126_30_job_secret.js';
import * as jobWorkersMigration from './jobs/migrations/20261126_30_job_workers.js';
import { jobsData } from './jobs/privacy.js';
import { handle } from './jobs/job-handler.js';
import { mailDeliveryJob, mailSecretsCleanupJob } from './mail/mail-service.js';
import * as outboxMigration from './mail/migrations/20261125_02_mail_outbox.js';
import * as mailDeliveryMigration from './mail/migrations/20261126_31_mail_delivery.js';
import * as outboxToLowerMigration from './mail/migrations/20261203_43_outbox_to_lower.js';
import * as outboxLinkKeyMigration from './mail/migrations/20261203_44_outbox_link_key.js';
import * as outboxAttachmentsMigration from './mail/migrations/20261204_51_outbox_attachments.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import { mailData } from './mail/privacy.js';
import * as shopSettingsMigration from './settings/migrations/20261125_03_shop_settings.js';
import { shopData } from './settings/privacy.js';

/** The platform's own tables, cookies, jobs and routes, declared like any module's. */
export const platformModule = defineModule({
  name: 'platform',
  migrations: {
    '20261125_01_jobs': jobsMigration,
    '20261125_02_mail_outbox': outboxMigration,
    '20261125_03_shop_settings': shopSettingsMigration,
    '20261126_30_job_secret': jobSecretMigration,
    '20261126_30_job_workers': jobWorkersMigration,
    '20261126_31_mail_delivery': mailDeliveryMigration,
    '20261203_43_outbox_to_lower': outboxToLowerMigration,
    '20261203_44_outbox_link_key': outboxLinkKeyMigration,
    '20261204_51_outbox_attachments': outboxAttachmentsMigration,
  },
  data: [migrationData, jobsData, mailData, shopData],
  cookies: [csrfCookie, staffCsrfCookie, knownDeviceCookie],
  jobs: ({ platform }) => [
    handle(mailDeliveryJob, platform.mail.deliver),
    handle(mailSecretsCleanupJob, async () => {
      if (platform.mailer instanceof OutboxMailer) await platform.mailer.forgetExpiredSecrets();
    }),
  ],
  // The outbox's copies of one-time links are emptied at most 10 minutes after the links expire.
  schedules: [{ job: mailSecretsCleanupJob, every: 'PT10M' }],
  routes: (app, { platform }) => healthRoutes(app, platform),
});
