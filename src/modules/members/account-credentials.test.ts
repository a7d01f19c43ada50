import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { firefox, memberPassword, tokenOf, verifiedMember as verifiedMemberOf } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { MemberTables } from './member-tables.js';

const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const password = memberPassword;
const newPassword = 'quatre chaises bleues au grenier';
const hour = 3_600_000;

/**
 * Each describeEachEngine block has its own rate-limit store; all requests come from 127.0.0.1,
 * so each block stays under 60 form posts a minute, 30 password checks per 15 minutes and 20
 * mails asked for per hour.
 */
function accountHelpers(suite: Suite) {
  const db = () => tablesOf<MemberTables>(suite.database);

  const verifiedMember = (username: string, email?: string) => verifiedMemberOf(suite, username, email);

  /** Tries to sign in from a new browser; returns the browser and the response. */
  async function signIn(identifier: string, secret = password, userAgent = firefox) {
    const visitor = new Visitor(suite.app, { 'user-agent': userAgent });
    const response = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier,
      password: secret,
    });
    return { visitor, status: response.statusCode };
  }

  async function signedIn(identifier: string, userAgent = firefox) {
    const { visitor, status } = await signIn(identifier, password, userAgent);
    expect(status).toBe(303);
    return visitor;
  }

  const memberRow = (username: string) =>
    db().selectFrom('accounts_members').selectAll().where('username_key', '=', username).executeTakeFirst();
  const sessionsOf = (memberId: string) =>
    db().selectFrom('accounts_sessions').selectAll().where('account_id', '=', memberId).execute();
  const subjectsTo = async (email: string) => (await mailTo(suite, email)).map((mail) => mail.subject);
  return { verifiedMember, signIn, signedIn, memberRow, sessionsOf, subjectsTo };
}

