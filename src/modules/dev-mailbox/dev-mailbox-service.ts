import { FieldEncryption } from '../../platform/crypto/field-encryption.js';
import { mailSecretsPurpose } from '../../platform/mail/mail-service.js';
import { findOutboxMessage, listOutbox, revealedText } from '../../platform/mail/outbox-mailer.js';
import type { OutboxRow } from '../../platform/mail/outbox-table.js';
import type { PlatformContext } from '../../platform/platform-context.js';

/** The stored mail as its recipients read it: one-time links working until they expire. */
export class DevMailboxService {
  private readonly secrets: FieldEncryption;

  constructor(private readonly platform: PlatformContext) {
    this.secrets = new FieldEncryption(platform.secrets, mailSecretsPurpose);
  }

  list(limit: number) {
    return listOutbox(this.platform.database, limit);
  }

  find(id: string) {
    return findOutboxMessage(this.platform.database, id);
  }

  /** The message's text with its one-time links put back, or `expired` in their place once they have. */
  textOf(message: Pick<OutboxRow, 'text_body' | 'sealed_secrets' | 'secrets_expire_at'>, expired: string): string {
    return revealedText(message, this.secrets, this.platform.now(), expired);
  }
}
