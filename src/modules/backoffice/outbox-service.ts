import type { Locale } from '../../platform/http/i18n.js';
import { OutboxMailer, findOutboxMessage, listOutbox } from '../../platform/mail/outbox-mailer.js';
import { testMail } from './test-mail.js';
import type { PlatformContext } from '../../platform/platform-context.js';

/** What the outbox page shows and does: the stored mail (when mail goes to the outbox), a test message. */
export class OutboxService {
  constructor(private readonly platform: PlatformContext) {}

  /** Whether mail is kept in the outbox (no SMTP server configured): otherwise the list is empty. */
  get keepsMail(): boolean {
    return this.platform.mailer instanceof OutboxMailer;
  }

  list(limit: number) {
    return this.keepsMail ? listOutbox(this.platform.database, limit) : Promise.resolve([]);
  }

  find(id: string) {
    return findOutboxMessage(this.platform.database, id);
  }

  /** Queues a test message to the shop's own address, to check that mail leaves. */
  sendTest(locale: Locale): Promise<void> {
    const { database, mail, shop, now } = this.platform;
    return database.db.transaction().execute((trx) => mail.queue(trx, testMail(shop.identity(), locale, now())));
  }
}
