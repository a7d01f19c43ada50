import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { runDueJobs } from '../../../test/mail.js';
import { payThroughHostedPage, testCards, useSandboxGateway } from '../../../test/sandbox-gateway.js';
import { addToCart, buyer, checkoutKeysOf, listenForWebhooks, offersOf, orderReaching } from '../../../test/shop.js';
import { startSmtpServer } from '../../../test/smtp-test-server.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import { type MailAttachment, storedAttachments } from '../../platform/mail/mail-attachment.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import { SmtpMailer } from '../../platform/mail/smtp-mailer.js';
import type { ShopTables } from '../../platform/settings/shop-store.js';
import { legalModule } from '../legal/index.js';
import type { CommerceTables } from './commerce-tables.js';

/**
 * Code de la consommation L221-13: after the sale, the buyer gets the contract on a durable medium
 * (an email and its attachment; a link is not one): the terms of sale they accepted, model
 * withdrawal form included, and their express request for an early start when they made one.
 */
const payments = useSandboxGateway();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

/** Places an order for one offer of `slug` in `locale`, and pays it with a card; returns the paid order. */
async function buy(suite: Suite, slug: string, email: string, locale: 'en' | 'fr', form: Record<string, string> = {}) {
  const visitor = new Visitor(suite.app, { 'accept-language': locale });
  const [offer] = await offersOf(visitor, slug, locale);
  expect((await addToCart(visitor, offer as string, 1, locale)).statusCode).toBe(303);
  const checkout = locale === 'fr' ? '/fr/commande' : '/en/checkout';
  const page = await visitor.get(checkout);
  const placed = await visitor.post(checkout, { ...buyer, ...checkoutKeysOf(page), email, ...form });
  expect(placed.statusCode, placed.body.slice(0, 300)).toBe(303);
  const ordered = await orderReaching(suite, email, 'awaiting_payment');
  return { ordered, pay: () => pay(suite, placed.headers.location as string, email) };
}

async function pay(suite: Suite, payUrl: string, email: string) {
  expect((await payThroughHostedPage(payUrl, testCards.success)).outcome).toBe('succeeded');
  const order = await orderReaching(suite, email, 'paid');
  await payments.gateway.waitForDeliveries();
  await runDueJobs(suite);
  return order;
}

/** The confirmation mail of `email`'s order as the outbox keeps it. */
async function storedConfirmation(suite: Suite, email: string) {
  const rows = await tablesOf<OutboxTable>(suite.database)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .execute();
  const confirmations = rows.filter((row) => /^(Order|Commande) \S+ confirm/.test(row.subject));
  expect(confirmations).toHaveLength(1);
  const row = confirmations[0] as (typeof rows)[number];
  return { text: row.text_body, attachments: storedAttachments(row.attachments) };
}

/** What a buyer reading the attached terms finds in them, for the version and language of their order. */
function expectTermsDocument(file: MailAttachment | undefined, version: string, locale: 'en' | 'fr') {
  expect(file).toBeDefined();
  if (!file) return;
  const content = file.content.replaceAll('\u00a0', ' ');
  if (locale === 'en') {
    expect(file.filename).toBe(`terms-of-sale-${version}.html`);
    expect(content).toContain('<html lang="en">');
    expect(content).toContain(`<title>Terms of sale — version ${version}</title>`);
    expect(content).toContain(`Version ${version}, in force from`);
    for (const words of ['Right of withdrawal', 'Model withdrawal form', 'fourteen days to withdraw'])
      expect(content, words).toContain(words);
  } else {
    expect(file.filename).toBe(`conditions-generales-de-vente-${version}.html`);
    expect(content).toContain('<html lang="fr">');
    expect(content).toContain(`<title>Conditions générales de vente — version ${version}</title>`);
    expect(content).toContain(`Version ${version}, en vigueur à compter du`);
    for (const words of ['Droit de rétractation', 'Modèle de formulaire de rétractation', 'L221-18'])
      expect(content, words).toContain(words);
  }
  expect(content.startsWith('<!doctype html>')).toBe(true);
  expect(content).toContain('<meta charset="utf-8"/>');
}

