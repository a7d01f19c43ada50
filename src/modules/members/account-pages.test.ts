import { createJobWorker } from '../../job-workers.js';
import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';

import { firefox, memberPassword, verifiedMember as verifiedMemberOf } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import { durationSeconds } from '../../privacy/core/duration.js';
import type { MemberTables } from './member-tables.js';

const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const password = memberPassword;
const hour = 3_600_000;

/**
 * Rate limits to stay under, per suite (each describeEachEngine block has its own store), all
 * from 127.0.0.1: 60 form posts a minute, 30 password checks (sign-in, current password) per 15
 * minutes, 20 sign-ups per hour. Hence a few small blocks rather than one large one.
 */
function accountHelpers(suite: Suite) {
  const db = () => tablesOf<MemberTables>(suite.database);

  const verifiedMember = (username: string) => verifiedMemberOf(suite, username);

  /** A browser signed in to the account (303 to the account page). */
  async function signedIn(identifier: string, options: { userAgent?: string; remember?: boolean } = {}) {
    const visitor = new Visitor(suite.app, { 'user-agent': options.userAgent ?? firefox });
    const form = { identifier, password, ...(options.remember ? { remember: '1' } : {}) };
    const response = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', form);
    expect(response.statusCode).toBe(303);
    return visitor;
  }

  const memberRow = (username: string) =>
    db().selectFrom('accounts_members').selectAll().where('username_key', '=', username).executeTakeFirst();
  const sessionsOf = (memberId: string) =>
    db().selectFrom('accounts_sessions').selectAll().where('account_id', '=', memberId).execute();
  const tokensOf = (memberId: string) =>
    db().selectFrom('accounts_tokens').selectAll().where('member_id', '=', memberId).execute();
  return { verifiedMember, signedIn, memberRow, sessionsOf, tokensOf };
}

/** Where a visitor is sent when their session is gone. */
async function expectSignedOut(visitor: Visitor) {
  const response = await visitor.get('/en/account');
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe('/en/account/sign-in?next=%2Fen%2Faccount');
}

