import type { Kysely } from 'kysely';
import type { Executor } from '../db/database.js';
import type { FieldEncryption } from '../crypto/field-encryption.js';
import { type Database, tablesOf } from '../db/database.js';
import { defineJob, noPayload } from '../jobs/job-definition.js';
import type { ClaimedJob, JobQueue } from '../jobs/job-queue.js';
import { parseAttachments } from './mail-attachment.js';
import type { MailMessage, Mailer } from './mailer.js';
import { markSecrets, reveal, sealSecrets, unsealSecrets } from './one-time-secrets.js';
import type { MailDeliveriesTable } from './outbox-table.js';

/** The FieldEncryption purpose of mails' one-time secrets (jobs.secret, mail_outbox.sealed_secrets). */
export const mailSecretsPurpose = 'mail-secrets';

export interface QueueOptions {
  /**
   * One-time secrets the message carries (the token of a verification or reset link): they are
   * kept out of every stored copy (the job's payload, the outbox) and travel encrypted in the
   * job's secret, which the queue wipes when the job ends.
   */
  secrets?: string[];
  /** When the last of those secrets stops working. */
  secretsExpireAt?: string;
}

interface MailPayload extends MailMessage {
  secretsExpireAt?: string;
}

/** Delivers one queued mail (MailService.deliver). */
export const mailDeliveryJob = defineJob({
  name: 'mail.send',
  parse: (payload): MailPayload => {
    const { to, subject, text, html, attachments, secretsExpireAt } = (payload ?? {}) as Record<string, unknown>;
    if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string')
      throw new Error('expected to, subject and text');
    if (html !== undefined && typeof html !== 'string') throw new Error('expected html to be text');
    if (secretsExpireAt !== undefined && typeof secretsExpireAt !== 'string')
      throw new Error('expected secretsExpireAt to be an ISO date');
    const files = parseAttachments(attachments);
    return {
      to,
      subject,
      text,
      ...(html !== undefined ? { html } : {}),
      ...(files ? { attachments: files } : {}),
      ...(secretsExpireAt !== undefined ? { secretsExpireAt } : {}),
    };
  },
});

/** Empties the outbox's copies of one-time links once they expire (scheduled every 10 minutes). */
export const mailSecretsCleanupJob = defineJob({ name: 'mail.forget-expired-secrets', parse: noPayload });

/** The job names alone, for module definitions that still key handlers by name: use the definitions. */

/**
 * How the rest of the code sends mail: `queue` inside the business transaction; the job worker
 * hands it to the Mailer, retrying with backoff if the mail server is down.
 * A job that runs again after its worker died does not send its mail again: each mail job has a
 * stable Message-ID, a delivered job is recorded (mail_deliveries), and the outbox stores a
 * Message-ID once. Over SMTP one window remains, the SMTP exchange itself: if the worker dies
 * after the server accepted the message but before hearing so, the mail goes again (at least
 * once, never lost), under the same Message-ID, which mail clients use to show it once.
 */
export class MailService {
  private readonly deliveries: Kysely<MailDeliveriesTable>;

  constructor(
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly from: () => string,
    database: Database,
    private readonly secretSeal: FieldEncryption,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.deliveries = tablesOf<MailDeliveriesTable>(database);
  }

  async queue<Tables>(executor: Executor<Tables>, message: MailMessage, options: QueueOptions = {}): Promise<void> {
    const secrets = (options.secrets ?? []).filter(Boolean);
    if (secrets.length > 0 && !options.secretsExpireAt)
      throw new Error('a mail with one-time secrets needs secretsExpireAt');
    // Checked here, in the business transaction, rather than failing in the worker at every retry.
    const attachments = parseAttachments(message.attachments);
    // Attachments are stored as they are (job payload, outbox): a secret in one would be kept.
    if (attachments?.some((file) => secrets.some((secret) => file.content.includes(secret))))
      throw new Error('a one-time secret cannot travel in an attachment');
    const payload: MailPayload = {
      to: message.to,
      subject: message.subject,
      text: markSecrets(message.text, secrets),
      ...(message.html ? { html: markSecrets(message.html, secrets) } : {}),
      ...(attachments && attachments.length > 0 ? { attachments } : {}),
      ...(secrets.length > 0 ? { secretsExpireAt: options.secretsExpireAt } : {}),
    };
    // 12 attempts, backing off from 10 s to an hour: a mail server may be down ~3.5 hours.
    await this.jobs.enqueue(executor, mailDeliveryJob, payload, {
      maxAttempts: 12,
      ...(secrets.length > 0 ? { secret: sealSecrets(this.secretSeal, secrets) } : {}),
    });
  }

  /**
   * Sends at once, not through the queue: for the one mail that must have left before the data it
   * is about goes (an erasure's receipt: once the address is erased, no queued mail could reach
   * it). `key` makes the Message-ID stable, so a retry after a crash is recognisably the same mail.
   */
  async sendNow(message: MailMessage, key: string): Promise<void> {
    await this.mailer.send({ ...message, from: this.from(), messageId: `<${key}@${domainOf(this.from())}>` });
  }

  /** The handler of mailDeliveryJob (registered by the platform module: `handle(mailDeliveryJob, mail.deliver)`). */
  readonly deliver = async (message: ReturnType<typeof mailDeliveryJob.parse>, job: ClaimedJob) => {
    const delivered = await this.deliveries
      .selectFrom('mail_deliveries')
      .select('job_id')
      .where('job_id', '=', job.id)
      .executeTakeFirst();
    if (delivered) return;
    // Only a mail queued with secrets has markers to fill: the same characters typed by someone
    // into another mail (an address, a name) are text, left as they are.
    const withSecrets = message.secretsExpireAt !== undefined;
    if (withSecrets && !job.secret) throw new Error('mail.send job lost its one-time secrets');
    const secrets = withSecrets && job.secret ? unsealSecrets(this.secretSeal, job.secret) : undefined;
    const real = (text: string) => (secrets ? reveal(text, secrets) : text);
    const messageId = `<${job.id}@${domainOf(this.from())}>`;
    await this.mailer.send({
      from: this.from(),
      to: message.to,
      subject: message.subject,
      text: real(message.text),
      ...(message.html ? { html: real(message.html) } : {}),
      ...(message.attachments ? { attachments: message.attachments } : {}),
      messageId,
      ...(secrets && job.secret && message.secretsExpireAt
        ? {
            storedCopy: {
              text: message.text,
              html: message.html,
              sealedSecrets: job.secret,
              secretsExpireAt: message.secretsExpireAt,
            },
          }
        : {}),
    });
    await this.deliveries
      .insertInto('mail_deliveries')
      .values({ job_id: job.id, message_id: messageId, delivered_at: this.now().toISOString() })
      .onConflict((conflict) => conflict.column('job_id').doNothing())
      .execute();
  };
}

/** The domain of a sender such as `Code Academy <info@codeacademy.fr>`, for Message-IDs. */
function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'vitrine.invalid';
}
