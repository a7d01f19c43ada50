import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../../module-list.js';
import type { Database } from '../../db/database.js';
import { collectMigrations, migrateToLatest } from '../../db/migrator.js';
import { type OpenedTestDatabase, testEngines } from '../../db/test-engines.js';

const token = 'Ab3_Zk9-qW2eR5tY7uI0oP1aS4dF6gH8jK0lZx9cV8b';
const textWithLink = `Reset: https://shop.example/en/account/reset-password?token=${token}\nBye`;

/**
 * Review of issue 7, finding 3: mail stored before one-time links were sealed kept their tokens
 * in plain text; the migration that brings sealing empties them in the outbox and finished jobs.
 */
for (const engine of testEngines()) {
  describe(`migration 20261126_31_mail_delivery [${engine.name}]`, () => {
    let opened: OpenedTestDatabase;
    let database: Database;
    beforeAll(async () => {
      opened = await engine.open();
      database = opened.database;
      const all = collectMigrations(modules);
      const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '20261126_31'));
      await migrateToLatest(database, before);
      const db = database.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      await db
        .insertInto('mail_outbox')
        .values({
          id: 'old-mail',
          from_address: 'shop@example.org',
          to_address: 'ada@example.org',
          subject: 'Reset',
          text_body: textWithLink,
          html_body: `<a href="x?token=${token}">x</a>`,
          created_at: '2026-11-20T00:00:00.000Z',
        })
        .execute();
      const job = (id: string, status: string) => ({
        id,
        name: 'mail.send',
        payload: JSON.stringify({ to: 'ada@example.org', subject: 'Reset', text: textWithLink }),
        status,
        run_at: '2026-11-20T00:00:00.000Z',
        attempts: 1,
        max_attempts: 12,
        created_at: '2026-11-20T00:00:00.000Z',
      });
      await db
        .insertInto('jobs')
        .values([job('finished', 'done'), job('pending', 'queued')])
        .execute();
      await migrateToLatest(database, all);
    });
    afterAll(() => opened.cleanup());

    it('empties the tokens of stored mail and of finished mail jobs, and leaves a pending job its link', async () => {
      const db = database.db as unknown as import('kysely').Kysely<Record<string, Record<string, string>>>;
      const mail = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('id', '=', 'old-mail')
        .executeTakeFirstOrThrow();
      expect(mail.text_body).toBe('Reset: https://shop.example/en/account/reset-password?token=[removed]\nBye');
      expect(mail.html_body).not.toContain(token);
      const jobs = await db.selectFrom('jobs').select(['id', 'payload']).orderBy('id').execute();
      expect(jobs.find((job) => job.id === 'finished')?.payload).not.toContain(token);
      expect(jobs.find((job) => job.id === 'pending')?.payload).toContain(token);
    });
  });
}
