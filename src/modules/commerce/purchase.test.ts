import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { mailTo } from '../../../test/mail.js';
import { payThroughHostedPage, testCards, useSandboxGateway } from '../../../test/sandbox-gateway.js';
import { addToCart, buyer, checkoutKeysOf, offersOf } from '../../../test/shop.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import { sandboxSignatureHeader } from '../../platform/payments/sandbox-webhook-signature.js';
import { privacyModule } from '../../privacy/privacy-module.js';
import type { CatalogTables } from '../catalog/catalog-tables.js';
import type { CommerceTables } from './commerce-tables.js';

/**
 * The whole purchase over real HTTP: the shop listens on a port, the sandbox gateway (a real
 * process-local server with its hosted card page) takes the card and notifies the shop with signed
 * webhooks, as a PSP does. Nothing is mocked between the buyer's form and the numbered invoice.
 */
const payments = useSandboxGateway();

describeEachEngine(
  'buying with a card, from the product page to the numbered invoice',
  (suite) => {
    const orders = () => tablesOf<CommerceTables>(suite.database);

    beforeAll(async () => {
      await suite.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = suite.app.server.address() as AddressInfo;
      payments.gateway.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/payments`);
    });

    /** Fills the cart and the checkout form; returns the gateway page the shop sent the buyer to. */
    async function checkout(visitor: Visitor, slug: string, form: Record<string, string> = {}) {
      const [offer] = await offersOf(visitor, slug);
      const added = await addToCart(visitor, offer as string);
      expect(added.statusCode, added.body.slice(0, 300)).toBe(303);
      const page = await visitor.get('/en/checkout');
      expect(page.statusCode).toBe(200);
      // The form is answered with a redirect to the gateway's page: the browser follows it only if
      // the page's policy lets its forms lead there.
      expect(page.headers['content-security-policy']).toContain(
        `form-action 'self' ${new URL(payments.gateway.url).origin};`,
      );
      const placed = await visitor.post('/en/checkout', { ...buyer, ...checkoutKeysOf(page), ...form });
      expect(placed.statusCode, placed.body.slice(0, 500)).toBe(303);
      return { payUrl: placed.headers.location as string, offer: offer as string, keys: checkoutKeysOf(page) };
    }

    /** Posts a webhook body signed as the sandbox gateway signs (HMAC-SHA256 of "t.body"). */
    const deliver = (body: string, secret: string) => {
      const t = Math.floor(Date.now() / 1000);
      const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
      return suite.app.inject({
        method: 'POST',
        url: '/webhooks/payments',
        headers: { 'content-type': 'application/json', [sandboxSignatureHeader]: `t=${t},v1=${v1}` },
        payload: body,
      });
    };

    const orderOf = (email: string) =>
      orders().selectFrom('commerce_orders').selectAll().where('email', '=', email).orderBy('created_at').execute();

    async function settled(email: string, status: string) {
      for (let i = 0; i < 200; i++) {
        const [order] = await orderOf(email);
        if (order?.status === status) return order;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`the order of ${email} did not become ${status}`);
    }

    it('a guest pays a course seat with a card: one paid order, an invoice number, a seat fewer, a confirmation mail', async () => {
      const visitor = new Visitor(suite.app);
      const email = `guest-${suite.engine}@example.com`;
      const seatsLeft = async (offerId: string) =>
        (
          await tablesOf<CatalogTables>(suite.database)
            .selectFrom('catalog_offers')
            .select('available')
            .where('id', '=', offerId)
            .executeTakeFirstOrThrow()
        ).available;
      const [session] = await offersOf(visitor, 'javascript-fundamentals');
      const before = await seatsLeft(session as string);
      const { payUrl, offer } = await checkout(visitor, 'javascript-fundamentals', { email });
      expect(offer).toBe(session);
      expect(payUrl.startsWith(payments.gateway.url)).toBe(true);
      // Held from the order on, so no one else buys the seat while this buyer types their card.
      expect(await seatsLeft(session as string)).toBe((before ?? 0) - 1);
      const paid = await payThroughHostedPage(payUrl, testCards.success);
      expect(paid.outcome).toBe('succeeded');
      if (paid.outcome !== 'succeeded') return;
      const back = new URL(paid.redirectTo);
      const returned = await visitor.get(back.pathname + back.search);
      expect([200, 303]).toContain(returned.statusCode);

      const order = await settled(email, 'paid');
      expect(order.invoice_number).toMatch(/\S/);
      expect(order.card_last4).toBe('4242');
      await payments.gateway.waitForDeliveries();
      expect(await orderOf(email)).toHaveLength(1);
      expect(await seatsLeft(session as string)).toBe((before ?? 0) - 1);
      const mails = await mailTo(suite, email);
      expect(mails.map((mail) => mail.subject)).toEqual([`Order ${order.id} confirmed – Code Academy`]);
    });

    it('settles a payment once, however often its webhook is delivered again, validly signed', async () => {
      const email = `replayed-${suite.engine}@example.com`;
      const { payUrl } = await checkout(new Visitor(suite.app), 'git-github-one-day', { email, early_start: '1' });
      expect((await payThroughHostedPage(payUrl, testCards.success)).outcome).toBe('succeeded');
      const order = await settled(email, 'paid');
      await payments.gateway.waitForDeliveries();
      const event = payments.gateway
        .events()
        .find((e) => e.type === 'payment.succeeded' && JSON.stringify(e).includes(order.id));
      expect(event).toBeDefined();
      for (let i = 0; i < 3; i++) {
        const again = await deliver(JSON.stringify(event), payments.gateway.webhookSecret);
        expect(again.statusCode).toBe(200);
      }
      const after = await orderOf(email);
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ status: 'paid', invoice_number: order.invoice_number, paid_at: order.paid_at });
    });

    it('a declined card says why and leaves the order payable; another card then pays it', async () => {
      const visitor = new Visitor(suite.app);
      const email = `declined-${suite.engine}@example.com`;
      const { payUrl } = await checkout(visitor, 'code-academy-hoodie', { email, shipping_same: '1' });
      const declined = await payThroughHostedPage(payUrl, testCards.declined);
      expect(declined.outcome).toBe('declined');
      const insufficient = await payThroughHostedPage(payUrl, testCards.insufficientFunds);
      expect(insufficient.outcome).toBe('declined');
      await payments.gateway.waitForDeliveries();
      const [waiting] = await orderOf(email);
      expect(waiting?.status).toBe('awaiting_payment');
      expect((await payThroughHostedPage(payUrl, testCards.success)).outcome).toBe('succeeded');
      const paid = await settled(email, 'paid');
      expect(paid.card_last4).toBe('4242');
    });

    it('a card that asks for 3-D Secure pays once the buyer completes the challenge', async () => {
      const email = `three-ds-${suite.engine}@example.com`;
      const visitor = new Visitor(suite.app);
      // The workshop starts within 14 days: the buyer must ask for it to start before their
      // withdrawal period ends (Code de la consommation L221-25), or no order is placed.
      const [offer] = await offersOf(visitor, 'git-github-one-day');
      await addToCart(visitor, offer as string);
      const form = await visitor.get('/en/checkout');
      const refused = await visitor.post('/en/checkout', { ...buyer, ...checkoutKeysOf(form), email });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('starts within 14 days');
      expect(await orderOf(email)).toHaveLength(0);
      const placed = await visitor.post('/en/checkout', {
        ...buyer,
        ...checkoutKeysOf(refused),
        email,
        early_start: '1',
      });
      expect(placed.statusCode).toBe(303);
      const payUrl = placed.headers.location as string;
      const result = await payThroughHostedPage(payUrl, testCards.threeDSecure, { authentication: 'complete' });
      expect(result.outcome).toBe('succeeded');
      const paid = await settled(email, 'paid');
      expect(paid.card_last4).toBe('3184');
    });

    it('refuses a webhook signed with another secret, or not signed, with 401, and changes nothing', async () => {
      const before = await orders()
        .selectFrom('commerce_gateway_events')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const email = `forged-${suite.engine}@example.com`;
      await checkout(new Visitor(suite.app), 'git-github-one-day', { email, early_start: '1' });
      const [order] = await orderOf(email);
      const [attempt] = await orders()
        .selectFrom('commerce_payments')
        .selectAll()
        .where('order_id', '=', order?.id ?? '')
        .execute();
      const forged = JSON.stringify({
        id: 'evt_forged',
        object: 'event',
        type: 'payment.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: attempt?.reference,
            object: 'checkout.session',
            status: 'complete',
            payment_status: 'paid',
            metadata: { orderId: order?.id },
          },
        },
      });
      expect((await deliver(forged, 'whsec_someone_else_entirely')).statusCode).toBe(401);
      const unsigned = await suite.app.inject({
        method: 'POST',
        url: '/webhooks/payments',
        headers: { 'content-type': 'application/json' },
        payload: forged,
      });
      expect(unsigned.statusCode).toBe(401);
      expect((await orderOf(email))[0]?.status).toBe('awaiting_payment');
      const after = await orders()
        .selectFrom('commerce_gateway_events')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('an erasure of a buyer keeps the order and invoice under the accounting hold, and its receipt says so', async () => {
      const email = `erase-me-${suite.engine}@example.com`;
      const { payUrl } = await checkout(new Visitor(suite.app), 'javascript-fundamentals', { email });
      expect((await payThroughHostedPage(payUrl, testCards.success)).outcome).toBe('succeeded');
      await settled(email, 'paid');
      const erasure = suite.context.servicesOf(privacyModule).erasure;
      const subject = await erasure.subjectOf({ member_id: null, email, subject_emails: null });
      const receipt = erasure.receipt(await erasure.plan(subject), 'en');
      const kept = receipt.flatMap((line) => line.kept.map((item) => ({ about: line.about, ...item })));
      const tenYears = String(new Date().getUTCFullYear() + 10);
      for (const about of ['Your orders', 'Your invoices']) {
        const held = kept.filter((item) => item.about.startsWith(about));
        expect(held.length, about).toBeGreaterThan(0);
        for (const item of held) {
          expect(item.reason).toContain('L123-22');
          expect(item.until).toContain(tenYears);
        }
      }
      // What is not an accounting record goes: the checkout's IP address and browser are not kept.
      expect(kept.map((item) => item.says).join(' ')).not.toMatch(/IP address|browser/);
    });

    it('keeps no card number anywhere: not in any table (outbox and job payloads included), not in the logs', async () => {
      await payments.gateway.waitForDeliveries();
      const numbers = Object.values(testCards).flatMap((card) => [card, card.replace(/\D/g, '')]);
      const tables = await suite.database.db.introspection.getTables();
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['commerce_orders', 'mail_outbox']));
      let rowsRead = 0;
      for (const table of tables) {
        const rows = await suite.database.db
          .selectFrom(table.name as never)
          .selectAll()
          .execute();
        rowsRead += rows.length;
        const text = JSON.stringify(rows);
        for (const number of numbers) expect(text, `${table.name} holds a card number`).not.toContain(number);
      }
      expect(rowsRead).toBeGreaterThan(0);
      // SQLite's files byte by byte (the database, its write-ahead log): free pages keep deleted rows.
      if (suite.engine === 'sqlite') {
        const dir = suite.context.config.dataDir;
        const files = fs.readdirSync(dir).filter((name) => name.includes('.sqlite'));
        expect(files.length).toBeGreaterThan(0);
        for (const name of files) {
          const bytes = fs.readFileSync(path.join(dir, name)).toString('latin1');
          for (const number of numbers) expect(bytes, `${name} holds a card number`).not.toContain(number);
        }
      }
      const logs = suite.logs.join('\n');
      expect(logs).toContain('request');
      for (const number of numbers) expect(logs).not.toContain(number);
    });
  },
  { env: payments.env },
);
