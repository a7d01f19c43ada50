import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { signedInStaff, staffPassword } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { StaffTables } from './staff-tables.js';
import { backofficeModule } from './index.js';
import { membersModule } from '../members/index.js';
import { totpCode } from './totp.js';

const clock = { now: new Date('2026-11-25T09:00:00Z') };

describeEachEngine(
  'staff sign-in with two-factor codes, roles, and the members list',
  (suite) => {
    const staffRow = (email: string) =>
      tablesOf<StaffTables>(suite.database)
        .selectFrom('accounts_staff')
        .selectAll()
        .where('email_key', '=', email)
        .executeTakeFirstOrThrow();

    it('asks for the password, then sets up two-factor with a QR code, and stores the key encrypted', async () => {
      const { browser, email, secret } = await signedInStaff(suite, 'owner');
      const dashboard = await browser.get('/admin');
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.body).toContain('Staff');
      expect(dashboard.headers['cache-control']).toBe('no-store');
      const row = await staffRow(email);
      expect(row.totp_enabled_at).not.toBeNull();
      expect(row.totp_secret).not.toContain(secret);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('asks for a code at each later sign-in, refuses a wrong or replayed code, and renews the token', async () => {
      const { email, secret } = await signedInStaff(suite, 'support');
      const browser = new Visitor(suite.app, { 'accept-language': 'fr' });
      const password = await browser.submit('/admin/sign-in', '/admin/sign-in', { email, password: staffPassword });
      expect(password.headers.location).toBe('/admin/sign-in/code');
      const halfWayToken = browser.cookies.get('vitrine_staff');
      // Half-way, no back-office page opens.
      expect((await browser.get('/admin')).headers.location).toBe('/admin/sign-in?next=%2Fadmin');

      await browser.get('/admin/sign-in/code');
      const wrong = await browser.post('/admin/sign-in/code', { code: '000000' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('Code refusé');
      // The code already used at setup (same 30-second step) does not work twice.
      const replayed = await browser.post('/admin/sign-in/code', { code: await totpCode(secret, clock.now) });
      expect(replayed.statusCode).toBe(401);

      clock.now = new Date(clock.now.getTime() + 30_000);
      const accepted = await browser.post('/admin/sign-in/code', { code: await totpCode(secret, clock.now) });
      expect(accepted.headers.location).toBe('/admin');
      expect(browser.cookies.get('vitrine_staff')).not.toBe(halfWayToken);
      expect((await browser.get('/admin')).statusCode).toBe(200);
    });

    it('fails an unknown staff email and a wrong password alike', async () => {
      const { email } = await signedInStaff(suite, 'accountant');
      const unknown = await new Visitor(suite.app).submit('/admin/sign-in', '/admin/sign-in', {
        email: 'nobody@codeacademy.example',
        password: staffPassword,
      });
      const wrong = await new Visitor(suite.app).submit('/admin/sign-in', '/admin/sign-in', {
        email,
        password: 'not the right one',
      });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.cookies.some((c) => c.name === 'vitrine_staff')).toBe(false);
    });

    it('keeps staff and member sessions apart', async () => {
      const { browser } = await signedInStaff(suite, 'owner');
      const asMember = await suite.app.inject({
        url: '/en/account',
        headers: { cookie: `vitrine_session=${browser.cookies.get('vitrine_staff')}` },
      });
      expect(asMember.statusCode).toBe(303);
      expect(asMember.headers.location).toContain('/en/account/sign-in');
    });

    it('lists and searches members for support, logs the access without personal data, and refuses marketing', async () => {
      const services = suite.context.servicesOf(membersModule);
      for (const username of ['alice-search', 'bruno-search']) {
        await services.signUp.signUp(
          {
            username,
            email: `${username}@example.com`,
            password: 'marmite verte du dimanche',
            name: `${username} Name`,
          },
          'en',
          '198.51.100.7',
        );
      }
      const { browser } = await signedInStaff(suite, 'support');
      const all = await browser.get('/admin/members');
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain('alice-search@example.com');
      expect(all.body).toContain('bruno-search');
      const found = await browser.get('/admin/members?q=ALICE-SEARCH%40example');
      expect(found.body).toContain('alice-search');
      expect(found.body).not.toContain('bruno-search');
      const wildcard = await browser.get('/admin/members?q=%25');
      expect(wildcard.body).not.toContain('alice-search');
      const access = suite.logs.filter((line) => line.includes('staff viewed member data'));
      expect(access.length).toBeGreaterThanOrEqual(3);
      expect(access.join('\n')).toContain('"purpose":"support"');
      expect(access.join('\n')).not.toContain('@example.com');

      const marketing = await signedInStaff(suite, 'marketing');
      expect((await marketing.browser.get('/admin/members')).statusCode).toBe(403);
      expect((await marketing.browser.get('/admin')).body).not.toContain('href="/admin/members"');
    });

    it('refuses a bad role or a weak password when creating staff, and a second account with the same email', async () => {
      const services = suite.context.servicesOf(backofficeModule);
      await expect(
        services.staff.create({ email: 'x@codeacademy.example', name: 'X', role: 'king', password: staffPassword }),
      ).rejects.toMatchObject({ details: { fields: { role: 'role' } } });
      await expect(
        services.staff.create({ email: 'x@codeacademy.example', name: 'X', role: 'owner', password: 'password123' }),
      ).rejects.toMatchObject({ details: { fields: { password: 'password-common' } } });
      await services.staff.create({
        email: 'twice@codeacademy.example',
        name: 'Twice',
        role: 'owner',
        password: staffPassword,
      });
      await expect(
        services.staff.create({
          email: 'TWICE@codeacademy.example',
          name: 'Twice',
          role: 'owner',
          password: staffPassword,
        }),
      ).rejects.toMatchObject({ details: { fields: { email: 'staff-email-taken' } } });
    });

    it('signs out, and the old staff cookie no longer opens anything', async () => {
      const { browser } = await signedInStaff(suite, 'owner');
      const token = browser.cookies.get('vitrine_staff');
      await browser.get('/admin');
      const out = await browser.post('/admin/sign-out');
      expect(out.headers.location).toBe('/admin/sign-in');
      const replay = await suite.app.inject({ url: '/admin', headers: { cookie: `vitrine_staff=${token}` } });
      expect(replay.statusCode).toBe(303);
    });
  },
  { overrides: { now: () => clock.now } },
);
