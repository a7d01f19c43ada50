import { tablesOf } from '../db/database.js';
import { runDueJobs } from '../../../test/mail.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import type { JobsTable } from '../jobs/jobs-table.js';
import { cookieHeaderOf, signedInStaff } from '../../../test/staff.js';
import { mailerContract } from './mailer.contract.js';
import { FieldEncryption } from '../crypto/field-encryption.js';
import { storedAttachments } from './mail-attachment.js';
import { mailSecretsPurpose } from './mail-service.js';
import { sealSecrets } from './one-time-secrets.js';
import { OutboxMailer, revealedText } from './outbox-mailer.js';
import type { OutboxTable } from './outbox-table.js';

describeEachEngine('OutboxMailer', (suite) => {
  const encryption = () => new FieldEncryption(suite.context.secrets, mailSecretsPurpose);
  const rows = () => tablesOf<OutboxTable>(suite.database).selectFrom('mail_outbox').selectAll().execute();
  mailerContract(() => ({
    // As outside production: links kept, sealed, for the development mailbox.
    mailer: new OutboxMailer(suite.database, () => new Date(), { keepSecrets: true }),
    received: async () =>
      (await rows()).map((row) => ({
        from: row.from_address,
        to: row.to_address,
        subject: row.subject,
        text: revealedText(row, encryption(), new Date(), '[hidden]'),
        html: row.html_body ?? undefined,
        messageId: row.message_id ?? undefined,
        attachments: storedAttachments(row.attachments).map((file) => ({
          ...file,
          contentType: file.contentType.split(';')[0] as string,
        })),
      })),
    stored: rows,
    seal: (secrets) => sealSecrets(encryption(), secrets),
  }));

  it('shows queued mail to staff at /admin/outbox once the worker has run: who and what to support, the body to the owner only', async () => {
    const { browser } = await signedInStaff(suite, 'support');
    const auth = { cookie: cookieHeaderOf(browser) };
    await suite.database.db.transaction().execute(async (trx) => {
      await suite.context.mail.queue(trx, {
        to: 'linus@example.org',
        subject: 'Outbox check',
        text: 'Line one\nLine two',
      });
    });
    await runDueJobs(suite);
    const list = await suite.app.inject({ url: '/admin/outbox', headers: { ...auth, 'accept-language': 'en' } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const id = /href="\/admin\/outbox\/([^"]+)">Outbox check</.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const message = await suite.app.inject({
      url: `/admin/outbox/${id}`,
      headers: { ...auth, 'accept-language': 'en' },
    });
    expect(message.body).toContain('linus@example.org');
    expect(message.body).not.toContain('Line one');
    expect(message.body).toContain('Only the shop’s owner can read what a message says');

    const owner = await signedInStaff(suite, 'owner');
    const asOwner = await owner.browser.get(`/admin/outbox/${id}`);
    expect(asOwner.body).toContain('Line one\nLine two');
  });

  it('keeps a mail once when its worker died after storing it and before recording the delivery', async () => {
    await suite.database.db.transaction().execute(async (trx) => {
      await suite.context.mail.queue(trx, { to: 'died-mid-way@example.org', subject: 'Mid-way', text: 'Only once' });
    });
    const claimed = await suite.context.jobs.claim('worker-about-to-die', 50, 60_000);
    const job = claimed.find((candidate) => (candidate.payload as { to?: string }).to === 'died-mid-way@example.org');
    if (!job) throw new Error('the mail job was not claimed');
    // What deliver() had done when the process died: the message stored under the job's Message-ID.
    await suite.context.mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'died-mid-way@example.org',
      subject: 'Mid-way',
      text: 'Only once',
      messageId: `<${job.id}@codeacademy123.com>`,
    });
    await tablesOf<JobsTable>(suite.database)
      .updateTable('jobs')
      .set({ locked_until: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', job.id)
      .execute();
    await runDueJobs(suite);
    expect(
      (
        await tablesOf<JobsTable>(suite.database)
          .selectFrom('jobs')
          .select('status')
          .where('id', '=', job.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('done');
    expect(
      await tablesOf<OutboxTable>(suite.database)
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', 'died-mid-way@example.org')
        .execute(),
    ).toHaveLength(1);
  });

  it('stores a message once per Message-ID', async () => {
    const mailer = new OutboxMailer(suite.database);
    const message = {
      from: 'shop@example.org',
      to: 'once@example.org',
      subject: 'Once',
      text: 'Only once',
      messageId: '<once-1@example.org>',
    };
    await mailer.send(message);
    await mailer.send(message);
    expect(
      await tablesOf<OutboxTable>(suite.database)
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', 'once@example.org')
        .execute(),
    ).toHaveLength(1);
  });
});
