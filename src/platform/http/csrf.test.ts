import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { memberPassword, verifiedMember } from '../../../test/members.js';
import { cookieHeaderOf, signedInStaff } from '../../../test/staff.js';
import type { Visitor } from '../../../test/visitor.js';

const tokenIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/**
 * Finding 7 of the security review: one CSRF cookie served both kinds of session, so opening a
 * storefront form replaced the token of a back-office form open in another tab (and the reverse).
 */
describeEachEngine('CSRF tokens per kind of session', (suite) => {
  /** One browser signed in as staff (back office) and as a member (storefront), as a shop owner often is. */
  const bothSides = async () => {
    const { browser } = await signedInStaff(suite, 'owner');
    const { username } = await verifiedMember(suite, `both-${Math.random().toString(36).slice(2, 8)}`);
    await browser.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password: memberPassword,
    });
    return browser;
  };
  const post = (browser: Visitor, url: string, token: string) =>
    suite.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieHeaderOf(browser), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });

  it('keeps a back-office form valid after a storefront form opens in another tab, and the reverse', async () => {
    const browser = await bothSides();
    const staffToken = tokenIn((await browser.get('/admin/outbox')).body);
    const memberToken = tokenIn((await browser.get('/en/account/devices')).body);
    expect(staffToken).not.toBe('');
    expect(memberToken).not.toBe('');
    // The storefront page opened last: the back-office form still goes through.
    expect((await post(browser, '/admin/outbox/test', staffToken)).statusCode).toBe(303);
    await browser.get('/admin/outbox');
    // And the back-office page opened last: the storefront form still goes through.
    expect((await post(browser, '/en/account/devices/sign-out-others', memberToken)).statusCode).toBe(303);
  });

  it('refuses a token of the other kind, even with its cookie copied across', async () => {
    const browser = await bothSides();
    const staffToken = tokenIn((await browser.get('/admin/outbox')).body);
    const memberToken = tokenIn((await browser.get('/en/account/devices')).body);
    expect((await post(browser, '/admin/outbox/test', memberToken)).statusCode).toBe(403);
    expect((await post(browser, '/en/account/devices/sign-out-others', staffToken)).statusCode).toBe(403);
    // A storefront cookie and token pair planted under the back office's cookie name.
    browser.cookies.set('XSRF-STAFF', browser.cookies.get('XSRF-TOKEN') ?? '');
    expect((await post(browser, '/admin/outbox/test', memberToken)).statusCode).toBe(403);
  });

  it('tells the kind from the route, not the raw address: /%61dmin is the back office', async () => {
    const browser = await bothSides();
    const staffToken = tokenIn((await browser.get('/admin/outbox')).body);
    const memberToken = tokenIn((await browser.get('/en/account/devices')).body);
    // The router decodes %61 to a: the staff session and the staff token apply, never the member's.
    expect((await post(browser, '/%61dmin/outbox/test', memberToken)).statusCode).toBe(403);
    expect((await post(browser, '/%61dmin/outbox/test', staffToken)).statusCode).toBe(303);
    const page = await suite.app.inject({ url: '/%61dmin/outbox', headers: { cookie: cookieHeaderOf(browser) } });
    expect(page.statusCode).toBe(200);
  });
});
