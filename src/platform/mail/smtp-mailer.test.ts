import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { startSmtpServer } from '../../../test/smtp-test-server.js';
import { createJobWorker } from '../jobs/start-worker.js';
import { mailerContract } from './mailer.contract.js';
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
  mailerContract(() => ({ mailer, received: async () => smtp.inbox }));

  it('fails loudly when the server is unreachable, so the job is retried', async () => {
    const nowhere = new SmtpMailer('smtp://127.0.0.1:9');
    await expect(nowhere.send({ from: 'a@example.org', to: 'b@example.org', subject: 's', text: 't' })).rejects.toThrow();
    await nowhere.close();
  });
});

describeEachEngine(
  'mail through the job queue to SMTP',
  (suite) => {
    it('queues a message in the business transaction and the worker delivers it', async () => {
      await suite.database.db.transaction().execute(async (trx) => {
        await suite.context.mail.queue(trx, { to: 'grace@example.org', subject: `Queued for ${suite.engine}`, text: 'Hello' });
      });
      expect(smtp.inbox.find((m) => m.subject === `Queued for ${suite.engine}`)).toBeUndefined();
      await createJobWorker(suite.context).tick();
      const delivered = smtp.inbox.find((m) => m.subject === `Queued for ${suite.engine}`);
      expect(delivered).toMatchObject({ to: 'grace@example.org', from: expect.stringContaining('Code Academy') });
    });
  },
  { app: false, overrides: { get mailer() { return new SmtpMailer(smtp.url); } } },
);
