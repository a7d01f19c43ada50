import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { signedInStaff, staffPassword } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import type { StaffTables } from './staff-tables.js';
import { backofficeModule } from './index.js';
import { type StaffAccountAction, staffAccountCommand } from './staff-account-command.js';
import { totpCode } from './totp.js';

const clock = { now: new Date('2026-11-26T09:00:00Z'), ticks: 0 };
/** Time moves a millisecond at each reading: audit entries made in a row keep their order. */
const now = () => new Date(clock.now.getTime() + clock.ticks++);
/** Each TOTP code works once per 30-second step: move on a step before the next code. */
let clients = 0;
/** An English-speaking browser with an address of its own (sign-in throttles count per address). */
const client = () => {
  clients += 1;
  return { 'accept-language': 'en', 'x-forwarded-for': `10.88.${clients >> 8}.${clients & 255}` };
};
const nextStep = () => {
  clock.now = new Date(clock.now.getTime() + 30_000);
};

describeEachEngine(
  'staff management: recovery codes, the owner’s staff page, invitations, audit',
  (suite) => {
    const db = () => tablesOf<StaffTables>(suite.database);
    const staffRow = (email: string) =>
      db()
        .selectFrom('accounts_staff')
        .selectAll()
        .where('email_key', '=', email.toLowerCase())
        .executeTakeFirstOrThrow();
    const recoveryCodeRows = async (email: string) =>
      db()
        .selectFrom('accounts_staff_recovery_codes')
        .selectAll()
        .where('staff_id', '=', (await staffRow(email)).id)
        .execute();
    const auditOf = (target: string) =>
      db().selectFrom('accounts_staff_audit').selectAll().where('target_staff_id', '=', target).orderBy('at').execute();
    const passwordStep = async (email: string, headers: Record<string, string> = client()) => {
      const browser = new Visitor(suite.app, headers);
      const response = await browser.submit('/admin/sign-in', '/admin/sign-in', { email, password: staffPassword });
      return { browser, response };
    };

    it('shows 10 recovery codes once at setup, keeps only keyed hashes, and takes each code once instead of the app’s code', async () => {
      const { email, recoveryCodes } = await signedInStaff(suite, 'support', { headers: client() });
      const staff = await staffRow(email);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const code of recoveryCodes)
        expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
      const rows = await db()
        .selectFrom('accounts_staff_recovery_codes')
        .selectAll()
        .where('staff_id', '=', staff.id)
        .execute();
      expect(rows).toHaveLength(10);
      const stored = JSON.stringify(rows);
      for (const code of recoveryCodes) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(code.replace(/-/g, ''));
      }

      // A later sign-in: a recovery code (typed in capitals, without dashes) instead of the app's code.
      const { browser } = await passwordStep(email);
      await browser.get('/admin/sign-in/code');
      const used = await browser.post('/admin/sign-in/code?next=%2Fadmin%2Fmembers', {
        code: (recoveryCodes[0] as string).replace(/-/g, '').toUpperCase(),
      });
      expect(used.statusCode).toBe(303);
      expect(used.headers.location).toBe('/admin/recovery-codes?used=1&next=%2Fadmin%2Fmembers');
      const told = await browser.get(used.headers.location as string);
      expect(told.statusCode).toBe(200);
      expect(told.body).toContain('9 codes remain');
      expect(told.body).toContain('href="/admin/members"');
      // Shown once: the page of one's codes never shows them again.
      for (const code of recoveryCodes) expect(told.body).not.toContain(code);
      expect((await browser.get('/admin')).statusCode).toBe(200);

      const [audit] = (await auditOf(staff.id)).filter((entry) => entry.action === 'recovery-code-used');
      expect(audit).toMatchObject({ actor: staff.id, details: JSON.stringify({ remaining: 9 }) });
      const logged = suite.logs.filter((line) => line.includes('"action":"recovery-code-used"'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).not.toContain(email);

      // The same code does not work twice.
      const again = await passwordStep(email);
      await again.browser.get('/admin/sign-in/code');
      const replayed = await again.browser.post('/admin/sign-in/code', { code: recoveryCodes[0] as string });
      expect(replayed.statusCode).toBe(401);
      expect(replayed.body).toContain('Code not accepted');
      const other = await again.browser.post('/admin/sign-in/code', { code: recoveryCodes[1] as string });
      expect(other.headers.location).toBe('/admin/recovery-codes?used=1');
    });

    it('throttles recovery codes like the app’s codes: after 5 wrong ones even a right one waits', async () => {
      const { email, recoveryCodes } = await signedInStaff(suite, 'accountant', { headers: client() });
      const { browser } = await passwordStep(email);
      await browser.get('/admin/sign-in/code');
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await browser.post('/admin/sign-in/code', { code: `zzzz-zzzz-zzz${attempt}` })).statusCode).toBe(401);
      }
      const throttled = await browser.post('/admin/sign-in/code', { code: recoveryCodes[0] as string });
      expect(throttled.statusCode).toBe(429);
      // The refused attempt did not use the code up.
      const staff = await staffRow(email);
      expect(
        await db()
          .selectFrom('accounts_staff_recovery_codes')
          .select('code_hash')
          .where('staff_id', '=', staff.id)
          .where('used_at', 'is', null)
          .execute(),
      ).toHaveLength(10);
    });

    it('makes a new set of codes on request: shown in that answer only, the old ones stop working', async () => {
      const { browser, email, secret, recoveryCodes } = await signedInStaff(suite, 'marketing', { headers: client() });
      const page = await browser.get('/admin/recovery-codes');
      expect(page.body).toContain('You have 10 unused recovery codes.');
      expect(page.body).toContain('Current code from your authenticator app');
      // Only against a current code of the app: a stolen session cookie alone makes none.
      const unproven = await browser.post('/admin/recovery-codes');
      expect(unproven.statusCode).toBe(400);
      expect(unproven.body).toContain('This is not the code your authenticator app shows now');
      expect(unproven.body).not.toMatch(/<code>[0-9a-z]{4}-/);
      // The code that signed in was used up in this 30-second step.
      const reused = await browser.post('/admin/recovery-codes', { code: await totpCode(secret, suite.context.now()) });
      expect(reused.statusCode).toBe(400);
      const inFrench = new Visitor(suite.app, { ...client(), 'accept-language': 'fr' });
      for (const [name, value] of browser.cookies) inFrench.cookies.set(name, value);
      await inFrench.get('/admin/recovery-codes');
      const refusedFr = await inFrench.post('/admin/recovery-codes', { code: '12345' });
      expect(refusedFr.statusCode).toBe(400);
      expect(refusedFr.body).toContain(
        'Ce n’est pas le code affiché maintenant par votre application d’authentification',
      );
      expect((await recoveryCodeRows(email)).filter((row) => row.used_at === null)).toHaveLength(10);
      expect(
        (await auditOf((await staffRow(email)).id)).filter((entry) => entry.action === 'recovery-codes-made'),
      ).toHaveLength(1);

      nextStep();
      await browser.get('/admin/recovery-codes');
      const made = await browser.post('/admin/recovery-codes', { code: await totpCode(secret, suite.context.now()) });
      expect(made.statusCode).toBe(200);
      expect(made.headers['cache-control']).toBe('no-store');
      const fresh = [...made.body.matchAll(/<code>([0-9a-z-]{14})<\/code>/g)].map((match) => match[1]);
      expect(fresh).toHaveLength(10);
      expect(fresh).not.toContain(recoveryCodes[0]);
      expect(
        (
          await browser.post(
            '/admin/recovery-codes',
            { code: await totpCode(secret, suite.context.now()) },
            { csrf: false },
          )
        ).statusCode,
      ).toBe(403);

      const { browser: later } = await passwordStep(email);
      await later.get('/admin/sign-in/code');
      expect((await later.post('/admin/sign-in/code', { code: recoveryCodes[0] as string })).statusCode).toBe(401);
      expect((await later.post('/admin/sign-in/code', { code: fresh[0] as string })).statusCode).toBe(303);
    });

    it('refuses the staff page to every role but owner', async () => {
      for (const role of ['support', 'marketing', 'accountant']) {
        const { browser } = await signedInStaff(suite, role, { headers: client() });
        expect((await browser.get('/admin/staff')).statusCode).toBe(403);
        expect((await browser.get('/admin')).body).not.toContain('href="/admin/staff"');
        const target = await staffRow((await signedInStaff(suite, 'owner', { headers: client() })).email);
        await browser.get('/admin');
        expect((await browser.post(`/admin/staff/${target.id}/disable`)).statusCode).toBe(403);
        expect(
          (
            await browser.post('/admin/staff/invite', {
              name: 'X',
              email: 'x@codeacademy.example',
              role: 'owner',
              locale: 'en',
            })
          ).statusCode,
        ).toBe(403);
        expect((await staffRow(target.email)).disabled_at).toBeNull();
      }
      expect((await new Visitor(suite.app).get('/admin/staff')).headers.location).toBe(
        '/admin/sign-in?next=%2Fadmin%2Fstaff',
      );
    });

    it('invites by email in the invitee’s language: a single-use link, stored hashed, to choose a password, then two-factor at first sign-in', async () => {
      const owner = await signedInStaff(suite, 'owner', { headers: client() });
      const page = await owner.browser.get('/admin/staff');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(owner.email);

      const refused = await owner.browser.post('/admin/staff/invite', {
        name: '',
        email: 'not an email',
        role: 'boss',
        locale: 'de',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Enter an email address such as name@example.com.');
      expect(refused.body).toContain('Choose one of the roles');
      expect(refused.body).toContain('value="not an email"');

      const email = `Lea.${suite.engine}@CodeAcademy.example`;
      const invited = await owner.browser.post('/admin/staff/invite', {
        name: 'Léa Martin',
        email,
        role: 'support',
        locale: 'fr',
      });
      expect(invited.headers.location).toBe('/admin/staff?done=invited');
      const row = await staffRow(email);
      expect(row).toMatchObject({ role: 'support', password_hash: '', totp_enabled_at: null });
      const listed = await owner.browser.get('/admin/staff?done=invited');
      expect(listed.body).toContain('Invitation sent.');
      expect(listed.body).toContain('Léa Martin');
      expect(listed.body).toContain('invited');

      // Invited, no password yet: the sign-in fails like any wrong password.
      expect((await passwordStep(email)).response.statusCode).toBe(401);

      const [mail] = await mailTo(suite, email);
      expect(mail?.subject).toContain('Invitation à l’administration');
      expect(mail?.text).toContain('valable 72 heures');
      const link = linkIn(mail?.text ?? '', '/admin/invitation');
      const token = new URL(link, 'http://x').searchParams.get('token') as string;
      const invitations = await db()
        .selectFrom('accounts_staff_invitations')
        .selectAll()
        .where('staff_id', '=', row.id)
        .execute();
      expect(invitations).toHaveLength(1);
      expect(JSON.stringify(invitations)).not.toContain(token);
      // Queued with the token as a one-time secret: the stored copy of the mail does not keep it.
      const stored = await tablesOf<OutboxTable>(suite.database)
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', email)
        .execute();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(token);

      const invitee = new Visitor(suite.app, { 'accept-language': 'fr' });
      const form = await invitee.get(link);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Bienvenue, Léa Martin');
      const weak = await invitee.post('/admin/invitation', { token, password: 'password123' });
      expect(weak.statusCode).toBe(400);
      expect(weak.body).toContain('trop courant');
      const accepted = await invitee.post('/admin/invitation', { token, password: staffPassword });
      expect(accepted.headers.location).toBe('/admin/sign-in');
      expect((await invitee.get(link)).statusCode).toBe(400);
      expect((await invitee.post('/admin/invitation', { token, password: staffPassword })).statusCode).toBe(400);

      const { response } = await passwordStep(email);
      expect(response.headers.location).toBe('/admin/sign-in/setup');
      expect((await auditOf(row.id)).map((entry) => [entry.action, entry.actor])).toEqual([
        ['invite', (await staffRow(owner.email)).id],
        ['invitation-accepted', row.id],
      ]);
      const logs = suite.logs.filter((line) => line.includes('staff account changed')).join('\n');
      expect(logs).not.toContain('Léa');
      expect(logs.toLowerCase()).not.toContain(email.toLowerCase());
      expect(logs).not.toContain(token);
    });

    it('sends a new invitation when the link expired (72 hours): the older link stays dead', async () => {
      const owner = await signedInStaff(suite, 'owner', { headers: client() });
      await owner.browser.get('/admin/staff');
      const email = `late-${suite.engine}@codeacademy.example`;
      await owner.browser.post('/admin/staff/invite', { name: 'Late Comer', email, role: 'marketing', locale: 'fr' });
      const first = linkIn((await mailTo(suite, email))[0]?.text ?? '', '/admin/invitation');
      clock.now = new Date(clock.now.getTime() + 73 * 3_600_000);
      const invitee = new Visitor(suite.app, client());
      const expired = await invitee.get(first);
      expect(expired.statusCode).toBe(400);
      expect(expired.body).toContain('Link expired or already used');

      const later = await signedInStaff(suite, 'owner', { headers: client() });
      const page = await later.browser.get('/admin/staff');
      expect(page.body).toContain('Send a new invitation');
      const id = (await staffRow(email)).id;
      expect((await later.browser.post(`/admin/staff/${id}/invite-again`, { locale: 'xx' })).statusCode).toBe(400);
      expect((await later.browser.post(`/admin/staff/${id}/invite-again`, { locale: 'en' })).headers.location).toBe(
        '/admin/staff?done=invited',
      );
      const [mail] = await mailTo(suite, email);
      expect(mail?.subject).toContain('Invitation to the');
      const second = linkIn(mail?.text ?? '', '/admin/invitation');
      expect((await invitee.get(first)).statusCode).toBe(400);
      expect((await invitee.get(second)).statusCode).toBe(200);
      const token = new URL(second, 'http://x').searchParams.get('token') as string;
      expect((await invitee.post('/admin/invitation', { token, password: staffPassword })).headers.location).toBe(
        '/admin/sign-in',
      );
      // Only while no password is chosen.
      expect((await later.browser.post(`/admin/staff/${id}/invite-again`, { locale: 'en' })).statusCode).toBe(400);
      expect((await auditOf(id)).filter((entry) => entry.action === 'invite').map((entry) => entry.details)).toEqual([
        JSON.stringify({ role: 'marketing' }),
        JSON.stringify({ role: 'marketing', again: 1 }),
      ]);
    });

    it('changes a role, disables (sessions end at once, sign-in fails like a wrong password), re-enables, and audits each change', async () => {
      const owner = await signedInStaff(suite, 'owner', { headers: client() });
      const ownerId = (await staffRow(owner.email)).id;
      const target = await signedInStaff(suite, 'support', { headers: client() });
      const id = (await staffRow(target.email)).id;
      await owner.browser.get('/admin/staff');

      expect((await owner.browser.post(`/admin/staff/${id}/role`, { role: 'accountant' })).headers.location).toBe(
        '/admin/staff?done=changed',
      );
      expect((await staffRow(target.email)).role).toBe('accountant');
      const badRole = await owner.browser.post(`/admin/staff/${id}/role`, { role: 'king' });
      expect(badRole.statusCode).toBe(400);
      expect(badRole.body).toContain('Some information is not valid');
      expect((await owner.browser.post('/admin/staff/nobody/disable')).statusCode).toBe(404);
      expect((await target.browser.get('/admin')).statusCode).toBe(200);

      await owner.browser.post(`/admin/staff/${id}/disable`);
      expect((await staffRow(target.email)).disabled_at).not.toBeNull();
      expect((await target.browser.get('/admin')).headers.location).toBe('/admin/sign-in?next=%2Fadmin');
      const sessions = await db()
        .selectFrom('accounts_staff_sessions')
        .select('id')
        .where('account_id', '=', id)
        .execute();
      expect(sessions).toEqual([]);
      const disabled = (await passwordStep(target.email)).response;
      const wrong = await new Visitor(suite.app, client()).submit('/admin/sign-in', '/admin/sign-in', {
        email: target.email,
        password: 'not the right one',
      });
      expect(disabled.statusCode).toBe(401);
      // The same answer as a wrong password, but for the form's CSRF token.
      const withoutToken = (body: string) => body.replace(/name="_csrf" value="[^"]*"/, '');
      expect(withoutToken(disabled.body)).toBe(withoutToken(wrong.body));
      expect(disabled.cookies.some((cookie) => cookie.name === 'vitrine_staff')).toBe(false);
      expect((await owner.browser.get('/admin/staff')).body).toContain('disabled');

      await owner.browser.post(`/admin/staff/${id}/enable`);
      expect((await passwordStep(target.email)).response.headers.location).toBe('/admin/sign-in/code');

      const audit = await auditOf(id);
      expect(audit.map((entry) => [entry.actor, entry.action, entry.details])).toEqual([
        [id, 'recovery-codes-made', JSON.stringify({ codes: 10 })],
        [ownerId, 'role', JSON.stringify({ from: 'support', to: 'accountant' })],
        [ownerId, 'disable', null],
        [ownerId, 'enable', null],
      ]);
      const shown = await owner.browser.get('/admin/staff');
      expect(shown.body).toContain('changed the role');
      expect(shown.body).toContain('re-enabled');
    });

    it('resets two-factor: key and recovery codes cleared, sessions ended, setup again at the next sign-in', async () => {
      const owner = await signedInStaff(suite, 'owner', { headers: client() });
      const target = await signedInStaff(suite, 'accountant', { headers: client() });
      const id = (await staffRow(target.email)).id;
      await owner.browser.get('/admin/staff');
      expect((await owner.browser.post(`/admin/staff/${id}/reset-2fa`)).headers.location).toBe(
        '/admin/staff?done=changed',
      );
      expect(await staffRow(target.email)).toMatchObject({
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      expect(
        await db().selectFrom('accounts_staff_recovery_codes').select('code_hash').where('staff_id', '=', id).execute(),
      ).toEqual([]);
      expect((await target.browser.get('/admin')).statusCode).toBe(303);
      expect((await passwordStep(target.email)).response.headers.location).toBe('/admin/sign-in/setup');
      expect((await auditOf(id)).at(-1)).toMatchObject({
        action: 'reset-2fa',
        actor: (await staffRow(owner.email)).id,
        details: JSON.stringify({ wasOn: 1 }),
      });
    });
  },
  { overrides: { now }, env: { TRUST_PROXY: 'true' } },
);

// A fresh database: here the owners are counted.
describeEachEngine(
  'staff management: the last owner',
  (suite) => {
    it('keeps the last owner who can sign in: neither disabled nor demoted, by themselves or anyone', async () => {
      nextStep();
      const owner = await signedInStaff(suite, 'owner', { headers: client() });
      const id = (
        await tablesOf<StaffTables>(suite.database).selectFrom('accounts_staff').select('id').executeTakeFirstOrThrow()
      ).id;
      await owner.browser.get('/admin/staff');
      // An invited owner who has not chosen a password yet does not count.
      await owner.browser.post('/admin/staff/invite', {
        name: 'Next Owner',
        email: `next-${suite.engine}@codeacademy.example`,
        role: 'owner',
        locale: 'en',
      });
      await owner.browser.get('/admin/staff');
      for (const attempt of [
        () => owner.browser.post(`/admin/staff/${id}/disable`),
        () => owner.browser.post(`/admin/staff/${id}/role`, { role: 'support' }),
      ]) {
        const refused = await attempt();
        expect(refused.statusCode).toBe(409);
        expect(refused.body).toContain('The last owner must stay');
      }
      const row = await tablesOf<StaffTables>(suite.database)
        .selectFrom('accounts_staff')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: 'owner', disabled_at: null });

      // With a second owner who can sign in, the first may step down.
      nextStep();
      const second = await signedInStaff(suite, 'owner', { headers: client() });
      await second.browser.get('/admin/staff');
      expect((await owner.browser.post(`/admin/staff/${id}/role`, { role: 'support' })).statusCode).toBe(303);
      const secondId = (
        await tablesOf<StaffTables>(suite.database)
          .selectFrom('accounts_staff')
          .select('id')
          .where('email_key', '=', second.email)
          .executeTakeFirstOrThrow()
      ).id;
      expect((await second.browser.post(`/admin/staff/${secondId}/disable`)).statusCode).toBe(409);
    });

    it('staff:reset-2fa brings the last owner back in: key and codes cleared, sessions ended, audited as cli', async () => {
      const db = tablesOf<StaffTables>(suite.database);
      const [owner, ...others] = await db
        .selectFrom('accounts_staff')
        .selectAll()
        .where('role', '=', 'owner')
        .where('password_hash', '!=', '')
        .execute();
      expect(others).toEqual([]);
      if (!owner) throw new Error('no owner');
      const printed: string[] = [];
      const run = (action: StaffAccountAction, args: string[]) =>
        staffAccountCommand(action, args, suite.context.servicesOf(backofficeModule), (text) => printed.push(text));

      await run('reset-2fa', ['--email', owner.email.toUpperCase()]);
      expect(printed.join('')).toContain('Two-factor sign-in reset');
      expect(
        await db.selectFrom('accounts_staff').selectAll().where('id', '=', owner.id).executeTakeFirstOrThrow(),
      ).toMatchObject({ totp_secret: null, totp_enabled_at: null });
      expect(
        await db.selectFrom('accounts_staff_sessions').select('id').where('account_id', '=', owner.id).execute(),
      ).toEqual([]);
      expect(
        await db
          .selectFrom('accounts_staff_recovery_codes')
          .select('code_hash')
          .where('staff_id', '=', owner.id)
          .execute(),
      ).toEqual([]);
      const audit = await db
        .selectFrom('accounts_staff_audit')
        .selectAll()
        .where('target_staff_id', '=', owner.id)
        .orderBy('at', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor: 'cli', action: 'reset-2fa' });
      const back = new Visitor(suite.app);
      expect(
        (await back.submit('/admin/sign-in', '/admin/sign-in', { email: owner.email, password: staffPassword })).headers
          .location,
      ).toBe('/admin/sign-in/setup');

      await expect(run('disable', ['--email', owner.email])).rejects.toThrow('last owner');
      await expect(run('reset-2fa', ['--email', 'nobody@codeacademy.example'])).rejects.toThrow(
        'No staff account has the address nobody@codeacademy.example.',
      );
      await expect(run('reset-2fa', [])).rejects.toThrow('Usage: npm run vitrine -- staff:reset-2fa --email <address>');

      const demoted = await db
        .selectFrom('accounts_staff')
        .selectAll()
        .where('role', '=', 'support')
        .executeTakeFirstOrThrow();
      await run('disable', ['--email', demoted.email]);
      expect(
        (
          await db
            .selectFrom('accounts_staff')
            .select('disabled_at')
            .where('id', '=', demoted.id)
            .executeTakeFirstOrThrow()
        ).disabled_at,
      ).not.toBeNull();
      await run('enable', ['--email', demoted.email]);
      const actions = await db
        .selectFrom('accounts_staff_audit')
        .select(['actor', 'action'])
        .where('target_staff_id', '=', demoted.id)
        .where('actor', '=', 'cli')
        .orderBy('at')
        .execute();
      expect(actions.map((entry) => entry.action)).toEqual(['disable', 'enable']);
    });
  },
  { overrides: { now }, env: { TRUST_PROXY: 'true' } },
);
