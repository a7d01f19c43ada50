import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { firefox, memberPassword, verifiedMember as verifiedMemberOf } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import { durationSeconds } from '../../privacy/core/duration.js';
import type { MemberTables } from './member-tables.js';

const password = memberPassword;

describeEachEngine('sign-up, email verification and sign-in', (suite) => {
  const members = () => tablesOf<MemberTables>(suite.database).selectFrom('accounts_members');
  const countMembers = async () =>
    Number(
      (
        await members()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function signUp(visitor: Visitor, fields: Record<string, string>, locale: 'fr' | 'en' = 'en') {
    const path = locale === 'fr' ? '/fr/compte/inscription' : '/en/account/sign-up';
    return visitor.submit(path, path, fields);
  }

  const verifiedMember = (username: string) => verifiedMemberOf(suite, username);

  it('signs up, mails a confirmation link that only a button press uses, then signs in', async () => {
    const visitor = new Visitor(suite.app, { 'user-agent': firefox });
    const before = await countMembers();
    const response = await signUp(visitor, {
      username: 'Margaux',
      email: 'margaux@example.com',
      password,
      name: 'Margaux Dupont',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/account/sign-up?sent=1');
    expect((await visitor.get('/en/account/sign-up?sent=1')).body).toContain('Check your inbox');
    expect(await countMembers()).toBe(before + 1);

    const stored = await members().selectAll().where('username_key', '=', 'margaux').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.email_verified_at).toBeNull();

    // Not active yet: the right password gets "confirm your address first".
    const early = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: 'margaux',
      password,
    });
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Please confirm your email address');

    const [mail] = await mailTo(suite, 'margaux@example.com');
    expect(mail?.subject).toContain('Confirm your email address');
    const link = linkIn(mail?.text ?? '', '/en/account/verify');
    // Opening the link (as a mail scanner would) changes nothing.
    const opened = await visitor.get(link);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Confirm my address');
    expect((await visitor.get(link)).statusCode).toBe(200);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const confirmed = await visitor.post('/en/account/verify', { token });
    expect(confirmed.headers.location).toBe('/en/account/sign-in?notice=verified');
    // Single use.
    expect((await visitor.get(link)).statusCode).toBe(400);
    const again = await visitor.post('/en/account/verify', { token });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Link expired or already used');

    const signedIn = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: 'MARGAUX@example.com',
      password,
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/en/account');
    const account = await visitor.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.headers['cache-control']).toBe('no-store');
    expect(account.body).toContain('Margaux Dupont');
    expect(account.body).toContain('My account');
  });

  it('refuses a taken username, in the visitor’s language, and creates nothing', async () => {
    await verifiedMember('lucie');
    const before = await countMembers();
    const response = await signUp(
      new Visitor(suite.app),
      { username: 'Lucie', email: 'other-lucie@example.com', password },
      'fr',
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Ce nom d’utilisateur est déjà pris');
    expect(response.body).toContain('value="other-lucie@example.com"');
    expect(response.body).not.toContain(password);
    expect(await countMembers()).toBe(before);
  });

  it('answers a sign-up with a known address exactly like a new one, and tells only the mailbox owner', async () => {
    await verifiedMember('paul');
    const before = await countMembers();
    const response = await signUp(new Visitor(suite.app), { username: 'paul2', email: 'PAUL@example.com', password });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/account/sign-up?sent=1');
    expect(await countMembers()).toBe(before);
    const [mail] = await mailTo(suite, 'paul@example.com');
    expect(mail?.subject).toContain('You already have an account');
    expect(mail?.text).toContain('"paul"');
  });

  it('refuses weak passwords with a reason, in French or English, and creates nothing', async () => {
    const before = await countMembers();
    const cases = [
      { password: 'short', message: 'Use at least 10 characters' },
      { password: 'Password123', message: 'This password is too common' },
      { password: 'aaaaaaaaaaaaaa', message: 'This password is too common' },
      { password: 'zoe.martin-2024', message: 'contains your username' },
    ];
    for (const { password: weak, message } of cases) {
      const response = await signUp(new Visitor(suite.app), {
        username: 'zoe.martin',
        email: 'zoe@example.com',
        password: weak,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(message);
    }
    const french = await signUp(
      new Visitor(suite.app),
      { username: 'zoe', email: 'not-an-email', password: 'qwertyuiop' },
      'fr',
    );
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain('Saisissez une adresse e-mail');
    expect(french.body).toContain('Ce mot de passe est trop courant');
    expect(await countMembers()).toBe(before);
  });

  it('fails an unknown account and a wrong password with the same answer', async () => {
    await verifiedMember('hugo');
    const unknown = await new Visitor(suite.app).submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: 'nobody-here',
      password,
    });
    const wrong = await new Visitor(suite.app).submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: 'hugo',
      password: 'not the password',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const message = (body: string) => /<div class="notice notice--error" role="alert">(.*?)<\/div>/s.exec(body)?.[1];
    expect(message(unknown.body)).toBe(message(wrong.body));
    expect(unknown.cookies.find((c) => c.name === 'vitrine_session')).toBeUndefined();
  });

  it('throttles an account after 5 attempts, known or not, even with the right password, with Retry-After', async () => {
    await verifiedMember('ines');
    for (const identifier of ['ines', 'ghost-account']) {
      const visitor = new Visitor(suite.app, { 'x-forwarded-for': '203.0.113.9' });
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
          identifier,
          password: `wrong ${attempt}`,
        });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await visitor.submit('/fr/compte/connexion', '/fr/compte/connexion', { identifier, password });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toContain('Trop de tentatives');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('remembers a device for 12 months only when asked, and stores only a hash of the token', async () => {
    const { username } = await verifiedMember('nina');
    const browser = new Visitor(suite.app);
    await browser.submit('/en/account/sign-in', '/en/account/sign-in', { identifier: username, password });
    expect(browser.cookieAttributes.get('vitrine_session')?.maxAge).toBeUndefined();

    const remembered = new Visitor(suite.app);
    await remembered.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password,
      remember: '1',
    });
    expect(remembered.cookieAttributes.get('vitrine_session')?.maxAge).toBe(durationSeconds('P12M'));

    const token = remembered.cookies.get('vitrine_session') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await tablesOf<MemberTables>(suite.database)
      .selectFrom('accounts_sessions')
      .select(['token_hash'])
      .execute();
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
  });

  it('issues a new token at sign-in, and treats a tampered cookie as signed out and clears it', async () => {
    const { username } = await verifiedMember('olga');
    const visitor = new Visitor(suite.app);
    visitor.cookies.set('vitrine_session', 'planted-by-an-attacker-0000000000000000000');
    const planted = await visitor.get('/en/account');
    expect(planted.statusCode).toBe(303);
    expect(planted.headers.location).toBe('/en/account/sign-in?next=%2Fen%2Faccount');
    expect(visitor.cookies.has('vitrine_session')).toBe(false);

    // Fixation: an attacker signs in and plants their own session cookie in the victim's browser.
    const attacker = new Visitor(suite.app);
    await verifiedMember('olga-attacker');
    await attacker.submit('/en/account/sign-in', '/en/account/sign-in', { identifier: 'olga-attacker', password });
    const plantedToken = attacker.cookies.get('vitrine_session') ?? '';
    visitor.cookies.set('vitrine_session', plantedToken);
    // The victim signs in from a page of the site (here the account page, with its forms).
    const signedIn = await visitor.submit('/en/account', '/en/account/sign-in', { identifier: username, password });
    expect(signedIn.statusCode).toBe(303);
    expect(visitor.cookies.get('vitrine_session')).not.toBe(plantedToken);
    expect((await visitor.get('/en/account')).body).toContain('<strong>olga</strong>');
    // The planted session ended with it: the attacker is signed out too.
    expect((await attacker.get('/en/account')).statusCode).toBe(303);

    visitor.cookies.set('vitrine_session', `${visitor.cookies.get('vitrine_session')}x`);
    expect((await visitor.get('/en/account')).statusCode).toBe(303);
  });

  it('only sends back to a path on this site after sign-in', async () => {
    const { username } = await verifiedMember('pierre');
    const visitor = new Visitor(suite.app);
    const response = await visitor.submit(
      '/en/account/sign-in',
      `/en/account/sign-in?next=${encodeURIComponent('//evil.example/phish')}`,
      { identifier: username, password },
    );
    expect(response.headers.location).toBe('/en/account');
  });

  it('refuses a sign-in without its CSRF token, and a token minted before sign-in after it', async () => {
    const { username } = await verifiedMember('quentin');
    const visitor = new Visitor(suite.app);
    await visitor.get('/en/account/sign-in');
    const forged = await visitor.post('/en/account/sign-in', { identifier: username, password }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(visitor.cookies.has('vitrine_session')).toBe(false);

    const anonymousToken = visitor.cookies.get('XSRF-TOKEN') ?? '';
    await visitor.post('/en/account/sign-in', { identifier: username, password });
    expect(visitor.cookies.has('vitrine_session')).toBe(true);
    // The pre-sign-in token no longer passes: the profile form is refused and nothing changes.
    const stale = await suite.app.inject({
      method: 'POST',
      url: '/en/account',
      headers: {
        cookie: `vitrine_session=${visitor.cookies.get('vitrine_session')}; XSRF-TOKEN=${anonymousToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: anonymousToken, name: 'Changed', preferred_locale: 'en' }).toString(),
    });
    expect(stale.statusCode).toBe(403);
    const member = await members().select(['name']).where('username_key', '=', 'quentin').executeTakeFirstOrThrow();
    expect(member.name).toBeNull();
  });

  it('never writes passwords or email addresses to the logs', async () => {
    await verifiedMember('rachel');
    const logs = suite.logs.join('\n');
    expect(logs).not.toContain(password);
    expect(logs).not.toContain('rachel@example.com');
  });
});
