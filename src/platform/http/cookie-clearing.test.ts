import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { memberPassword, tokenOf, verifiedMember } from '../../../test/members.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';

/** The Set-Cookie lines of a response that clear `name`. */
function clearingsOf(response: LightMyRequestResponse, name: string): string[] {
  const header = response.headers['set-cookie'];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return lines.filter((line) => line.startsWith(`${name}=;`));
}

/**
 * A browser ignores a Set-Cookie for a `__Host-` name that lacks `Secure` (and one with another
 * Path): the clearing must repeat the attributes the cookie was set with, or sign-out, reset and
 * deletion leave the cookie in the browser (finding 6 of the security review).
 */
function expectHonouredClearing(response: LightMyRequestResponse, name: string) {
  const clearings = clearingsOf(response, name);
  expect(clearings, `${name} is cleared`).toHaveLength(1);
  const line = clearings[0] as string;
  expect(line).toMatch(/; Secure(;|$)/);
  expect(line).toMatch(/; Path=\/(;|$)/);
  expect(line).toMatch(/; HttpOnly(;|$)/);
  expect(line).toMatch(/; SameSite=Lax(;|$)/);
  expect(line).not.toMatch(/; Domain=/i);
  const expires = /; Expires=([^;]+)/.exec(line)?.[1];
  expect(expires && Date.parse(expires) <= Date.now()).toBe(true);
}

describeEachEngine(
  'cookies cleared over HTTPS',
  (suite) => {
    const session = '__Host-vitrine_session';
    const staffSession = '__Host-vitrine_staff';

    const signedIn = async (username: string) => {
      const member = await verifiedMember(suite, username);
      const browser = new Visitor(suite.app);
      await browser.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: username,
        password: memberPassword,
      });
      expect(browser.cookies.has(session)).toBe(true);
      return { member, browser };
    };

    it('clears the member session with Secure at sign-out', async () => {
      const { browser } = await signedIn('https-out');
      await browser.get('/en/account');
      expectHonouredClearing(await browser.post('/en/account/sign-out'), session);
    });

    it('clears it after a password reset', async () => {
      const { member, browser } = await signedIn('https-reset');
      await browser.submit('/en/account/forgot-password', '/en/account/forgot-password', { email: member.email });
      const mail = (await mailTo(suite, member.email)).find((m) => m.subject.startsWith('Reset your password'));
      const link = linkIn(mail?.text ?? '', '/en/account/reset-password');
      await browser.get(link);
      const reset = await browser.post('/en/account/reset-password', {
        token: tokenOf(link),
        password: 'a brand new passphrase 7',
      });
      expect(reset.statusCode).toBe(303);
      expectHonouredClearing(reset, session);
    });

    it('clears it when the account is deleted', async () => {
      const { browser } = await signedIn('https-delete');
      await browser.get('/en/account/delete');
      const deleted = await browser.post('/en/account/delete', { password: memberPassword, confirm: '1' });
      // The erasure's receipt is shown at once, signed out.
      expect(deleted.statusCode).toBe(200);
      expect(deleted.body).toContain('Your account is being erased');
      expectHonouredClearing(deleted, session);
    });

    it('clears an unknown session cookie the same way', async () => {
      const response = await suite.app.inject({ url: '/en/account', headers: { cookie: `${session}=unknown-token` } });
      expectHonouredClearing(response, session);
    });

    it('clears the staff session with Secure at sign-out, and an unknown staff cookie', async () => {
      const { browser } = await signedInStaff(suite, 'support');
      expect(browser.cookies.has(staffSession)).toBe(true);
      await browser.get('/admin');
      expectHonouredClearing(await browser.post('/admin/sign-out'), staffSession);
      const unknown = await suite.app.inject({ url: '/admin', headers: { cookie: `${staffSession}=unknown-token` } });
      expectHonouredClearing(unknown, staffSession);
    });
  },
  { env: { PUBLIC_URL: 'https://shop.example.com' } },
);
