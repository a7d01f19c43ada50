import { describe, expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { runDueJobs } from '../../../test/mail.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../db/database.js';
import type { JobsTable } from '../jobs/jobs-table.js';
import { parseAttachments, storedAttachmentAt, storedAttachments } from './mail-attachment.js';
import { mailDeliveryJob } from './mail-service.js';
import type { OutboxTable } from './outbox-table.js';

const terms = {
  filename: 'terms-of-sale-0123456789.html',
  contentType: 'text/html; charset=utf-8',
  // Were it shown as a page of the shop, its script would run there: it must only ever be saved.
  content:
    '<!doctype html><html lang="en"><meta charset="utf-8"><p>Withdrawal — 14 days ✓</p><script>alert(1)</script>',
};
const notes = { filename: 'notes.txt', contentType: 'text/plain', content: 'Plain text' };

describe('mail attachments are checked exactly', () => {
  it('accepts files with a name, a MIME type and text, and nothing else', () => {
    expect(parseAttachments(undefined)).toBeUndefined();
    expect(parseAttachments([terms, notes])).toEqual([terms, notes]);
    for (const bad of [
      'terms.html',
      [{ ...terms, extra: 'x' }],
      [{ filename: terms.filename, content: terms.content }],
      [{ ...terms, filename: '' }],
      [{ ...terms, filename: '../etc/passwd' }],
      [{ ...terms, filename: 'a\\b.html' }],
      [{ ...terms, filename: 'evil.html\r\nX-Injected: 1' }],
      [{ ...terms, filename: 'quote".html' }],
      [{ ...terms, filename: '.hidden' }],
      [{ ...terms, contentType: 'html' }],
      [{ ...terms, contentType: 'text/html\r\nX-Injected: 1' }],
      [{ ...terms, content: 42 }],
      [null],
      Array.from({ length: 11 }, () => notes),
    ]) {
      expect(() => parseAttachments(bad), JSON.stringify(bad).slice(0, 80)).toThrow();
    }
  });

  it('refuses a mail job whose payload carries a malformed attachment, and keeps a good one', () => {
    const mail = { to: 'ada@example.org', subject: 'Terms', text: 'Attached.' };
    expect(mailDeliveryJob.parse({ ...mail, attachments: [terms] })).toEqual({ ...mail, attachments: [terms] });
    expect(mailDeliveryJob.parse(mail)).toEqual(mail);
    expect(() => mailDeliveryJob.parse({ ...mail, attachments: [{ ...terms, filename: 'a/b' }] })).toThrow();
  });

  it('reads an outbox row’s attachments, and none from an odd one', () => {
    const json = JSON.stringify([terms, notes]);
    expect(storedAttachments(json)).toEqual([terms, notes]);
    expect(storedAttachments(null)).toEqual([]);
    expect(storedAttachments('not json')).toEqual([]);
    expect(storedAttachments('{"filename":"x"}')).toEqual([]);
    expect(storedAttachmentAt(json, '1')).toEqual(notes);
    for (const index of ['2', '-1', '1.0', 'abc', '', '001'])
      expect(storedAttachmentAt(json, index), index).toBeUndefined();
  });
});

/** Queues a mail with the two attachments and delivers it; returns its outbox row's id. */
async function mailWithAttachments(suite: Suite, to: string): Promise<string> {
  await suite.database.db
    .transaction()
    .execute((trx) =>
      suite.context.mail.queue(trx, { to, subject: 'Your terms', text: 'Attached.', attachments: [terms, notes] }),
    );
  await runDueJobs(suite);
  const row = await tablesOf<OutboxTable>(suite.database)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .executeTakeFirstOrThrow();
  expect(storedAttachments(row.attachments)).toEqual([terms, notes]);
  return row.id;
}

/** A download as it must be: saved, never shown as a page of the shop, never sniffed. */
function expectDownload(response: Awaited<ReturnType<Visitor['get']>>, file: typeof terms, contentType: string) {
  expect(response.statusCode).toBe(200);
  expect(response.body).toBe(file.content);
  expect(response.headers['content-type']).toBe(contentType);
  expect(response.headers['content-disposition']).toBe(
    `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  expect(response.headers['cache-control']).toBe('no-store');
}

describeEachEngine('attachments in the outbox', (suite) => {
  it('queues them with the mail and refuses, in the business transaction, one that is malformed or holds a one-time secret', async () => {
    const jobs = () =>
      tablesOf<JobsTable>(suite.database)
        .selectFrom('jobs')
        .select('id')
        .where('payload', 'like', '%refused-attachment%')
        .execute();
    const queue = (attachments: unknown[], secrets?: string[]) =>
      suite.database.db
        .transaction()
        .execute((trx) =>
          suite.context.mail.queue(
            trx,
            { to: 'refused-attachment@example.org', subject: 'x', text: 'x', attachments: attachments as never },
            secrets ? { secrets, secretsExpireAt: '2999-01-01T00:00:00.000Z' } : {},
          ),
        );
    await expect(queue([{ ...terms, filename: 'a/b.html' }])).rejects.toThrow();
    await expect(queue([{ ...notes, content: 'token SECRET-XYZ' }], ['SECRET-XYZ'])).rejects.toThrow(/one-time secret/);
    expect(await jobs()).toEqual([]);
  });

  it('lists them on the message page with their size; the owner downloads each, as a file to save', async () => {
    const id = await mailWithAttachments(suite, `attached-owner-${suite.engine}@example.org`);
    const { browser } = await signedInStaff(suite, 'owner', { headers: { 'accept-language': 'en' } });
    const page = await browser.get(`/admin/outbox/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Attachments');
    expect(page.body).toContain(`href="/admin/outbox/${id}/attachments/0"`);
    expect(page.body).toContain(`>${terms.filename}</a>`);
    expect(page.body).toContain(`(${Buffer.byteLength(terms.content)} bytes)`);
    expect(page.body).toContain(`href="/admin/outbox/${id}/attachments/1"`);

    const before = suite.logs.filter((line) => line.includes('mail outbox attachment')).length;
    expectDownload(await browser.get(`/admin/outbox/${id}/attachments/0`), terms, terms.contentType);
    expectDownload(await browser.get(`/admin/outbox/${id}/attachments/1`), notes, 'text/plain; charset=utf-8');
    // Every download is a staff read of a person's message: logged (and in the ledger) like the page.
    expect(suite.logs.filter((line) => line.includes('mail outbox attachment')).length).toBe(before + 2);

    for (const index of ['2', 'abc', '-1', '0x0']) {
      expect((await browser.get(`/admin/outbox/${id}/attachments/${index}`)).statusCode, index).toBe(404);
    }
    expect((await browser.get('/admin/outbox/no-such-message/attachments/0')).statusCode).toBe(404);
  });

  it('shows support the names and sizes only: what a message says, attachments included, is for the owner', async () => {
    const id = await mailWithAttachments(suite, `attached-support-${suite.engine}@example.org`);
    const { browser } = await signedInStaff(suite, 'support', { headers: { 'accept-language': 'fr' } });
    const page = await browser.get(`/admin/outbox/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pièces jointes');
    expect(page.body).toContain(terms.filename);
    expect(page.body).not.toContain('/attachments/0');
    const download = await browser.get(`/admin/outbox/${id}/attachments/0`);
    expect(download.statusCode).toBe(403);
    expect(download.body).not.toContain('Withdrawal');
  });
});

describeEachEngine(
  'attachments in the development mailbox',
  (suite) => {
    it('lists them and downloads each as a file to save, from this computer only', async () => {
      const id = await mailWithAttachments(suite, `attached-dev-${suite.engine}@example.org`);
      const visitor = new Visitor(suite.app, { 'accept-language': 'en' });
      const page = await visitor.get(`/dev/mailbox/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="/dev/mailbox/${id}/attachments/0"`);
      expectDownload(await visitor.get(`/dev/mailbox/${id}/attachments/0`), terms, terms.contentType);
      expect((await visitor.get(`/dev/mailbox/${id}/attachments/7`)).statusCode).toBe(404);
      const relayed = await suite.app.inject({
        url: `/dev/mailbox/${id}/attachments/0`,
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(relayed.statusCode).toBe(404);
    });
  },
  { env: { NODE_ENV: 'development', PUBLIC_URL: 'http://127.0.0.1:3000' } },
);
