import { tablesOf } from '../db/database.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { signedInStaff } from '../../../test/staff.js';
import type { JobsTable } from '../jobs/jobs-table.js';
import { bodyLimitBytes } from '../../app.js';

/**
 * Bad input of every kind gets a clear 4xx in the visitor's language, changes nothing, and
 * never produces a 500 or a stack trace. "Nothing changed" is checked on the jobs table, which
 * the only state-changing route here (the admin test mail) writes to.
 */
describeEachEngine('bad input', (suite) => {
  // The staff session cookie of an owner signed in with password and two-factor code.
  let staffCookie = '';
  beforeAll(async () => {
    const { browser } = await signedInStaff(suite);
    staffCookie = `vitrine_staff=${browser.cookies.get('vitrine_staff')}`;
  });
  const jobCount = async () =>
    Number(
      (
        await tablesOf<JobsTable>(suite.database)
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('name', '=', 'mail.send')
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A valid CSRF cookie and token, as a browser gets them from the outbox page. */
  const csrf = async () => {
    const page = await suite.app.inject({ url: '/admin/outbox', headers: { cookie: staffCookie } });
    const cookie = page.cookies.find((c) => c.name === 'XSRF-STAFF');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!cookie || !token) throw new Error('the outbox page did not hand out a CSRF token');
    return { cookie: `XSRF-STAFF=${cookie.value}; ${staffCookie}`, token };
  };

  it('refuses malformed percent-encoding with a 400 page, in the language of the path', async () => {
    const response = await suite.app.inject({ url: '/fr/catalogue/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Adresse mal formée');
    expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  it('carries the security headers on a malformed-URL answer too', async () => {
    const response = await suite.app.inject({ url: '/en/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a POST to an unknown address with 404, not a CSRF refusal', async () => {
    const response = await suite.app.inject({ method: 'POST', url: '/en/nowhere', payload: {} });
    expect(response.statusCode).toBe(404);
  });

  it('keeps the page language when the address has a query string', async () => {
    const response = await suite.app.inject({ url: '/en?x=1&kind=<b>', headers: { 'accept-language': 'fr' } });
    expect(response.statusCode).toBe(200);
    const missing = await suite.app.inject({ url: '/en/nowhere?x=1', headers: { 'accept-language': 'fr' } });
    expect(missing.body).toContain('Page not found');
  });

  it('refuses an invalid query field with a 400 naming the field, in the visitor’s language', async () => {
    // The catalog page shows the whole catalog for an unknown filter (storefront.test.ts); the
    // sign-in page's notice is still validated, and so is the API's filter.
    const response = await suite.app.inject({ url: '/en/account/sign-in?notice=spaceship' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Some information is not valid');
    expect(response.body).toContain('notice: is not one of the accepted values');
    const french = await suite.app.inject({ url: '/fr/compte/connexion?notice=vaisseau' });
    expect(french.body).toContain('notice\u00a0: n’est pas une valeur acceptée');
    const api = await suite.app.inject({ url: '/api/v1/products?locale=fr&kind=x' });
    expect(api.json().error.fields).toEqual({ kind: 'kind\u00a0: n’est pas une valeur acceptée' });
  });

  it('refuses a state change without a CSRF token, and changes nothing', async () => {
    const before = await jobCount();
    const response = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { cookie: staffCookie, 'accept-language': 'fr' },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Formulaire expiré');
    expect(await jobCount()).toBe(before);
  });

  it('refuses a CSRF token that does not match the cookie, or a cookie it did not sign', async () => {
    const { cookie, token } = await csrf();
    const before = await jobCount();
    const wrongToken = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(`${token}x`)}`,
    });
    expect(wrongToken.statusCode).toBe(403);
    const forged = 'forged.value';
    const forgedPair = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { cookie: `XSRF-STAFF=${forged}; ${staffCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${forged}`,
    });
    expect(forgedPair.statusCode).toBe(403);
    expect(await jobCount()).toBe(before);
  });

  it('accepts the same form with a valid token (form field or header)', async () => {
    const { cookie, token } = await csrf();
    const before = await jobCount();
    const form = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(form.statusCode).toBe(303);
    const header = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { cookie, 'x-xsrf-token': token, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(header.statusCode).toBe(303);
    expect(await jobCount()).toBe(before + 2);
  });

  it('refuses bad JSON, a wrong content type and an oversized body with clear 4xx JSON', async () => {
    const { cookie, token } = await csrf();
    const headers = { cookie, 'x-xsrf-token': token, accept: 'application/json' };
    const before = await jobCount();

    const badJson = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"oops":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('VT_BAD_JSON');

    const wrongType = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('VT_UNSUPPORTED_MEDIA_TYPE');

    const huge = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr' },
      payload: `_csrf=${encodeURIComponent(token)}&x=${'a'.repeat(bodyLimitBytes + 10)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({
      code: 'VT_BODY_TOO_LARGE',
      message: expect.stringContaining('Rien n’a été modifié'),
    });
    expect(await jobCount()).toBe(before);
  });

  it('sends a visitor to the staff sign-in, answers 401 to an API client, and 403 to a role without access', async () => {
    const anonymous = await suite.app.inject({ url: '/admin/outbox' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2Foutbox');
    const api = await suite.app.inject({
      method: 'POST',
      url: '/admin/outbox/test',
      headers: { 'x-xsrf-token': 'x', accept: 'application/json' },
    });
    expect([401, 403]).toContain(api.statusCode);
    const { browser } = await signedInStaff(suite, 'marketing');
    const forbidden = await browser.get('/admin/outbox');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('VT_FORBIDDEN');
  });

  it('never answered any of the above with a 500, and logged no stack to the visitor', () => {
    const failures = suite.logs.filter((line) => line.includes('"status":500'));
    expect(failures).toEqual([]);
  });
});

describeEachEngine(
  'CSRF over HTTPS',
  (suite) => {
    it('uses a __Host- cookie, Secure, for the whole host, and accepts the form with it', async () => {
      const page = await suite.app.inject({ url: '/en/account/sign-in' });
      const setCookie = String(page.headers['set-cookie']);
      expect(setCookie).toMatch(/^__Host-XSRF-TOKEN=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
      const cookie = setCookie.split(';')[0] as string;
      const form = `_csrf=${encodeURIComponent(token)}&identifier=nobody&password=nothing-at-all`;
      const accepted = await suite.app.inject({
        method: 'POST',
        url: '/en/account/sign-in',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form,
      });
      // Past the CSRF check: the sign-in itself answers (wrong credentials).
      expect(accepted.statusCode).toBe(401);
      // The unprefixed cookie a subdomain or plain-HTTP page could plant is not accepted.
      const planted = await suite.app.inject({
        method: 'POST',
        url: '/en/account/sign-in',
        headers: { cookie: `XSRF-TOKEN=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form,
      });
      expect(planted.statusCode).toBe(403);
    });
  },
  { env: { PUBLIC_URL: 'https://shop.example.com' } },
);
