import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationSeconds } from '../../src/privacy/core/duration.js';
import { startSmtpServer } from '../smtp-test-server.js';
import { lookAt } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';

// Mail goes out through a real SMTP server (in this process): the test reads it like a person would.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});
const shop = shopInChromium(() => ({ SMTP_URL: smtp.url }));

const member = {
  username: 'ada.l',
  email: 'ada@example.org',
  password: 'analytical engine notes 1843',
  name: 'Ada Lovelace',
};

async function mailTo(address: string): Promise<string> {
  await expect
    .poll(() => smtp.inbox.filter((mail) => mail.to === address).length, { timeout: 15_000, interval: 200 })
    .toBeGreaterThan(0);
  return smtp.inbox.filter((mail) => mail.to === address).at(-1)?.text ?? '';
}

describe('a member’s account in Chromium', () => {
  it('signs up, confirms the address from the email, signs in, edits the profile, sees the devices, signs out, and is remembered', async () => {
    // bypassCSP lets the accessibility checker run in the page (our CSP rightly refuses it).
    const context = await shop.browser.newContext({
      locale: 'en-GB',
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const look = async (name: string) => problems.push(...(await lookAt(page, name)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${shop.server.baseUrl}/en`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New here? Create an account' }).click();
    await look('sign-up');
    await page.getByLabel('Username').fill(member.username);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByLabel('Full name (optional)').fill(member.name);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your inbox');

    await look('check-inbox');
    const mail = await mailTo(member.email);
    const link = /https?:\/\/\S+\/en\/account\/verify\?token=\S+/.exec(mail)?.[0];
    expect(link).toBeDefined();
    await page.goto(link as string);
    await look('confirm-address');
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your email address is confirmed');

    await look('sign-in');
    await page.getByLabel('Username or email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/account');
    const browserSession = (await context.cookies()).find((cookie) => cookie.name === 'vitrine_session');
    expect(browserSession?.expires).toBe(-1);
    expect(browserSession?.httpOnly).toBe(true);
    await expect.poll(() => page.locator('.header-account').textContent()).toBe('My account');

    await look('profile');
    await page.getByLabel('Display name').fill('Ada');
    await page.getByLabel('City').fill('London');
    await page.getByLabel('Telephone').fill('+44 20 7946 0000');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your profile was saved.');
    await page.reload();
    expect(await page.getByLabel('City').inputValue()).toBe('London');
    expect(await page.getByLabel('Full name').inputValue()).toBe(member.name);

    await page.getByRole('link', { name: 'Devices' }).click();
    await page.waitForURL('**/en/account/devices');
    expect(await page.locator('.device').count()).toBe(1);
    expect(await page.locator('.badge--current').textContent()).toBe('This device');
    expect(await page.locator('.device-meta').textContent()).toContain('127.0.0.1');

    await look('devices');
    await page.getByRole('link', { name: 'Email and password' }).click();
    await look('security');
    // The Privacy page: a copy of their data, built by the server's job worker while the page
    // reloads itself (Refresh header), then downloaded once as a ZIP.
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.waitForURL('**/en/account/privacy');
    await look('privacy');
    await page.getByRole('button', { name: 'Prepare a copy of my data' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Download my data (ZIP)' }).count(), { timeout: 30_000 })
      .toBe(1);
    await look('privacy-ready');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data (ZIP)' }).click(),
    ]);
    const zip = fs.readFileSync((await download.path()) as string);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('index.html'))).toBe(true);
    await page.goto(`${shop.server.baseUrl}/en/account/privacy`);
    await page.getByRole('link', { name: 'Delete my account' }).first().click();
    await look('delete-account');
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('You are signed out.');
    expect((await context.cookies()).some((cookie) => cookie.name === 'vitrine_session')).toBe(false);

    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill(member.password);
    await page.getByLabel('Remember me on this device for 12 months').check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/account');
    const remembered = (await context.cookies()).find((cookie) => cookie.name === 'vitrine_session');
    const lifetime = (remembered?.expires ?? 0) - Date.now() / 1000;
    expect(Math.abs(lifetime - durationSeconds('P12M'))).toBeLessThan(120);
    expect(problems).toEqual([]);
    await context.close();
  });
});
