import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../../test/mail.js';
import { describeEachEngine } from '../../../test/harness.js';
import { startSmtpServer } from '../../../test/smtp-test-server.js';
import { tablesOf } from '../db/database.js';
import type { JobsTable } from '../jobs/jobs-table.js';
import { mailerContract } from './mailer.contract.js';
import { FieldEncryption } from '../crypto/field-encryption.js';
import { mailSecretsPurpose, mailDeliveryJob } from './mail-service.js';
import { sealSecrets } from './one-time-secrets.js';
import { SmtpMailer } from './smtp-mailer.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

describe('SmtpMailer (against a real SMTP server in this process)', () => {
  let mailer: SmtpMailer;
  beforeAll(() => {
    mailer = new SmtpMailer(smtp.url);
  });
  afterAll(() => mailer.close());
  // A fixed key: what SmtpMailer keeps at rest is nothing, whatever the seal.
  const encryption = new FieldEncryption({ key: () => Buffer.alloc(32, 7), sign: () => '' }, mailSecretsPurpose);
  mailerContract(() => ({
    mailer,
    received: async () => smtp.inbox,
    stored: async () => [],
    seal: (secrets) => sealSecrets(encryption, secrets),
  }));

  it('fails loudly when the server is unreachable, so the job is retried', async () => {
    const nowhere = new SmtpMailer('smtp://127.0.0.1:9');
    await expect(
      nowhere.send({
        from: 'a@example.org',
        to: 'b@example.org',
        subject: 's',
        text: 't',
        messageId: '<nowhere@example.org>',
      }),
    ).rejects.toThrow();
    await nowhere.close();
  });
});

describeEachEngine(
  'mail through the job queue to SMTP',
  (suite) => {
    it('queues a message in the business transaction and the worker delivers it', async () => {
      await suite.database.db.transaction().execute(async (trx) => {
        await suite.context.mail.queue(trx, {
          to: 'grace@example.org',
          subject: `Queued for ${suite.engine}`,
          text: 'Hello',
        });
      });
      expect(smtp.inbox.find((m) => m.subject === `Queued for ${suite.engine}`)).toBeUndefined();
      await runDueJobs(suite);
      const delivered = smtp.inbox.find((m) => m.subject === `Queued for ${suite.engine}`);
      expect(delivered).toMatchObject({ to: 'grace@example.org', from: expect.stringContaining('Code Academy') });
    });

    // Finding 8 of the security review: after kill -9, 4 of 4 in-flight messages went out twice.
    // Over SMTP the one window left is the SMTP exchange itself (the server accepted, the worker
    // died before hearing it): then the mail goes again, under the same Message-ID (mail-service.ts).
    it('sends a mail once when its job runs again after its worker died between delivering and recording the job done', async () => {
      const subject = `Crash for ${suite.engine}`;
      await suite.database.db.transaction().execute(async (trx) => {
        await suite.context.mail.queue(trx, { to: 'crash@example.org', subject, text: 'Only once' });
      });
      const claimed = await suite.context.jobs.claim('worker-about-to-die', 50, 60_000);
      const job = claimed.find((candidate) => (candidate.payload as { subject?: string }).subject === subject);
      if (!job) throw new Error('the mail job was not claimed');
      // The worker sends the mail, then dies before recording the job done; its lock runs out.
      await suite.context.mail.deliver(mailDeliveryJob.parse(job.payload), job);
      await tablesOf<JobsTable>(suite.database)
        .updateTable('jobs')
        .set({ locked_until: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', job.id)
        .execute();
      await runDueJobs(suite);
      const row = await tablesOf<JobsTable>(suite.database)
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'done', attempts: 2 });
      const received = smtp.inbox.filter((message) => message.subject === subject);
      expect(received).toHaveLength(1);
      expect(received[0]?.messageId).toBe(`<${job.id}@codeacademy123.com>`);
    });
  },
  {
    app: false,
    overrides: {
      get mailer() {
        return new SmtpMailer(smtp.url);
      },
    },
  },
);
