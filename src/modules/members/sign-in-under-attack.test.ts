import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { mailTo } from '../../../test/mail.js';
import { memberPassword, verifiedMember } from '../../../test/members.js';
import { signedInStaff, staffPassword } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { signInLimits } from '../../platform/auth/login-throttle.js';

/**
 * Issue 7, finding 9: five wrong passwords from anywhere used to lock any account for 15 minutes,
 * the owner's right password included. Now the 5 apply per (account, address); a ceiling of 100
 * per account from everywhere stops new devices only, and warns the owner once.
 */
describeEachEngine('sign-in under attack', (suite) => {
  let addresses = 0;
  /** A browser at a new IP address. */
  const browserAt = () => {
    addresses += 1;
    return new Visitor(
      suite.app,
      { 'accept-language': 'en' },
      { remoteAddress: `198.51.${addresses >> 8}.${addresses & 255}` },
    );
  };
  interface Form {
    form: string;
    fields: (identifier: string, password: string) => Record<string, string>;
  }
  const members: Form = { form: '/en/account/sign-in', fields: (identifier, password) => ({ identifier, password }) };
  const staff: Form = { form: '/admin/sign-in', fields: (email, password) => ({ email, password }) };

  /**
   * Wrong passwords on `identifier` from as many addresses as it takes to reach the ceiling, 5
   * each, in parallel. `counted`: attempts from new devices already made on it (successful ones
   * count too: the ceiling counts before the password is checked).
   */
  const reachCeiling = async (form: Form, identifier: string, counted = 0) => {
    const perAddress = signInLimits.perAccountAndAddress ?? 5;
    const total = signInLimits.perAccount - counted;
    const statuses = await Promise.all(
      Array.from({ length: Math.ceil(total / perAddress) }, async (_, index) => {
        const attacker = browserAt();
        await attacker.get(form.form);
        const seen: number[] = [];
        for (let attempt = 0; attempt < Math.min(perAddress, total - index * perAddress); attempt++) {
          seen.push((await attacker.post(form.form, form.fields(identifier, `guess ${attempt}`))).statusCode);
        }
        return seen;
      }),
    );
    return statuses.flat();
  };
  const signIn = async (browser: Visitor, form: Form, identifier: string, password: string) =>
    browser.submit(form.form, form.form, form.fields(identifier, password));
  const warnings = async (email: string) =>
    (await mailTo(suite, email)).filter((mail) =>
      mail.subject.includes('Someone is trying to sign in to your account'),
    );

  it('counts the addresses of one IPv6 /64 as one client: changing address within it gains no tries', async () => {
    const { username } = await verifiedMember(suite, 'ipv6-target');
    const answers: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const attacker = new Visitor(
        suite.app,
        { 'accept-language': 'en' },
        { remoteAddress: `2001:db8:77:1::${(attempt + 1).toString(16)}` },
      );
      answers.push((await signIn(attacker, members, username, `guess ${attempt}`)).statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const elsewhere = new Visitor(suite.app, { 'accept-language': 'en' }, { remoteAddress: '2001:db8:77:2::1' });
    expect((await signIn(elsewhere, members, username, memberPassword)).statusCode).toBe(303);
  });

  it('an attacker failing from one address does not stop the owner signing in from another', async () => {
    const { username, email } = await verifiedMember(suite, 'besieged');
    const attacker = browserAt();
    const answers: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++)
      answers.push((await signIn(attacker, members, attempt % 2 ? email : username, `guess ${attempt}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Even the right password is refused from the attacker's address for the window...
    expect((await signIn(attacker, members, username, memberPassword)).statusCode).toBe(429);
    // ...and not from the owner's.
    const owner = await signIn(browserAt(), members, email, memberPassword);
    expect(owner.statusCode).toBe(303);
    expect(owner.headers.location).toBe('/en/account');
  });

  it('an unknown identifier is counted and answered exactly like an account', async () => {
    await verifiedMember(suite, 'existing-one');
    const answersFor = async (identifier: string) => {
      const browser = browserAt();
      const answers: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++)
        answers.push((await signIn(browser, members, identifier, `guess ${attempt}`)).statusCode);
      return answers;
    };
    expect(await answersFor('nobody-by-that-name')).toEqual(await answersFor('existing-one'));
  });

  it('the ceiling stops new devices; a known device or a remembered session passes; the owner is warned once', async () => {
    const { username, email } = await verifiedMember(suite, 'targeted');
    // Before the attack: one browser signed in (its device cookie stays after signing out), one
    // is signed in with "Remember me" and has no device cookie.
    const known = browserAt();
    expect((await signIn(known, members, username, memberPassword)).statusCode).toBe(303);
    expect(known.cookies.get('vitrine_device')).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(known.cookieAttributes.get('vitrine_device')?.maxAge).toBeGreaterThanOrEqual(360 * 86_400);
    expect((await known.submit('/en/account', '/en/account/sign-out', {})).headers.location).toBe(
      '/en/account/sign-in?notice=signedOut',
    );
    expect(known.cookies.has('vitrine_session')).toBe(false);
    expect(known.cookies.has('vitrine_device')).toBe(true);
    const remembered = browserAt();
    await remembered.submit(members.form, members.form, {
      identifier: username,
      password: memberPassword,
      remember: '1',
    });
    remembered.cookies.delete('vitrine_device');
    expect(remembered.cookies.has('vitrine_session')).toBe(true);

    // 100 wrong guesses from 20 addresses, all within their own limits, on the account and on an
    // unknown name: then both refuse any new device, whatever the password.
    const [onAccount, onNobody] = await Promise.all([
      reachCeiling(members, username, 2),
      reachCeiling(members, 'no-such-member'),
    ]);
    expect(onAccount).toHaveLength(98);
    expect(onNobody).toHaveLength(100);
    expect(new Set([...onAccount, ...onNobody])).toEqual(new Set([401]));
    for (const identifier of [username, 'no-such-member']) {
      expect((await signIn(browserAt(), members, identifier, 'one more guess')).statusCode).toBe(429);
    }
    expect((await signIn(browserAt(), members, email, memberPassword)).statusCode).toBe(429);

    const back = await signIn(known, members, username, memberPassword);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/en/account');
    // (Signed in, it has no sign-in page: it posts with the token of a page it has.)
    expect(
      (await remembered.submit('/en/account', members.form, members.fields(username, memberPassword))).statusCode,
    ).toBe(303);
    // A forged or foreign mark is no key.
    const forged = browserAt();
    forged.cookies.set('vitrine_device', `${Math.floor(Date.now() / 1000).toString(36)}.${'A'.repeat(22)}`);
    expect((await signIn(forged, members, username, memberPassword)).statusCode).toBe(429);

    const mails = await warnings(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('You can still sign in from a device you have signed in from before');
    expect(mails[0]?.text).toContain('/en/account/forgot-password');
  });

  it('warns a member in their language', async () => {
    const { username, email } = await verifiedMember(suite, 'francophone');
    const visitor = new Visitor(suite.app);
    await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password: memberPassword,
    });
    expect((await visitor.submit('/fr/compte', '/fr/compte', { preferred_locale: 'fr' })).statusCode).toBe(303);
    await reachCeiling(members, username);
    await signIn(browserAt(), members, username, 'one more guess');
    const [mail] = (await mailTo(suite, email)).filter((m) =>
      m.subject.startsWith('Quelqu’un essaie de se connecter à votre compte'),
    );
    expect(mail?.text).toContain('/fr/compte/mot-de-passe-oublie');
  });

  it('a password reset makes the browser a known device, so the owner gets in during an attack', async () => {
    const { username, email } = await verifiedMember(suite, 'resetter');
    await reachCeiling(members, username);
    expect((await signIn(browserAt(), members, username, 'one more guess')).statusCode).toBe(429);
    const browser = browserAt();
    await browser.submit('/en/account/forgot-password', '/en/account/forgot-password', { email });
    const reset = (await mailTo(suite, email)).find((mail) => mail.subject.startsWith('Reset your password'));
    const link = /https?:\/\/\S+\/en\/account\/reset-password\?token=[\w-]+/.exec(reset?.text ?? '')?.[0] ?? '';
    const url = new URL(link);
    await browser.get(`${url.pathname}${url.search}`);
    const done = await browser.post('/en/account/reset-password', {
      token: url.searchParams.get('token') ?? '',
      password: 'a brand new passphrase here',
    });
    expect(done.statusCode).toBe(303);
    expect((await signIn(browser, members, username, 'a brand new passphrase here')).statusCode).toBe(303);
  });

  it('staff sign-in behaves the same: per address, a ceiling a known device passes, one warning', async () => {
    const { browser: known, email } = await signedInStaff(suite, 'support');
    expect(known.cookies.get('vitrine_device')).toBeDefined();
    const attacker = browserAt();
    const answers: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      answers.push((await signIn(attacker, staff, email, `guess ${attempt}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(browserAt(), staff, email, staffPassword)).headers.location).toBe('/admin/sign-in/code');

    await reachCeiling(staff, email);
    expect((await signIn(browserAt(), staff, email, staffPassword)).statusCode).toBe(429);
    expect((await signIn(browserAt(), staff, 'nobody@codeacademy.example', staffPassword)).statusCode).toBe(401);
    const back = await signIn(known, staff, email, staffPassword);
    expect(back.headers.location).toBe('/admin/sign-in/code');
    const mails = await warnings(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Quelqu’un essaie de se connecter à votre compte');
    expect(mails[0]?.text).toContain('/admin/sign-in');
  });
});
