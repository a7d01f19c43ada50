import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { modules } from '../../src/module-list.js';
import { totpCode } from '../../src/modules/backoffice/totp.js';
import { PrivacyRegistry } from '../../src/privacy/core/registry.js';
import { lookAt } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';

const registry = new PrivacyRegistry(modules);
const shop = shopInChromium();

/** A page that records every console error, uncaught exception and failed request. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

/** Every cookie in the browser must be in the registry, and essential. */
async function expectOnlyRegisteredEssentialCookies(context: BrowserContext) {
  for (const cookie of await context.cookies()) {
    const declared = registry.cookies.get(cookie.name);
    expect(declared, `cookie ${cookie.name} is not registered`).toBeDefined();
    expect(declared?.category, `cookie ${cookie.name}`).toBe('essential');
    if (declared?.duration === 'session') expect(cookie.expires, `${cookie.name} must be a session cookie`).toBe(-1);
    if (declared?.httpOnly) expect(cookie.httpOnly, `${cookie.name} must be HttpOnly`).toBe(true);
  }
}

describe('storefront in Chromium', () => {
  for (const [locale, catalog, productName] of [
    ['en', '/en/catalog', 'JavaScript Fundamentals'],
    ['fr', '/fr/catalogue', 'Les fondamentaux de JavaScript'],
  ] as const) {
    it(`browses home, catalog and a product in ${locale} with no console error, and no cookie but the add-to-cart form's`, async () => {
      const context = await shop.browser.newContext({ locale });
      const { page, problems } = await watchedPage(context);

      await page.goto(shop.server.baseUrl);
      expect(new URL(page.url()).pathname).toBe(`/${locale}`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);

      await page.goto(shop.server.baseUrl + catalog);
      expect(await page.locator('.card').count()).toBe(10);

      await page
        .getByRole('link', { name: new RegExp(productName) })
        .first()
        .click();
      await page.waitForURL(`**${catalog}/javascript-fundamentals`);
      expect(await page.locator('h1').textContent()).toBe(productName);
      // The stylesheet applied (CSP let it through): the price box has its border radius.
      expect(await page.locator('.buy-box').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('14px');

      expect(problems).toEqual([]);
      // Home and catalog set none; the product page's form carries its CSRF token (essential).
      expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['XSRF-TOKEN']);
      await context.close();
    });
  }

  it('switches language on the same product', async () => {
    const context = await shop.browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${shop.server.baseUrl}/en/catalog/git-github-one-day`);
    await page.getByRole('link', { name: 'FR', exact: true }).click();
    await page.waitForURL('**/fr/catalogue/git-github-one-day');
    expect(await page.locator('h1').textContent()).toBe('Git et GitHub en une journée');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a friendly 404 page in the visitor’s language', async () => {
    const context = await shop.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const response = await page.goto(`${shop.server.baseUrl}/fr/catalogue/introuvable`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Produit introuvable');
    await context.close();
  });

  it('signs staff in with a two-factor code, and sends a test email from the outbox with only essential cookies', async () => {
    const staff = { email: 'owner@codeacademy.example', role: 'owner', password: 'ledger lantern orchard 42' };
    shop.server.createStaff(staff);
    const context = await shop.browser.newContext({ locale: 'en', bypassCSP: true });
    const { page, problems } = await watchedPage(context);
    const look = async (name: string) => problems.push(...(await lookAt(page, name)));
    await page.goto(`${shop.server.baseUrl}/admin/outbox`);
    await look('staff-sign-in');
    // Sent to sign in first, then to set up two-factor codes (first sign-in), then back.
    await page.getByLabel('Work email').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/admin/sign-in/setup?next=%2Fadmin%2Foutbox');
    expect(await page.locator('.qr svg').count()).toBe(1);
    await look('staff-two-factor-setup');
    const key = ((await page.locator('.secret').textContent()) ?? '').replace(/ /g, '');
    await page.getByLabel('Code', { exact: true }).fill(await totpCode(key, new Date()));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    // The recovery codes, shown this once, then on to the page that was asked for.
    await page.getByRole('heading', { name: 'Recovery codes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await look('staff-recovery-codes');
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.waitForURL('**/admin/outbox');
    await look('staff-outbox');
    await page.getByRole('button', { name: /Send a test email/ }).click();
    await page.waitForURL('**/admin/outbox?sent=1');
    expect(await page.getByRole('status').textContent()).toContain('queued');
    // The worker polls every second: the message lands in the outbox shortly.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole('link', { name: /mail delivery test/ }).count();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(1);
    // The owner reads the message itself.
    await page.getByRole('link', { name: /mail delivery test/ }).click();
    expect(await page.locator('pre.mail-body').textContent()).toContain('mail delivery works');
    await look('staff-outbox-message');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await look('staff-dashboard');
    await page.getByRole('link', { name: 'Members', exact: true }).first().click();
    await page.waitForURL('**/admin/members');
    await look('staff-members');
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.waitForURL('**/admin/staff');
    await look('staff-management');
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual([
      'XSRF-STAFF',
      'vitrine_device',
      'vitrine_staff',
    ]);
    await expectOnlyRegisteredEssentialCookies(context);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the demo on a fresh clone', () => {
  it('lets a newcomer confirm their address through the development mailbox, with no mail server', async () => {
    const context = await shop.browser.newContext({ locale: 'en' });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${shop.server.baseUrl}/en/account/sign-up`);
    await page.getByLabel('Username').fill('newcomer');
    await page.getByLabel('Email address').fill('newcomer@example.org');
    await page.getByLabel('Password').fill('analytical engine notes 1843');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/en/account/sign-up?sent=1');
    // The worker polls every second: the mail lands in the development mailbox shortly.
    await expect
      .poll(
        async () => {
          await page.goto(`${shop.server.baseUrl}/dev/mailbox?locale=en`);
          return page.getByRole('link', { name: /Confirm your email address/ }).count();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(1);
    expect(await page.getByRole('note').textContent()).toContain('For development only');
    await page.getByRole('link', { name: /Confirm your email address/ }).click();
    await page.getByRole('link', { name: /\/en\/account\/verify\?token=/ }).click();
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.waitForURL('**/en/account/sign-in?notice=verified');
    expect(problems).toEqual([]);
    await context.close();
  });
});
