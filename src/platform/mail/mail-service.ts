import type { Kysely, Transaction } from 'kysely';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MailMessage, Mailer } from './mailer.js';

export const sendMailJob = 'mail.send';

/**
 * How the rest of the code sends mail: `queue` inside the business transaction; the job worker
 * hands it to the Mailer, retrying with backoff if the mail server is down.
 */
export class MailService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly from: () => string,
  ) {}

  async queue<Tables>(executor: Kysely<Tables> | Transaction<Tables>, message: MailMessage): Promise<void> {
    // 12 attempts, backing off from 10 s to an hour: a mail server may be down ~3.5 hours.
    await this.jobs.enqueue(executor, { name: sendMailJob, payload: message, maxAttempts: 12 });
  }

  /** The job handler. */
  readonly deliver = async (payload: unknown) => {
    const message = payload as MailMessage;
    if (typeof message?.to !== 'string' || typeof message.subject !== 'string' || typeof message.text !== 'string') {
      throw new Error('mail.send job has a malformed payload');
    }
    await this.mailer.send({ ...message, from: this.from() });
  };
}
