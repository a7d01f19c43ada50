import { tablesOf } from '../db/database.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { randomId } from '../crypto/tokens.js';
import type { MailMessage, Mailer } from './mailer.js';
import type { OutboxTable } from './outbox-table.js';

/** Keeps mail in the database instead of sending it: the default, and the demo's only mailbox. */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox' as const;
  private readonly db: Kysely<OutboxTable>;

  constructor(database: Database, private readonly now: () => Date = () => new Date()) {
    this.db = tablesOf<OutboxTable>(database);
  }

  async send(message: MailMessage & { from: string }) {
    const id = randomId();
    await this.db
      .insertInto('mail_outbox')
      .values({
        id,
        from_address: message.from,
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        html_body: message.html ?? null,
        created_at: this.now().toISOString(),
      })
      .execute();
    return { messageId: `<${id}@outbox.vitrine>` };
  }

  async close() {}
}

export async function listOutbox(database: Database, limit: number) {
  return tablesOf<OutboxTable>(database)
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findOutboxMessage(database: Database, id: string) {
  return tablesOf<OutboxTable>(database).selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