describeEachEngine('account credentials: password change', (suite) => {
  const { verifiedMember, signIn, signedIn, memberRow, sessionsOf, subjectsTo } = accountHelpers(suite);

  it('refuses a wrong current password and a weak new one, and changes nothing', async () => {
    const { email, username } = await verifiedMember('jade');
    const visitor = await signedIn(username);
    await visitor.get('/en/account/security');
    const before = await memberRow(username);

    const wrong = await visitor.post('/en/account/security/password', {
      current_password: 'not my password at all',
      new_password: newPassword,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Wrong password');
    expect(wrong.body).toContain('This is not your current password.');
    const weak = await visitor.post('/en/account/security/password', {
      current_password: password,
      new_password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Use at least 10 characters');
    for (const response of [wrong, weak]) expect(response.body).not.toContain(password);

    expect(await memberRow(username)).toEqual(before);
    expect(await subjectsTo(email)).not.toContainEqual(expect.stringContaining('Your password was changed'));
    expect((await visitor.get('/en/account')).statusCode).toBe(200);
  });

  it('changes the password: other devices signed out, a new session here, a mail to the member', async () => {
    const { id, email, username } = await verifiedMember('karim');
    const laptop = await signedIn(username);
    const phone = await signedIn(username, iphone);
    const oldToken = laptop.cookies.get('vitrine_session') ?? '';
    const before = await memberRow(username);

    await laptop.get('/en/account/security');
    const changed = await laptop.post('/en/account/security/password', {
      current_password: password,
      new_password: newPassword,
      username,
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/en/account/security?notice=passwordChanged');
    expect(laptop.cookies.get('vitrine_session')).not.toBe(oldToken);
    expect((await laptop.get('/en/account/security?notice=passwordChanged')).body).toContain(
      'Your password was changed, and your other devices were signed out.',
    );
    expect((await phone.get('/en/account')).statusCode).toBe(303);
    const replayed = new Visitor(suite.app);
    replayed.cookies.set('vitrine_session', oldToken);
    expect((await replayed.get('/en/account')).statusCode).toBe(303);
    expect(await sessionsOf(id)).toHaveLength(1);

    expect((await memberRow(username))?.password_hash).not.toBe(before?.password_hash);
    expect((await subjectsTo(email))[0]).toContain('Your password was changed');
    expect((await signIn(username, newPassword)).status).toBe(303);
    expect((await signIn(username, password)).status).toBe(401);
  });
});

const clock = { now: new Date() };
const advance = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};

describeEachEngine(
  'account credentials: password reset',
  (suite) => {
    const { verifiedMember, signIn, signedIn, memberRow, sessionsOf, subjectsTo } = accountHelpers(suite);

    async function askForReset(email: string) {
      return new Visitor(suite.app).submit('/en/account/forgot-password', '/en/account/forgot-password', { email });
    }

    async function resetLink(email: string) {
      await askForReset(email);
      // The clock stands still here, so mails are told apart by subject rather than by time.
      const mail = (await mailTo(suite, email)).find((sent) => sent.subject.startsWith('Reset your password'));
      return linkIn(mail?.text ?? '', '/en/account/reset-password');
    }

    it('answers a reset request for an unknown address like a known one, and mails only the member', async () => {
      const { email } = await verifiedMember('lena');
      const known = await askForReset(email);
      const unknown = await askForReset('nobody-lena@example.com');
      for (const response of [known, unknown]) {
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe('/en/account/forgot-password?sent=1');
      }
      expect(unknown.body).toBe(known.body);
      expect((await new Visitor(suite.app).get('/en/account/forgot-password?sent=1')).body).toContain(
        'If an account uses this address',
      );
      expect((await subjectsTo(email)).filter((subject) => subject.startsWith('Reset your password'))).toHaveLength(1);
      expect(await subjectsTo('nobody-lena@example.com')).toEqual([]);
    });

    it('resets the password from the mailed link, once, and ends every session of the member', async () => {
      const { id, username, email } = await verifiedMember('marc');
      const devices = [await signedIn(username), await signedIn(username, iphone)];
      const link = await resetLink(email);
      const before = await memberRow(username);
      const browser = new Visitor(suite.app);

      for (let view = 0; view < 2; view++) {
        const opened = await browser.get(link);
        expect(opened.statusCode).toBe(200);
        expect(opened.body).toContain('Choose a new password');
      }
      const weak = await browser.post('/en/account/reset-password', { token: tokenOf(link), password: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(weak.body).toContain('Use at least 10 characters');
      expect(await memberRow(username)).toEqual(before);
      expect(await sessionsOf(id)).toHaveLength(2);
      expect((await browser.get(link)).statusCode).toBe(200);

      const reset = await browser.post('/en/account/reset-password', { token: tokenOf(link), password: newPassword });
      expect(reset.statusCode).toBe(303);
      expect(reset.headers.location).toBe('/en/account/sign-in?notice=reset');
      expect((await browser.get('/en/account/sign-in?notice=reset')).body).toContain(
        'Your password was changed. Sign in with the new one.',
      );
      expect(await sessionsOf(id)).toHaveLength(0);
      for (const device of devices) expect((await device.get('/en/account')).statusCode).toBe(303);

      const reused = await browser.post('/en/account/reset-password', {
        token: tokenOf(link),
        password: 'un tout autre mot de passe',
      });
      expect(reused.statusCode).toBe(400);
      expect(reused.body).toContain('Link expired or already used');
      expect((await browser.get(link)).statusCode).toBe(400);
      expect((await signIn(username, 'un tout autre mot de passe')).status).toBe(401);
      expect((await signIn(username, newPassword)).status).toBe(303);
    });

    it('refuses a reset link used after its hour, and the password stays', async () => {
      const { username, email } = await verifiedMember('nora');
      const link = await resetLink(email);
      const before = await memberRow(username);
      const browser = new Visitor(suite.app);
      expect((await browser.get(link)).statusCode).toBe(200); // the form is opened in time...
      advance(2 * hour); // ...and sent two hours later

      const refused = await browser.post('/en/account/reset-password', { token: tokenOf(link), password: newPassword });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Link expired or already used');
      const opened = await browser.get(link);
      expect(opened.statusCode).toBe(400);
      expect(opened.body).toContain('Link expired or already used');
      expect(await memberRow(username)).toEqual(before);
      expect((await signIn(username, password)).status).toBe(303);
    });
  },
  { overrides: { now: () => clock.now } },
);

describeEachEngine('account credentials: email change', (suite) => {
  const { verifiedMember, signIn, signedIn, memberRow, subjectsTo } = accountHelpers(suite);
  const changeLinks = (memberId: string) =>
    tablesOf<MemberTables>(suite.database)
      .selectFrom('accounts_tokens')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('purpose', '=', 'change-email')
      .execute();

  async function askForChange(visitor: Visitor, email: string, currentPassword = password) {
    await visitor.get('/en/account/security');
    return visitor.post('/en/account/security/email', { email, current_password: currentPassword });
  }

  it('needs the current password to change the address, and mails nobody without it', async () => {
    const { id, email, username } = await verifiedMember('olivier');
    const visitor = await signedIn(username);
    const before = await memberRow(username);
    const refused = await askForChange(visitor, 'olivier.new@example.com', 'not my password at all');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This is not your current password.');
    expect(refused.body).toContain('value="olivier.new@example.com"');
    expect(await memberRow(username)).toEqual(before);
    expect(await changeLinks(id)).toEqual([]);
    expect(await subjectsTo('olivier.new@example.com')).toEqual([]);
    expect(await subjectsTo(email)).not.toContainEqual(expect.stringContaining('Email change requested'));
  });

  it('changes the address only once the link sent to the new one is used', async () => {
    const { email, username } = await verifiedMember('pauline');
    const visitor = await signedIn(username);
    const asked = await askForChange(visitor, 'pauline.new@example.com');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/en/account/security?notice=emailSent');
    expect((await visitor.get('/en/account/security?notice=emailSent')).body).toContain(
      'We have sent a confirmation link to your new address.',
    );

    const [confirmation] = await mailTo(suite, 'pauline.new@example.com');
    expect(confirmation?.subject).toContain('Confirm your new address');
    const [notice] = await mailTo(suite, email);
    expect(notice?.subject).toContain('Email change requested');
    expect(notice?.text).toContain('pauline.new@example.com');
    expect((await memberRow(username))?.email).toBe(email);

    const link = linkIn(confirmation?.text ?? '', '/en/account/confirm-email');
    expect((await visitor.get(link)).body).toContain('Use this address');
    expect((await memberRow(username))?.email).toBe(email);
    const confirmed = await visitor.post('/en/account/confirm-email', { token: tokenOf(link) });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/en/account/security?notice=emailChanged');
    const page = await visitor.get('/en/account/security?notice=emailChanged');
    expect(page.body).toContain('Your email address was changed.');
    expect(page.body).toContain('<strong>pauline.new@example.com</strong>');
    expect(await memberRow(username)).toMatchObject({
      email: 'pauline.new@example.com',
      email_key: 'pauline.new@example.com',
    });

    expect((await signIn('pauline.new@example.com')).status).toBe(303);
    expect((await signIn(email)).status).toBe(401);
  });

  it('cancels a pending address change when the member then changes their password', async () => {
    // The notice to the current address says: "If this was not you, change your password".
    const { email, username } = await verifiedMember('thomas');
    const intruder = await signedIn(username, iphone);
    expect((await askForChange(intruder, 'thief@example.com')).statusCode).toBe(303);
    const [confirmation] = await mailTo(suite, 'thief@example.com');
    const link = linkIn(confirmation?.text ?? '', '/en/account/confirm-email');

    const owner = await signedIn(username);
    await owner.get('/en/account/security');
    const changed = await owner.post('/en/account/security/password', {
      current_password: password,
      new_password: newPassword,
    });
    expect(changed.statusCode).toBe(303);

    const thief = new Visitor(suite.app);
    expect((await thief.get(link)).statusCode).toBe(400);
    await thief.get('/en/account/sign-in');
    const refused = await thief.post('/en/account/confirm-email', { token: tokenOf(link) });
    expect(refused.statusCode).toBe(400);
    expect((await memberRow(username))?.email).toBe(email);
  });

  it('refuses to confirm an address another account took in the meantime, and changes nothing', async () => {
    const { id, username } = await verifiedMember('romain');
    const asked = await askForChange(await signedIn(username), 'shared@example.com');
    expect(asked.statusCode).toBe(303);
    const [confirmation] = await mailTo(suite, 'shared@example.com');
    const link = linkIn(confirmation?.text ?? '', '/en/account/confirm-email');
    await verifiedMember('sarah', 'shared@example.com');
    const before = { romain: await memberRow(username), sarah: await memberRow('sarah'), links: await changeLinks(id) };

    const browser = new Visitor(suite.app);
    await browser.get(link);
    const refused = await browser.post('/en/account/confirm-email', { token: tokenOf(link) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Address already in use');
    expect(refused.body).toContain('Another account already uses this email address');
    expect({
      romain: await memberRow(username),
      sarah: await memberRow('sarah'),
      links: await changeLinks(id),
    }).toEqual(before);
  });
});
