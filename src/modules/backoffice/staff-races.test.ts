import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { mailTo } from '../../../test/mail.js';
import { signedInStaff, staffPassword } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import { backofficeModule } from './index.js';
import type { StaffTables } from './staff-tables.js';
import { signInLimits } from '../../platform/auth/login-throttle.js';
import { totpCode } from './totp.js';

let addresses = 0;
/** A browser at an address of its own (sign-in throttles count per address). */
const browserHeaders = () => {
  addresses += 1;
  return { 'accept-language': 'en', 'x-forwarded-for': `10.77.${addresses >> 8}.${addresses & 255}` };
};

describeEachEngine(
  'staff accounts: requests at the same time, and the acting owner checked again',
  (suite) => {
    const db = () => tablesOf<StaffTables>(suite.database);
    const idOf = async (email: string) =>
      (
        await db()
          .selectFrom('accounts_staff')
          .select('id')
          .where('email_key', '=', email.toLowerCase())
          .executeTakeFirstOrThrow()
      ).id;
    const staffManagement = () => suite.context.servicesOf(backofficeModule).staffManagement;
    /** A browser past the password step, on the code page. */
    const atCodeStep = async (email: string) => {
      const browser = new Visitor(suite.app, browserHeaders());
      const password = await browser.submit('/admin/sign-in', '/admin/sign-in', { email, password: staffPassword });
      expect(password.headers.location).toBe('/admin/sign-in/code');
      await browser.get('/admin/sign-in/code');
      return browser;
    };

    it('lets exactly one of two sign-ins sending the same recovery code at once in', async () => {
      const { email, recoveryCodes } = await signedInStaff(suite, 'support', { headers: browserHeaders() });
      const id = await idOf(email);
      for (const code of recoveryCodes.slice(0, 3)) {
        const [first, second] = await Promise.all([atCodeStep(email), atCodeStep(email)]);
        const answers = await Promise.all([
          first.post('/admin/sign-in/code', { code }),
          second.post('/admin/sign-in/code', { code }),
        ]);
        expect(answers.map((answer) => answer.statusCode).sort()).toEqual([303, 401]);
        expect(answers.find((answer) => answer.statusCode === 303)?.headers.location).toBe(
          '/admin/recovery-codes?used=1',
        );
      }
      const unused = await db()
        .selectFrom('accounts_staff_recovery_codes')
        .select('code_hash')
        .where('staff_id', '=', id)
        .where('used_at', 'is', null)
        .execute();
      expect(unused).toHaveLength(7);
      const uses = await db()
        .selectFrom('accounts_staff_audit')
        .select('id')
        .where('target_staff_id', '=', id)
        .where('action', '=', 'recovery-code-used')
        .execute();
      expect(uses).toHaveLength(3);
    });

    it('refuses a change by an owner disabled or demoted after their request was let in: nothing changes, nothing is audited', async () => {
      await signedInStaff(suite, 'owner', { headers: browserHeaders() });
      const disabledOwner = await idOf((await signedInStaff(suite, 'owner', { headers: browserHeaders() })).email);
      const demotedOwner = await idOf((await signedInStaff(suite, 'owner', { headers: browserHeaders() })).email);
      const target = await signedInStaff(suite, 'accountant', { headers: browserHeaders() });
      const targetId = await idOf(target.email);
      await staffManagement().disable(demotedOwner, targetId);
      await db()
        .updateTable('accounts_staff')
        .set({ disabled_at: suite.context.now().toISOString() })
        .where('id', '=', disabledOwner)
        .execute();
      await db().updateTable('accounts_staff').set({ role: 'support' }).where('id', '=', demotedOwner).execute();
      const before = await db().selectFrom('accounts_staff_audit').select('id').execute();

      for (const [index, actor] of [disabledOwner, demotedOwner].entries()) {
        const attempts = [
          () =>
            staffManagement().invite(actor, {
              email: `too-late-${index}@codeacademy.example`,
              name: 'Too Late',
              role: 'owner',
              locale: 'en',
            }),
          () => staffManagement().enable(actor, targetId),
          () => staffManagement().resetTwoFactor(actor, targetId),
          () => staffManagement().changeRole(actor, targetId, 'owner'),
        ];
        for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'VT_FORBIDDEN' });
      }
      expect(
        await db().selectFrom('accounts_staff').select('id').where('email_key', 'like', 'too-late-%').execute(),
      ).toEqual([]);
      expect(
        await db()
          .selectFrom('accounts_staff')
          .select(['role', 'disabled_at', 'totp_enabled_at'])
          .where('id', '=', targetId)
          .executeTakeFirstOrThrow(),
      ).toMatchObject({
        role: 'accountant',
        disabled_at: expect.any(String),
        totp_enabled_at: expect.any(String),
      });
      expect(await db().selectFrom('accounts_staff_audit').select('id').execute()).toHaveLength(before.length);
      // The server's command line is not an account: it still acts.
      await staffManagement().enable('cli', targetId);
      expect(
        (
          await db()
            .selectFrom('accounts_staff')
            .select('disabled_at')
            .where('id', '=', targetId)
            .executeTakeFirstOrThrow()
        ).disabled_at,
      ).toBeNull();
    });

    // Only PostgreSQL has row locks to wait on: SQLite has one writer at a time, so this
    // interleaving cannot happen there, and the test is not registered (not skipped) on it.
    if (suite.engine === 'postgres')
      it('PostgreSQL: a request of an owner being disabled by another process waits for that change, then is refused', async () => {
        await signedInStaff(suite, 'owner', { headers: browserHeaders() });
        const actor = await signedInStaff(suite, 'owner', { headers: browserHeaders() });
        const actorId = await idOf(actor.email);
        const targetId = await idOf((await signedInStaff(suite, 'marketing', { headers: browserHeaders() })).email);
        await actor.browser.get('/admin/staff');

        const other = tablesOf<StaffTables>(await suite.connectAgain());
        let answer: ReturnType<Visitor['post']> | undefined;
        await other.transaction().execute(async (trx) => {
          await trx
            .updateTable('accounts_staff')
            .set({ disabled_at: suite.context.now().toISOString() })
            .where('id', '=', actorId)
            .execute();
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          const pid = rows[0]?.pid;
          // Let in (the disabling is not committed yet), the request's change waits on the actor's row.
          answer = actor.browser.post(`/admin/staff/${targetId}/disable`);
          for (let waited = 0; ; waited += 10) {
            const blocked = await sql<{
              n: string;
            }>`select count(*) as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`.execute(
              other,
            );
            if (Number(blocked.rows[0]?.n) > 0) break;
            if (waited > 10_000) throw new Error('the request never waited for the disabling');
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        });
        const refused = await answer;
        expect(refused?.statusCode).toBe(403);
        expect(
          (
            await db()
              .selectFrom('accounts_staff')
              .select('disabled_at')
              .where('id', '=', targetId)
              .executeTakeFirstOrThrow()
          ).disabled_at,
        ).toBeNull();
      });

    it('warns the staff member by mail when wrong codes reach the ceiling at the code step, as at the password step', async () => {
      const { email, secret } = await signedInStaff(suite, 'support', { headers: browserHeaders() });
      const now = suite.context.now();
      const valid = await Promise.all(
        [-30_000, 0, 30_000].map((shift) => totpCode(secret, new Date(now.getTime() + shift))),
      );
      const wrong = ['000000', '111111', '222222'].find((code) => !valid.includes(code)) as string;
      const perAddress = signInLimits.perAccountAndAddress ?? 5;
      const warnings = async () =>
        (await mailTo(suite, email)).filter((mail) =>
          mail.subject.includes('Someone is trying to sign in to your account'),
        );
      const statuses: number[] = [];
      // The setup's code counted once: 99 wrong codes from 20 addresses (5 each) reach the ceiling,
      // the 100th is refused and warns; one more from a new address is refused without a second mail.
      for (let address = 0; address <= signInLimits.perAccount / perAddress; address++) {
        const attacker = await atCodeStep(email);
        const tries = address < signInLimits.perAccount / perAddress ? perAddress : 1;
        for (let attempt = 0; attempt < tries; attempt++)
          statuses.push((await attacker.post('/admin/sign-in/code', { code: wrong })).statusCode);
        if (address === 0) expect(await warnings()).toEqual([]);
      }
      expect(statuses.slice(0, signInLimits.perAccount - 1).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(signInLimits.perAccount - 1)).toEqual([429, 429]);
      const mails = await warnings();
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toContain('Quelqu’un essaie de se connecter à votre compte');
      expect(mails[0]?.text).toContain('/admin/sign-in');
    });
  },
  { env: { TRUST_PROXY: 'true' } },
);

