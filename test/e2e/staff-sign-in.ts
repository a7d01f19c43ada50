import type { Page } from 'playwright-core';
import { totpCode } from '../../src/modules/backoffice/totp.js';

/**
 * A new staff member's first sign-in, as a person does it: email and password at a back-office
 * page, then the two-factor setup (the key read off the page, a code typed), back to that page.
 */
export async function signInStaffFirstTime(page: Page, url: string, staff: { email: string; password: string }) {
  await page.goto(url);
  await page.getByLabel('Work email').fill(staff.email);
  await page.getByLabel('Password', { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/admin/sign-in/setup**');
  const key = ((await page.locator('.secret').textContent()) ?? '').replace(/ /g, '');
  await page.getByLabel('Code', { exact: true }).fill(await totpCode(key, new Date()));
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.waitForURL(url);
}