describeEachEngine(
  'the order confirmation carries the contract (outbox)',
  (suite) => {
    const legal = () => suite.context.servicesOf(legalModule).legal;
    beforeAll(() => listenForWebhooks(suite, payments.gateway));

    it('attaches the accepted terms in English to an English order, and says which version and when', async () => {
      const email = `terms-en-${suite.engine}@example.com`;
      const { ordered, pay } = await buy(suite, 'javascript-fundamentals', email, 'en');
      const { version } = await legal().currentTerms();
      expect(ordered.terms_version).toBe(version);
      await pay();
      const mail = await storedConfirmation(suite, email);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]?.contentType).toBe('text/html; charset=utf-8');
      expectTermsDocument(mail.attachments[0], version, 'en');
      expect(mail.text).toContain(`you accepted version ${version} of our terms of sale`);
      expect(mail.text).toContain(`They are attached to this email (terms-of-sale-${version}.html)`);
      // A course more than 14 days away: no early start was asked for, so none is stated.
      expect(mail.text).not.toContain('expressly asked');
    });

    it('attaches them in French to an order placed in French', async () => {
      const email = `terms-fr-${suite.engine}@example.com`;
      const { ordered, pay } = await buy(suite, 'code-academy-hoodie', email, 'fr');
      await pay();
      const mail = await storedConfirmation(suite, email);
      expectTermsDocument(mail.attachments[0], ordered.terms_version, 'fr');
      expect(mail.text).toContain(`vous avez accepté la version ${ordered.terms_version} de nos conditions générales`);
      expect(mail.text).toContain(`conditions-generales-de-vente-${ordered.terms_version}.html`);
      expect(mail.text).not.toContain('demandé expressément');
    });

    it('states the express request for an early start and its acknowledgment, in the buyer’s language', async () => {
      for (const locale of ['en', 'fr'] as const) {
        const email = `early-${locale}-${suite.engine}@example.com`;
        const { ordered, pay } = await buy(suite, 'git-github-one-day', email, locale, { early_start: '1' });
        expect(ordered.early_start_requested_at).not.toBeNull();
        await pay();
        const mail = await storedConfirmation(suite, email);
        expectTermsDocument(mail.attachments[0], ordered.terms_version, locale);
        if (locale === 'en') {
          expect(mail.text).toContain(
            'you expressly asked that your course or workshop start before the end of your fourteen-day withdrawal period, and acknowledged that you will lose your right of withdrawal once the service has been fully performed',
          );
        } else {
          expect(mail.text).toContain(
            'vous avez demandé expressément que votre cours ou atelier commence avant la fin de votre délai de rétractation de quatorze jours, et reconnu que vous perdrez votre droit de rétractation une fois la prestation pleinement exécutée',
          );
        }
      }
    });

    it('attaches the version the buyer accepted, not the one in force when the payment arrives', async () => {
      const settings = tablesOf<ShopTables>(suite.database);
      const seller = suite.context.shop.seller();
      const accepted = await legal().currentTerms();
      const email = `terms-changed-${suite.engine}@example.com`;
      const { ordered, pay } = await buy(suite, 'sticker-pack', email, 'en');
      expect(ordered.terms_version).toBe(accepted.version);
      const changed = { ...seller, mediator: { ...seller.mediator, name: 'Mediation Witness Example' } };
      await settings
        .updateTable('shop_settings')
        .set({ value: JSON.stringify(changed) })
        .where('key', '=', 'seller')
        .execute();
      try {
        // The owner's change is loaded: a new version is in force before the buyer pays.
        await suite.context.shop.load(new Date());
        const inForce = await legal().currentTerms();
        expect(inForce.version).not.toBe(accepted.version);
        await pay();
        const mail = await storedConfirmation(suite, email);
        expectTermsDocument(mail.attachments[0], accepted.version, 'en');
        expect(mail.attachments[0]?.content).toContain(seller.mediator.name.replaceAll('&', '&amp;'));
        expect(mail.attachments[0]?.content).not.toContain('Mediation Witness Example');
        expect(mail.text).toContain(`you accepted version ${accepted.version} of our terms of sale`);
      } finally {
        await settings
          .updateTable('shop_settings')
          .set({ value: JSON.stringify(seller) })
          .where('key', '=', 'seller')
          .execute();
        await suite.context.shop.load(new Date());
        expect((await legal().currentTerms()).version).toBe(accepted.version);
      }
    });

    it('still confirms an order whose accepted version cannot be found, without the attachment, and warns without personal data', async () => {
      const email = `terms-missing-${suite.engine}@example.com`;
      const { ordered, pay } = await buy(suite, 'developer-notebook', email, 'en');
      await tablesOf<CommerceTables>(suite.database)
        .updateTable('commerce_orders')
        .set({ terms_version: 'fedcba9876' })
        .where('id', '=', ordered.id)
        .execute();
      await pay();
      const mail = await storedConfirmation(suite, email);
      expect(mail.attachments).toEqual([]);
      expect(mail.text).toContain('you accepted version fedcba9876 of our terms of sale');
      expect(mail.text).not.toContain('attached');
      const warnings = suite.logs.filter((line) => line.includes('accepted terms not found'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('fedcba9876');
      for (const personal of [email, buyer.name, ordered.id]) expect(warnings[0]).not.toContain(personal);
    });
  },
  { env: payments.env },
);

describeEachEngine(
  'the order confirmation carries the contract (over SMTP)',
  (suite) => {
    beforeAll(() => listenForWebhooks(suite, payments.gateway));

    it('arrives at the buyer’s mail server with the accepted terms attached', async () => {
      const email = `terms-smtp-${suite.engine}@example.com`;
      const { ordered, pay } = await buy(suite, 'git-github-one-day', email, 'fr', { early_start: '1' });
      await pay();
      const received = smtp.inbox.filter((mail) => mail.to === email && mail.subject.startsWith('Commande'));
      expect(received).toHaveLength(1);
      const [mail] = received;
      expect(mail?.subject).toBe(`Commande ${ordered.id} confirmée – Code Academy`);
      expect(mail?.attachments).toHaveLength(1);
      expect(mail?.attachments[0]?.contentType).toBe('text/html');
      expectTermsDocument(mail?.attachments[0], ordered.terms_version, 'fr');
      expect(mail?.text).toContain(`vous avez accepté la version ${ordered.terms_version}`);
      expect(mail?.text).toContain('vous avez demandé expressément que votre cours ou atelier commence');
    });
  },
  {
    env: payments.env,
    overrides: {
      get mailer() {
        return new SmtpMailer(smtp.url);
      },
    },
  },
);
