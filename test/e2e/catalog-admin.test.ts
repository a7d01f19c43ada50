import { describe, expect, it } from 'vitest';
import { lookAt } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';
import { signInStaffFirstTime } from './staff-sign-in.js';

const shop = shopInChromium();

describe('the catalog in the back office, in Chromium', () => {
  it('marketing adds a workshop with a session and publishes it; a visitor sees it on the shop and can buy a seat', async () => {
    const staff = { email: 'marketing@codeacademy.example', role: 'marketing', password: 'poster meadow lantern 77' };
    shop.server.createStaff(staff);
    // bypassCSP lets the accessibility checker run in the page (our CSP rightly refuses it).
    const context = await shop.browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await signInStaffFirstTime(page, `${shop.server.baseUrl}/admin/catalog`, staff);
    problems.push(...(await lookAt(page, 'staff-catalog')));

    await page.getByRole('link', { name: 'Add a product' }).click();
    await page.getByLabel('Web address (slug)').fill('rust-for-web-developers');
    await page.getByLabel('Kind').selectOption('workshop');
    await page.getByLabel('Price in euros, VAT included').fill('390');
    // A mistake first: both names are required; the page says which, and keeps what was typed.
    await page.getByRole('button', { name: 'Create the product' }).click();
    await expect.poll(() => page.locator('.field--invalid').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Web address (slug)').inputValue()).toBe('rust-for-web-developers');
    problems.push(...(await lookAt(page, 'staff-catalog-new-invalid')));

    const english = page.getByRole('group', { name: 'English' });
    const french = page.getByRole('group', { name: 'French' });
    await english.getByLabel('Name').fill('Rust for Web Developers');
    await english
      .getByLabel('Summary (one or two sentences)')
      .fill('Two days of Rust, from ownership to a web server.');
    await english.getByLabel('Description').fill('Ownership, borrowing and async, on a real project.');
    await french.getByLabel('Name').fill('Rust pour les développeurs web');
    await french
      .getByLabel('Summary (one or two sentences)')
      .fill('Deux jours de Rust, de la possession à un serveur web.');
    await french.getByLabel('Description').fill('Possession, emprunt et async, sur un vrai projet.');
    await page.getByRole('button', { name: 'Create the product' }).click();
    await page.waitForURL('**/admin/catalog/*?done=created');

    await page.getByLabel('Starts (Paris time)').fill('2027-03-06T09:30');
    await page.getByLabel('Place (unless online)').fill('35 rue le Marois, Paris');
    await page.getByLabel('Seats').fill('12');
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.waitForURL('**/admin/catalog/*?done=offer');
    problems.push(...(await lookAt(page, 'staff-catalog-product')));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL('**/admin/catalog/*?done=status');
    expect(await page.locator('main').textContent()).toContain('Status: Published.');

    const visitor = await shop.browser.newPage({ locale: 'en-GB' });
    await visitor.goto(`${shop.server.baseUrl}/en/catalog/rust-for-web-developers`);
    expect(await visitor.locator('h1').textContent()).toBe('Rust for Web Developers');
    const main = (await visitor.locator('main').textContent()) ?? '';
    expect(main).toContain('€390.00');
    expect(main).toContain('35 rue le Marois, Paris');
    expect(main).toMatch(/6 March 2027/);
    expect(main).toMatch(/12 seats left/);
    await expect.poll(() => visitor.getByRole('button', { name: /Add to cart/ }).count()).toBe(1);
    await visitor.close();
    expect(problems).toEqual([]);
    await context.close();
  });
});
