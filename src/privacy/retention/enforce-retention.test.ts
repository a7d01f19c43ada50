import { tablesOf } from '../../platform/db/database.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { createJobWorker } from '../../job-workers.js';
import type { JobsTable } from '../../platform/jobs/jobs-table.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import { OutboxMailer } from '../../platform/mail/outbox-mailer.js';
import { PrivacyRegistry } from '../core/registry.js';
import { defineData } from '../core/declare.js';
import { enforceRetention } from './enforce-retention.js';
import { mailData } from '../../platform/mail/privacy.js';

describeEachEngine(
  'retention enforcement',
  (suite) => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    const outbox = () => tablesOf<OutboxTable>(suite.database);

    it('deletes outbox mail older than its declared three months, and keeps the rest', async () => {
      const send = (at: string, to: string) =>
        new OutboxMailer(suite.database, () => new Date(at)).send({
          from: 'shop@example.org',
          to,
          subject: 's',
          text: 't',
          messageId: `<${to}>`,
        });
      await send('2026-08-24T11:00:00.000Z', 'expired@example.org');
      await send('2026-08-25T13:00:00.000Z', 'kept@example.org');
      const results = await enforceRetention(suite.database, suite.context.privacy, now);
      expect(results.find((r) => r.table === 'mail_outbox')?.deleted).toBe(1);
      const left = (await outbox().selectFrom('mail_outbox').select('to_address').execute()).map((r) => r.to_address);
      expect(left).toEqual(['kept@example.org']);
    });

    it('deletes jobs a week after they finished, never pending ones', async () => {
      const jobs = tablesOf<JobsTable>(suite.database);
      await jobs.deleteFrom('jobs').execute();
      const base = {
        payload: '{}',
        attempts: 1,
        max_attempts: 5,
        last_error: null,
        locked_by: null,
        locked_until: null,
        unique_key: null,
        created_at: '2026-11-01T00:00:00.000Z',
        run_at: '2026-11-01T00:00:00.000Z',
      };
      await jobs
        .insertInto('jobs')
        .values([
          { ...base, id: 'old', name: 'a', status: 'done', finished_at: '2026-11-17T00:00:00.000Z' },
          { ...base, id: 'recent', name: 'b', status: 'failed', finished_at: '2026-11-20T00:00:00.000Z' },
          { ...base, id: 'pending', name: 'c', status: 'queued', finished_at: null },
        ])
        .execute();
      await enforceRetention(suite.database, suite.context.privacy, now);
      expect((await jobs.selectFrom('jobs').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
        'pending',
        'recent',
      ]);
    });

    it('empties a column whose own period is shorter than its row’s', async () => {
      // A declaration over the outbox table with a 1-day period on one column, to exercise
      // column-level retention on a real table of both engines.
      const { mail_outbox: declared } = mailData.tables;
      const { sealed_secrets: sealed, html_body: html } = declared.columns;
      const registry = new PrivacyRegistry([
        {
          name: 'test',
          data: [
            defineData<OutboxTable>()({
              module: 'test',
              tables: {
                mail_outbox: {
                  ...declared,
                  columns: {
                    ...declared.columns,
                    sealed_secrets: { category: sealed.category, says: sealed.says },
                    html_body: { ...html, retention: { keep: 'P1D', reason: { en: 'A test', fr: 'Un essai' } } },
                  },
                },
              },
            }),
          ],
        },
      ]);
      await outbox().deleteFrom('mail_outbox').execute();
      await new OutboxMailer(suite.database, () => new Date('2026-11-20T00:00:00.000Z')).send({
        from: 'f@example.org',
        to: 'x@example.org',
        subject: 's',
        text: 't',
        html: '<p>old</p>',
        messageId: '<old@example.org>',
      });
      const [result] = await enforceRetention(suite.database, registry, now);
      expect(result).toEqual({ table: 'mail_outbox', deleted: 0, cleared: { html_body: 1 } });
      expect(await outbox().selectFrom('mail_outbox').select(['to_address', 'html_body']).execute()).toEqual([
        { to_address: 'x@example.org', html_body: null },
      ]);
    });

    it('runs hourly as a scheduled job of the privacy module', async () => {
      const worker = createJobWorker(suite.context);
      await worker.tick();
      const scheduled = await tablesOf<JobsTable>(suite.database)
        .selectFrom('jobs')
        .select(['name', 'status'])
        .where('name', '=', 'privacy.retention')
        .execute();
      expect(scheduled).toEqual([{ name: 'privacy.retention', status: 'done' }]);
    });
  },
  { app: false },
);