describeEachEngine('account pages: profile, access and deletion', (suite) => {
  const { verifiedMember, signedIn, memberRow, sessionsOf, tokensOf } = accountHelpers(suite);

  it('shows the profile form, saves a valid profile, and says so', async () => {
    await verifiedMember('amelie');
    const visitor = await signedIn('amelie');
    const form = await visitor.get('/en/account');
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('My profile');
    expect(form.body).toContain('Save my profile');

    const saved = await visitor.post('/en/account', {
      display_name: 'Amélie D.',
      bio: 'Je tricote le dimanche.',
      name: 'Amélie Durand',
      phone: '+33 1 23 45 67 89',
      address_line1: '3 rue des Lilas',
      address_line2: '  ',
      postal_code: '75011',
      city: 'Paris',
      country: 'France',
      preferred_locale: 'fr',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/en/account?notice=saved');
    expect(await memberRow('amelie')).toMatchObject({
      display_name: 'Amélie D.',
      bio: 'Je tricote le dimanche.',
      name: 'Amélie Durand',
      phone: '+33 1 23 45 67 89',
      address_line1: '3 rue des Lilas',
      address_line2: null,
      postal_code: '75011',
      city: 'Paris',
      country: 'France',
      preferred_locale: 'fr',
    });
    const page = await visitor.get('/en/account?notice=saved');
    expect(page.body).toContain('Your profile was saved.');
    expect(page.body).toContain('value="Amélie Durand"');
  });

  it('refuses an invalid telephone in French, shows what was typed, and changes nothing', async () => {
    await verifiedMember('bastien');
    const visitor = await signedIn('bastien');
    await visitor.get('/fr/compte');
    const before = await memberRow('bastien');
    const refused = await visitor.post('/fr/compte', {
      name: 'Bastien Morel',
      phone: 'abc',
      city: 'Lyon',
      preferred_locale: 'fr',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Certaines informations ne sont pas valides');
    expect(refused.body).toContain('Saisissez un numéro comme +33 1 23 45 67 89.');
    expect(refused.body).toContain('value="Bastien Morel"');
    expect(refused.body).toContain('value="abc"');
    expect(refused.body).toContain('value="Lyon"');

    const tooLong = await visitor.post('/en/account', { bio: 'x'.repeat(501), preferred_locale: 'en' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('This is too long.');
    expect(await memberRow('bastien')).toEqual(before);
  });

  it('refuses a profile form without its CSRF token, and changes nothing', async () => {
    await verifiedMember('celia');
    const visitor = await signedIn('celia');
    await visitor.get('/en/account');
    const before = await memberRow('celia');
    const forged = await visitor.post('/en/account', { name: 'Forged Name', preferred_locale: 'en' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Form expired');
    expect(await memberRow('celia')).toEqual(before);
  });

  it('sends a visitor to sign in from an account page, and refuses an account form without a session', async () => {
    const visitor = new Visitor(suite.app);
    const page = await visitor.get('/fr/compte/appareils');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/fr/compte/connexion?next=%2Ffr%2Fcompte%2Fappareils');

    await visitor.get('/en/account/sign-in'); // a valid CSRF token, so only the missing session is refused
    const posted = await visitor.post('/en/account/devices/sign-out-others');
    expect(posted.statusCode).toBe(401);
    expect(posted.body).toContain('Please sign in');
  });

  it('deletes the account only when confirmed with the password, then signs out everywhere', async () => {
    const { id, username } = await verifiedMember('ivan');
    const visitor = await signedIn(username);
    const phone = await signedIn(username, { userAgent: iphone });
    expect((await visitor.get('/en/account/delete')).body).toContain('Delete my account');

    const unconfirmed = await visitor.post('/en/account/delete', { password });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick this box to confirm.');
    const wrong = await visitor.post('/en/account/delete', { password: 'not the password at all', confirm: '1' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('This is not your current password.');
    expect(await memberRow(username)).toBeDefined();
    expect(await sessionsOf(id)).toHaveLength(2);

    const deleted = await visitor.post('/en/account/delete', { password, confirm: '1' });
    // The receipt of the erasure is shown at once, signed out everywhere; the engine's job erases.
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('Your account is being erased');
    expect(deleted.body).toContain('Your member account');
    expect(deleted.cookies.find((cookie) => cookie.name === 'vitrine_session')?.value).toBe('');
    expect(visitor.cookies.has('vitrine_session')).toBe(false);
    expect(await sessionsOf(id)).toHaveLength(0);
    await expectSignedOut(phone);
    const worker = createJobWorker(suite.context);
    for (let round = 0; round < 10 && (await worker.tick()) > 0; round++);
    expect(await memberRow(username)).toBeUndefined();
    expect(await sessionsOf(id)).toHaveLength(0);
    expect(await tokensOf(id)).toHaveLength(0);

    const again = await new Visitor(suite.app).submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password,
    });
    expect(again.statusCode).toBe(401);
  });
});

describeEachEngine('account pages: devices', (suite) => {
  const { verifiedMember, signedIn, sessionsOf } = accountHelpers(suite);
  const signOutForms = (html: string) =>
    [...html.matchAll(/action="\/(?:en\/account\/devices|fr\/compte\/appareils)\/([^"/]+)\/sign-out"/g)].map(
      (match) => match[1],
    );

  it('lists each signed-in device, marks this one, and signs out another', async () => {
    const { id, username } = await verifiedMember('camille');
    const laptop = await signedIn(username, { userAgent: firefox });
    const phone = await signedIn(username, { userAgent: iphone });
    const phoneSession = (await sessionsOf(id)).find((session) => session.user_agent === iphone);

    const page = await laptop.get('/en/account/devices');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<p class="device-name">Firefox 128 on Windows (computer)<span class="badge badge--current">This device</span>',
    );
    expect(page.body).toContain('<p class="device-name">Safari 17 on iOS (phone)</p>');
    expect(page.body.match(/This device</g)).toHaveLength(1);
    expect(signOutForms(page.body)).toEqual([phoneSession?.id]);
    const french = await laptop.get('/fr/compte/appareils');
    expect(french.body).toContain(
      'Firefox 128 sur Windows (ordinateur)<span class="badge badge--current">Cet appareil</span>',
    );
    expect(french.body).toContain('Safari 17 sur iOS (téléphone)');

    const signedOut = await laptop.post(`/en/account/devices/${phoneSession?.id}/sign-out`);
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe('/en/account/devices?notice=revoked');
    await expectSignedOut(phone);
    expect((await laptop.get('/en/account')).statusCode).toBe(200);
    const after = await laptop.get('/en/account/devices?notice=revoked');
    expect(after.body).toContain('The device was signed out.');
    expect(after.body).not.toContain('Safari');
    expect((await sessionsOf(id)).map((session) => session.user_agent)).toEqual([firefox]);
  });

  it('answers 404 to signing out another member’s device, which stays signed in', async () => {
    await verifiedMember('denis');
    const elise = await verifiedMember('elise');
    const denis = await signedIn('denis');
    const elisePhone = await signedIn('elise', { userAgent: iphone });
    const [eliseSession] = await sessionsOf(elise.id);

    await denis.get('/en/account/devices');
    const refused = await denis.post(`/en/account/devices/${eliseSession?.id}/sign-out`);
    expect(refused.statusCode).toBe(404);
    expect((await elisePhone.get('/en/account')).statusCode).toBe(200);
    expect((await sessionsOf(elise.id)).map((session) => session.id)).toEqual([eliseSession?.id]);
  });

  it('signs out every other device and keeps this one', async () => {
    const { id, username } = await verifiedMember('fanny');
    const laptop = await signedIn(username);
    const others = [
      await signedIn(username, { userAgent: iphone }),
      await signedIn(username, { userAgent: 'curl/8.5.0', remember: true }),
    ];
    const laptopToken = laptop.cookies.get('vitrine_session');

    const page = await laptop.get('/en/account/devices');
    expect(signOutForms(page.body)).toHaveLength(2);
    expect(page.body).toContain('Sign out all other devices');
    const response = await laptop.post('/en/account/devices/sign-out-others');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/account/devices?notice=revokedAll');
    for (const other of others) await expectSignedOut(other);
    expect(laptop.cookies.get('vitrine_session')).toBe(laptopToken);
    const after = await laptop.get('/en/account/devices?notice=revokedAll');
    expect(after.body).toContain('All your other devices were signed out.');
    expect(after.body).not.toContain('Sign out all other devices');
    expect((await sessionsOf(id)).map((session) => session.user_agent)).toEqual([firefox]);
  });
});

const clock = { now: new Date() };

describeEachEngine(
  'account pages: session expiry',
  (suite) => {
    const { verifiedMember, signedIn, sessionsOf } = accountHelpers(suite);
    const advance = (ms: number) => {
      clock.now = new Date(clock.now.getTime() + ms);
    };

    it('keeps a browser session alive while used, and signs it out after 13 hours without use', async () => {
      const { id, username } = await verifiedMember('gael');
      const visitor = await signedIn(username);
      advance(11 * hour);
      expect((await visitor.get('/en/account')).statusCode).toBe(200);
      advance(11 * hour); // 22 hours after sign-in, 11 after the last use
      expect((await visitor.get('/en/account')).statusCode).toBe(200);
      advance(13 * hour);
      await expectSignedOut(visitor);
      expect(visitor.cookies.has('vitrine_session')).toBe(false);
      expect(await sessionsOf(id)).toHaveLength(0);
    });

    it('keeps a remembered session after 30 days without use, and renews its cookie for 12 months', async () => {
      const { id, username } = await verifiedMember('heloise');
      const visitor = await signedIn(username, { remember: true });
      const token = visitor.cookies.get('vitrine_session');
      visitor.cookieAttributes.delete('vitrine_session');
      advance(30 * 24 * hour);

      expect((await visitor.get('/en/account')).statusCode).toBe(200);
      expect(visitor.cookieAttributes.get('vitrine_session')?.maxAge).toBe(durationSeconds('P12M'));
      expect(visitor.cookies.get('vitrine_session')).toBe(token);
      const [session] = await sessionsOf(id);
      expect(Date.parse(session?.expires_at ?? '')).toBeGreaterThan(clock.now.getTime() + 360 * 24 * hour);

      advance(370 * 24 * hour); // a year and more without use
      await expectSignedOut(visitor);
    });
  },
  { overrides: { now: () => clock.now } },
);
