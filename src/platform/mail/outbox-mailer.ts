import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { FieldEncryption } from '../crypto/field-encryption.js';
import { type Database, tablesOf } from '../db/database.js';
import type { Mailer, OutgoingMail } from './mailer.js';
import { reveal, unsealSecrets } from './one-time-secrets.js';
import type { OutboxRow, OutboxTable } from './outbox-table.js';

/**
 * Keeps mail in the database instead of sending it: the default when no SMTP server is set, and
 * the demo's only mailbox. The stored text never holds a one-time secret in plain text: a marker
 * stands where it was. Outside production the secrets are also kept, encrypted, until they
 * expire, so the development mailbox (dev-mailbox-routes.tsx) can show working links; in
 * production they are not kept at all, and no page can show them.
 * A message is stored once per Message-ID: a mail job run again after a crash adds nothing.
 */
export class OutboxMailer implements Mailer {
  readonly name = 'outbox';
  private readonly db: Kysely<OutboxTable>;

  constructor(
    database: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly options: { keepSecrets: boolean } = { keepSecrets: false },
  ) {
    this.db = tablesOf<OutboxTable>(database);
  }

  async send(message: OutgoingMail) {
    const copy = message.storedCopy;
    const keep = copy && this.options.keepSecrets;
    await this.db
      .insertInto('mail_outbox')
      .values({
        // Derived from the Message-ID, so the row's address is stable and not guessable from it.
        id: createHash('sha256').update(message.messageId).digest('base64url').slice(0, 22),
        message_id: message.messageId,
        from_address: message.from,
        to_address: message.to,
        subject: message.subject,
        text_body: copy ? copy.text : message.text,
        html_body: (copy ? copy.html : message.html) ?? null,
        attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
        sealed_secrets: keep ? copy.sealedSecrets : null,
        // Kept in production too: it says the text has markers (and when its links stop working).
        secrets_expire_at: copy ? copy.secretsExpireAt : null,
        created_at: this.now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('message_id').doNothing())
      .execute();
    return { messageId: message.messageId };
  }

  /** Empties the secrets of messages whose links have expired (a scheduled job). */
  async forgetExpiredSecrets(): Promise<number> {
    const result = await this.db
      .updateTable('mail_outbox')
      .set({ sealed_secrets: null })
      .where('sealed_secrets', 'is not', null)
      .where('secrets_expire_at', '<=', this.now().toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
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

/**
 * A stored message as its recipient got it: with its one-time links back in while they still
 * work (development mailbox, tests), or with `hidden` in their place. A message sent without
 * one-time links (no `secrets_expire_at`) is shown as stored, whatever its text looks like.
 */
export function revealedText(
  row: Pick<OutboxRow, 'text_body' | 'sealed_secrets' | 'secrets_expire_at'>,
  encryption: FieldEncryption,
  now: Date,
  hidden: string,
): string {
  if (!row.secrets_expire_at) return row.text_body;
  const live = row.sealed_secrets && row.secrets_expire_at > now.toISOString();
  return reveal(row.text_body, live ? unsealSecrets(encryption, row.sealed_secrets as string) : () => hidden);
}
