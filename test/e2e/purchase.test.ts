import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../pdf-text.js';
import { startSmtpServer } from '../smtp-test-server.js';
import { lookAt } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';
import { signInStaffFirstTime } from './staff-sign-in.js';

// Mail goes out through a real SMTP server (in this process); the shop runs as `npm start` runs it,
// with the sandbox payment gateway beside it on its own port: the card is typed on its page.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});
const shop = shopInChromium(() => ({ SMTP_URL: smtp.url }));

async function newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  // bypassCSP lets the accessibility checker run in the page (our CSP rightly refuses it); the
  // shop's own policy is checked by the HTTP tests (form-action allows the gateway's origin).
  const context = await shop.browser.newContext({
    locale: 'en-GB',
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** From the product page to the gateway's card page, as a guest. */
async function checkout(
  page: Page,
  product: string,
  buyer: { email: string; name: string },
  extra?: (page: Page) => Promise<void>,
) {
  await page.goto(`${shop.server.baseUrl}/en/catalog/${product}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL('**/en/cart?notice=added');
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await page.getByLabel('Email address', { exact: true }).fill(buyer.email);
  await page.getByLabel('Full name', { exact: true }).fill(buyer.name);
  await page.getByLabel('Street address').first().fill('12 rue de la Paix');
  await page.getByLabel('Postal code').first().fill('75002');
  await page.getByLabel('City', { exact: true }).first().fill('Paris');
  await extra?.(page);
  await page.getByLabel(/I have read and accept the/).check();
  await page.getByRole('button', { name: 'Order with obligation to pay' }).click();
  await page.waitForURL(`${shop.server.gatewayUrl}/pay/**`);
}

async function typeCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on the card').fill('Ada Lovelace');
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** Back on the shop's order page: reloads until it says Paid (the webhook may come a little later). */
async function waitUntilPaid(page: Page) {
  await page.waitForURL(`${shop.server.baseUrl}/en/checkout/return/**`);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator('.badge').first().textContent();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe('Paid');
}

describe('buying in Chromium, card typed on the sandbox gateway’s page', () => {
  it('a guest buys a hoodie with a card that succeeds', async () => {
    const { context, page, problems } = await newPage();
    await checkout(page, 'code-academy-hoodie', { email: 'guest@example.org', name: 'Grace Hopper' });
    problems.push(...(await lookAt(page, 'gateway-card-page')));
    await typeCard(page, '4242 4242 4242 4242');
    await waitUntilPaid(page);
    expect(await page.locator('main').textContent()).toContain('Visa card ending in 4242');
    problems.push(...(await lookAt(page, 'order-paid')));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a card that asks for 3-D Secure pays once the challenge is completed', async () => {
    const { context, page, problems } = await newPage();
    // The workshop starts within 14 days: the checkout asks for the express request to start early.
    await checkout(page, 'git-github-one-day', { email: 'secure@example.org', name: 'Alan Turing' }, (p) =>
      p.getByLabel(/I ask that the course start before the end of my 14-day withdrawal period/).check(),
    );
    await typeCard(page, '4000 0027 6000 3184');
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await waitUntilPaid(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a declined card says why, the order stays payable, and another card pays it', async () => {
    const { context, page, problems } = await newPage();
    await checkout(page, 'sticker-pack', { email: 'declined@example.org', name: 'Katherine Johnson' });
    await typeCard(page, '4000 0000 0000 0002');
    await expect.poll(() => page.locator('main').textContent()).toContain('Your card was declined');
    problems.push(...(await lookAt(page, 'gateway-declined')));
    // The buyer gives up on the gateway's page and goes back to the shop: nothing paid, still payable.
    await page.getByRole('link', { name: /Cancel and return to the shop/ }).click();
    await page.waitForURL(`${shop.server.baseUrl}/en/checkout/return/**`);
    expect(await page.locator('main').textContent()).toContain('Nothing was charged');
    problems.push(...(await lookAt(page, 'order-not-paid')));
    await page.getByRole('button', { name: /Pay now/ }).click();
    await page.waitForURL(`${shop.server.gatewayUrl}/pay/**`);
    await typeCard(page, '5555 5555 5555 4444');
    await waitUntilPaid(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a buyer who made an account at checkout finds the order in their history and downloads the invoice', async () => {
    const { context, page, problems } = await newPage();
    const member = {
      email: 'member@example.org',
      name: 'Hedy Lamarr',
      username: 'hedy',
      password: 'frequency hopping 1942',
    };
    await checkout(page, 'sticker-pack', member, async (p) => {
      await p.getByLabel('Create an account with this email address').check();
      await p.getByLabel('Username', { exact: true }).fill(member.username);
      await p.getByLabel('Password', { exact: true }).fill(member.password);
    });
    await typeCard(page, '4242 4242 4242 4242');
    await waitUntilPaid(page);

    // Confirm the address from the mail, then sign in.
    await expect
      .poll(() => smtp.inbox.filter((mail) => mail.to === member.email && /confirm/i.test(mail.subject)).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const confirmation = smtp.inbox.find((mail) => mail.to === member.email && /confirm/i.test(mail.subject));
    const link = /https?:\/\/\S+\/en\/account\/verify\?token=\S+/.exec(confirmation?.text ?? '')?.[0] ?? '';
    await page.goto(link.replace(/^https?:\/\/[^/]+/, shop.server.baseUrl));
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByLabel(/Username or email/).fill(member.username);
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/en/account**');

    await page.goto(`${shop.server.baseUrl}/en/account/orders`);
    problems.push(...(await lookAt(page, 'account-orders')));
    await page.locator('main a[href*="/en/orders/"]').first().click();
    const invoice = page.getByRole('link', { name: /Invoice FA-\d{6}/ });
    const number = /FA-\d{6}/.exec((await invoice.textContent()) ?? '')?.[0];
    const response = await context.request.get(new URL((await invoice.getAttribute('href')) ?? '', page.url()).href);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const { text } = await pdfText(await response.body());
    for (const words of [
      `Invoice No. ${number}`,
      'Code Academy SAS',
      'FR40912345678',
      'Hedy Lamarr',
      'Laptop Sticker Pack',
      'VAT',
    ]) {
      expect(text, words).toContain(words);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an accountant refunds part of an order; the buyer’s order page shows it', async () => {
    const { context: buyerContext, page: buyer } = await newPage();
    await checkout(buyer, 'code-academy-hoodie', { email: 'refund@example.org', name: 'Mary Jackson' });
    await typeCard(buyer, '4242 4242 4242 4242');
    await waitUntilPaid(buyer);
    const orderUrl = buyer.url();
    const orderId = /return\/([0-9A-Z]{10})/.exec(orderUrl)?.[1] ?? '';

    const staff = {
      email: 'accountant@codeacademy.example',
      role: 'accountant',
      password: 'ledger lantern orchard 42',
    };
    shop.server.createStaff(staff);
    const { context, page, problems } = await newPage();
    await signInStaffFirstTime(page, `${shop.server.baseUrl}/admin/orders`, staff);
    await page.getByLabel('Order number, email or name').fill('refund@example.org');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: orderId }).click();
    problems.push(...(await lookAt(page, 'staff-order')));
    await page.getByLabel('Amount (€)').fill('20');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.waitForURL(`**/admin/orders/${orderId}?done=refunded`);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('main').textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatch(/Credit note AV-\d{6}/);
    expect(await page.locator('.badge').first().textContent()).toBe('Partly refunded');
    problems.push(...(await lookAt(page, 'staff-order-refunded')));

    await buyer.reload();
    expect(await buyer.locator('main').textContent()).toContain('Refunded: €20.00');
    expect(problems).toEqual([]);
    await context.close();
    await buyerContext.close();
  });
});
