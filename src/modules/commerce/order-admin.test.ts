import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { mailTo } from '../../../test/mail.js';
import { payThroughHostedPage, testCards, useSandboxGateway } from '../../../test/sandbox-gateway.js';
import { listenForWebhooks, orderReaching, placeOrder } from '../../../test/shop.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { createJobWorker } from '../../job-workers.js';
import { tablesOf } from '../../platform/db/database.js';
import type { InvoiceTables } from '../invoices/invoices-tables.js';

const payments = useSandboxGateway();
const english = { headers: { 'accept-language': 'en' } };

describeEachEngine(
  'orders in the back office',
  (suite) => {
    beforeAll(() => listenForWebhooks(suite, payments.gateway));

    async function paidOrder(email: string) {
      const { payUrl } = await placeOrder(new Visitor(suite.app), 'code-academy-hoodie', { email });
      expect((await payThroughHostedPage(payUrl, testCards.success)).outcome).toBe('succeeded');
      return orderReaching(suite, email, 'paid');
    }

    it('finds orders by number, address or name, and by status; marketing may not see them', async () => {
      const order = await paidOrder(`findme-${suite.engine}@example.com`);
      const { browser: support } = await signedInStaff(suite, 'support', english);
      for (const q of [order.id, `findme-${suite.engine}`, 'LOVELACE']) {
        const list = await support.get(`/admin/orders?q=${encodeURIComponent(q)}`);
        expect(list.statusCode, q).toBe(200);
        expect(list.body, q).toContain(`/admin/orders/${order.id}`);
      }
      const none = await support.get('/admin/orders?q=nobody-at-all&status=paid');
      expect(none.body).toContain('No order matches.');
      const refused = await support.get('/admin/orders?q=%25');
      expect(refused.body).not.toContain(`/admin/orders/${order.id}"`);
      const { browser: marketing } = await signedInStaff(suite, 'marketing', english);
      expect((await marketing.get('/admin/orders')).statusCode).toBe(403);
      expect((await marketing.get(`/admin/orders/${order.id}`)).statusCode).toBe(403);
    });

    it('an accountant refunds part of an order: the card is refunded, a credit note issued, the invoice unchanged, the buyer told', async () => {
      const email = `refund-${suite.engine}@example.com`;
      const order = await paidOrder(email);
      const invoiceBefore = await tablesOf<InvoiceTables>(suite.database)
        .selectFrom('invoices_documents')
        .selectAll()
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();

      const { browser: support } = await signedInStaff(suite, 'support', english);
      await support.get(`/admin/orders/${order.id}`);
      const notAllowed = await support.post(`/admin/orders/${order.id}/refund`, { amount: '10', reason: 'goodwill' });
      expect(notAllowed.statusCode).toBe(403);

      const { browser: accountant } = await signedInStaff(suite, 'accountant', english);
      const page = await accountant.get(`/admin/orders/${order.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Up to €49.00');
      const tooMuch = await accountant.post(`/admin/orders/${order.id}/refund`, { amount: '60', reason: 'goodwill' });
      expect(tooMuch.statusCode).toBe(409);
      expect(tooMuch.body).toContain('Refund too large');
      const badAmount = await accountant.post(`/admin/orders/${order.id}/refund`, {
        amount: 'ten',
        reason: 'goodwill',
      });
      expect(badAmount.statusCode).toBe(400);
      expect(badAmount.body).toContain('Enter an amount in euros greater than zero');
      const refunded = await accountant.post(`/admin/orders/${order.id}/refund`, {
        amount: '10,50',
        reason: 'goodwill',
      });
      expect(refunded.statusCode).toBe(303);
      expect(refunded.headers.location).toBe(`/admin/orders/${order.id}?done=refunded`);

      // The refund job asks the gateway; its webhook then confirms the refund.
      const worker = createJobWorker(suite.context);
      for (let round = 0; round < 5 && (await worker.tick()) > 0; round++);
      const after = await orderReaching(suite, email, 'partially_refunded');
      expect(after.refunded_cents).toBe(1050);
      const documents = await tablesOf<InvoiceTables>(suite.database)
        .selectFrom('invoices_documents')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('issued_at')
        .execute();
      expect(documents.map((d) => d.kind)).toEqual(['invoice', 'credit-note']);
      expect(documents[0]).toEqual(invoiceBefore);
      expect(documents[1]?.total_cents).toBe(1050);
      expect(documents[1]?.number).toMatch(/^AV-\d{6}$/);
      const mails = await mailTo(suite, email);
      expect(mails.map((mail) => mail.subject).join('\n')).toMatch(/refund/i);
      const detail = await accountant.get(`/admin/orders/${order.id}`);
      expect(detail.body).toContain(documents[1]?.number ?? 'missing');
    });

    it('support marks a paid order fulfilled, once; an unpaid one may be cancelled, its item back on sale', async () => {
      const order = await paidOrder(`fulfil-${suite.engine}@example.com`);
      const { browser: support } = await signedInStaff(suite, 'support', english);
      await support.get(`/admin/orders/${order.id}`);
      const done = await support.post(`/admin/orders/${order.id}/fulfil`);
      expect(done.statusCode).toBe(303);
      const again = await support.post(`/admin/orders/${order.id}/fulfil`);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('Not possible for this order now');

      const email = `unpaid-${suite.engine}@example.com`;
      await placeOrder(new Visitor(suite.app), 'code-academy-hoodie', { email });
      const unpaid = await orderReaching(suite, email, 'awaiting_payment');
      await support.get(`/admin/orders/${unpaid.id}`);
      expect((await support.post(`/admin/orders/${unpaid.id}/cancel`)).statusCode).toBe(303);
      await orderReaching(suite, email, 'cancelled');
      expect((await support.get('/admin/orders/NOSUCHORDR')).statusCode).toBe(404);
    });
  },
  { env: payments.env },
);