// A fresh database with exactly two owners: here the owners are counted.
describeEachEngine(
  'staff accounts: two owners demoting each other at once',
  (suite) => {
    it('lets one of them win and keeps the other an owner: an owner who can sign in remains', async () => {
      const [first, second] = await Promise.all([
        signedInStaff(suite, 'owner', { headers: browserHeaders() }),
        signedInStaff(suite, 'owner', { headers: browserHeaders() }),
      ]);
      const db = tablesOf<StaffTables>(suite.database);
      const idOf = async (email: string) =>
        (
          await db
            .selectFrom('accounts_staff')
            .select('id')
            .where('email_key', '=', email.toLowerCase())
            .executeTakeFirstOrThrow()
        ).id;
      const [firstId, secondId] = [await idOf(first.email), await idOf(second.email)];
      await Promise.all([first.browser.get('/admin/staff'), second.browser.get('/admin/staff')]);

      const answers = await Promise.all([
        first.browser.post(`/admin/staff/${secondId}/role`, { role: 'support' }),
        second.browser.post(`/admin/staff/${firstId}/role`, { role: 'support' }),
      ]);
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 303)).toHaveLength(1);
      // The loser is refused: as no longer an owner (403) or, had it gone first, as the last one (409).
      expect(statuses.filter((status) => status === 403 || status === 409)).toHaveLength(1);
      const owners = await db
        .selectFrom('accounts_staff')
        .select('id')
        .where('role', '=', 'owner')
        .where('disabled_at', 'is', null)
        .execute();
      expect(owners).toHaveLength(1);
      expect(owners[0]?.id).toBe(statuses[0] === 303 ? firstId : secondId);
      const audited = await db
        .selectFrom('accounts_staff_audit')
        .select(['actor', 'target_staff_id'])
        .where('action', '=', 'role')
        .execute();
      expect(audited).toEqual([
        { actor: owners[0]?.id, target_staff_id: owners[0]?.id === firstId ? secondId : firstId },
      ]);
    });
  },
  { env: { TRUST_PROXY: 'true' } },
);
