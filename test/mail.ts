import { FieldEncryption } from '../src/platform/crypto/field-encryption.js';
import { tablesOf } from '../src/platform/db/database.js';
import { createJobWorker } from '../src/job-workers.js';
import { mailSecretsPurpose } from '../src/platform/mail/mail-service.js';
import { revealedText } from '../src/platform/mail/outbox-mailer.js';
import type { OutboxTable } from '../src/platform/mail/outbox-table.js';
import type { Suite } from './harness.js';

/**
 * Runs the job worker until nothing is due, as the running shop's worker would within a few polls:
 * one tick claims only a few jobs, and the schedules' housekeeping may come first.
 */
export async function runDueJobs(suite: Suite): Promise<void> {
  const worker = createJobWorker(suite.context);
  for (let round = 0; round < 10 && (await worker.tick()) > 0; round++);
}

/**
 * Runs every due job (mail goes through the queue), then returns the mail sent to `to`, newest
 * first, as its recipient reads it: one-time links put back while they work, as the development
 * mailbox does (the stored copy keeps only a marker where each link was).
 */
export async function mailTo(suite: Suite, to: string): Promise<{ subject: string; text: string }[]> {
  await runDueJobs(suite);
  const rows = await tablesOf<OutboxTable>(suite.database)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .execute();
  const secrets = new FieldEncryption(suite.context.secrets, mailSecretsPurpose);
  return rows.map((row) => ({
    subject: row.subject,
    text: revealedText(row, secrets, suite.context.now(), '[expired link]'),
  }));
}

/** The first link in a mail that points to `path`. */
export function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]*${path.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
