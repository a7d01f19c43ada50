import { tablesOf } from '../db/database.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { createJobWorker } from '../jobs/start-worker.js';
import { cookieHeaderOf, signedInStaff } from '../../../test/staff.js';
import { mailerContract } from './mailer.contract.js';
import { OutboxMailer } from './outbox-mailer.js';
import type { OutboxTable } from './outbox-table.js';

describeEachEngine('OutboxMailer', (suite) => {
  mailerContract(() => ({
    mailer: new OutboxMailer(suite.database),
    received: async () =>
      (await tablesOf<OutboxTable>(suite.database).selectFrom('mail_outbox').selectAll().execute()).map((row) => ({
        from: row.from_address,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body ?? undefined,
      })),
  }));

  it('shows queued mail to staff at /admin/outbox once the worker has run, after a test send', async () => {
    const { browser } = await signedInStaff(suite, 'support');
    const auth = { cookie: cookieHeaderOf(browser) };
    await suite.database.db.transaction().execute(async (trx) => {
      await suite.context.mail.queue(trx, { to: 'linus@example.org', subject: 'Outbox check', text: 'Line one\nLine two' });
    });
    await createJobWorker(suite.context).tick();
    const list = await suite.app.inject({ url: '/admin/outbox', headers: { ...auth, 'accept-language': 'en' } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const id = /href="\/admin\/outbox\/([^"]+)">Outbox check</.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const message = await suite.app.inject({ url: `/admin/outbox/${id}`, headers: auth });
    expect(message.body).toContain('linus@example.org');
    expect(message.body).toContain('Line one\nLine two');
  });
});
