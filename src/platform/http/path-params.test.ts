import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { memberPassword, verifiedMember } from '../../../test/members.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { paramNamesOf } from './path-params.js';

it('reads the parameter names of a route pattern', () => {
  expect(paramNamesOf('/en/catalog/:slug')).toEqual(['slug']);
  expect(paramNamesOf('/assets/:hash/:name')).toEqual(['hash', 'name']);
  expect(paramNamesOf('/files/*')).toEqual(['*']);
  expect(paramNamesOf('/en/catalog')).toEqual([]);
});

/**
 * Finding 4 of the security review: a NUL in a path parameter reached PostgreSQL, which refuses
 * it in text, and every such request was a 500 logged at error level.
 */
describeEachEngine('path parameters', (suite) => {
  const errorLines = () => suite.logs.filter((line) => line.includes('"level":"error"'));

  it('refuses a NUL in a public path parameter with a 4xx in the visitor’s language, and logs no error', async () => {
    const before = errorLines().length;
    const page = await suite.app.inject({ url: '/en/catalog/%00' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Some information is not valid');
    const french = await suite.app.inject({ url: '/fr/catalogue/a%00b' });
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain('Certaines informations ne sont pas valides');
    const api = await suite.app.inject({ url: '/api/v1/products/%00' });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.code).toBe('VT_VALIDATION');
    expect(errorLines().length).toBe(before);
  });

  it('refuses a NUL in a staff page’s and a member form’s path parameter', async () => {
    const before = errorLines().length;
    const { browser } = await signedInStaff(suite, 'owner');
    expect((await browser.get('/admin/outbox/%00')).statusCode).toBe(400);

    const { username } = await verifiedMember(suite, 'nul-path');
    const member = new Visitor(suite.app);
    await member.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password: memberPassword,
    });
    await member.get('/en/account/devices');
    const signOut = await member.post('/en/account/devices/%00/sign-out');
    expect(signOut.statusCode).toBe(400);
    // Still signed in: the refused request changed nothing.
    expect((await member.get('/en/account')).statusCode).toBe(200);
    expect(errorLines().length).toBe(before);
  });

  it('still serves a normal parameter', async () => {
    const response = await suite.app.inject({ url: '/en/catalog/javascript-fundamentals' });
    expect(response.statusCode).toBe(200);
    expect((await suite.app.inject({ url: '/en/catalog/no-such-course' })).statusCode).toBe(404);
  });
});
