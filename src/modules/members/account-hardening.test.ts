import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { memberPassword, tokenOf, verifiedMember } from '../../../test/members.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { MemberTables } from './member-tables.js';
import { membersModule } from './index.js';
import { SessionService } from '../../platform/auth/session-service.js';
import { SessionStore } from '../../platform/auth/session-store.js';

const clock = { now: new Date('2026-11-25T08:00:00Z') };

/** Odd input and races that must neither fail with a 500 nor open a door. */
describeEachEngine(
  'accounts: odd input and races',
  (suite) => {
    const members = () => tablesOf<MemberTables>(suite.database).selectFrom('accounts_members');

    it('ignores a sign-in "next" that a Location header cannot carry, instead of failing', async () => {
      const { username } = await verifiedMember(suite, 'next-euro');
      const visitor = new Visitor(suite.app);
      const response = await visitor.submit('/en/account/sign-in', '/en/account/sign-in?next=/%E2%82%AC%01', {
        identifier: username,
        password: memberPassword,
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/en/account');
      expect((await visitor.get('/en/account/sign-in?next=/%E2%82%AC')).headers.location).toBe('/en/account');
    });

    it('refuses a NUL character in forms, queries and links with a 400, on both engines', async () => {
      const visitor = new Visitor(suite.app);
      const signIn = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: 'a\u0000b',
        password: 'whatever it is',
      });
      expect(signIn.statusCode).toBe(400);
      const before = Number(
        (
          await members()
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const signUp = await visitor.submit('/en/account/sign-up', '/en/account/sign-up', {
        username: 'nul',
        email: 'n\u0000ul@example.com',
        password: memberPassword,
      });
      expect(signUp.statusCode).toBe(400);
      expect(
        Number(
          (
            await members()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(before);
      expect((await visitor.get('/en/account/verify?token=abc%00def')).statusCode).toBe(400);
      const { browser } = await signedInStaff(suite, 'support');
      expect((await browser.get('/admin/members?q=a%00b')).statusCode).toBe(400);
    });

    it('counts wrong passwords per account, whether typed as username or as email', async () => {
      const { username, email } = await verifiedMember(suite, 'two-names');
      const visitor = new Visitor(suite.app);
      for (let attempt = 0; attempt < 5; attempt++) {
        const identifier = attempt % 2 === 0 ? username : email;
        const response = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
          identifier,
          password: `wrong ${attempt}`,
        });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: email,
        password: 'wrong again',
      });
      expect(blocked.statusCode).toBe(429);
    });

    it('retires reset links sent to the old address when the address changes, and ends the other sessions', async () => {
      const member = await verifiedMember(suite, 'mover');
      const services = suite.context.servicesOf(membersModule);
      await services.credentials.requestPasswordReset(member.email, 'en', '192.0.2.1');
      const resetMail = (await mailTo(suite, member.email)).find((mail) =>
        mail.subject.startsWith('Reset your password'),
      );
      const resetLink = linkIn(resetMail?.text ?? '', '/en/account/reset-password');
      const other = new Visitor(suite.app);
      await other.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: member.username,
        password: memberPassword,
      });

      const row = await members().selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
      await services.credentials.requestEmailChange(
        row,
        { email: 'moved@example.com', current: memberPassword },
        '192.0.2.1',
        'en',
      );
      const confirm = linkIn((await mailTo(suite, 'moved@example.com'))[0]?.text ?? '', '/en/account/confirm-email');
      await services.credentials.confirmEmailChange(tokenOf(confirm));

      expect((await other.get('/en/account')).statusCode).toBe(303);
      const stale = await new Visitor(suite.app).get(resetLink);
      expect(stale.statusCode).toBe(400);
      await expect(
        services.credentials.resetPassword(tokenOf(resetLink), 'quatre chaises bleues au grenier'),
      ).rejects.toMatchObject({ code: 'VT_LINK_INVALID' });
    });

    it('sends no confirmation link to the owner of an address someone else signed up with', async () => {
      const services = suite.context.servicesOf(membersModule);
      await services.signUp.signUp(
        { username: 'squatter', email: 'victim@example.com', password: 'attacker knows this one', name: '' },
        'en',
        '203.0.113.5',
      );
      await mailTo(suite, 'victim@example.com');
      await services.signUp.signUp(
        { username: 'victim', email: 'victim@example.com', password: memberPassword, name: '' },
        'en',
        '198.51.100.5',
      );
      // The clock stands still in this suite: pick the mail by its subject, not its time.
      const notice = (await mailTo(suite, 'victim@example.com')).find((mail) =>
        mail.subject.startsWith('You already have an account'),
      );
      expect(notice?.subject).toContain('You already have an account');
      expect(notice?.text).toContain('not activated yet');
      expect(notice?.text).not.toContain('/en/account/verify?token=');
    });

    it('counts a remembered session’s use as account activity (retention runs from it)', async () => {
      const member = await verifiedMember(suite, 'remembered');
      const visitor = new Visitor(suite.app);
      await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: member.username,
        password: memberPassword,
        remember: '1',
      });
      clock.now = new Date(clock.now.getTime() + 40 * 86_400_000);
      expect((await visitor.get('/en/account')).statusCode).toBe(200);
      const row = await members().select('last_seen_at').where('id', '=', member.id).executeTakeFirstOrThrow();
      expect(row.last_seen_at).toBe(clock.now.toISOString());
    });

    it('does not cache a session read while it was being ended', async () => {
      const member = await verifiedMember(suite, 'racer');
      let gate: (() => void) | undefined;
      class SlowStore extends SessionStore {
        override async findByTokenHash(tokenHash: string) {
          const row = await super.findByTokenHash(tokenHash);
          await new Promise<void>((resolve) => {
            gate = resolve;
          });
          return row;
        }
      }
      const slow = new SessionService(new SlowStore(suite.database, 'accounts_sessions'), () => clock.now, 60_000);
      const client = { ip: '192.0.2.2', userAgent: undefined };
      const started = await slow.start(member.id, { lifetime: { idle: 'PT12H' }, remember: false, client });
      const reading = slow.resolve(started.token, () => ({ idle: 'PT12H' }), client);
      while (!gate) await new Promise((resolve) => setTimeout(resolve, 1));
      await slow.endAll(member.id);
      gate();
      await reading;
      gate = undefined;
      const again = slow.resolve(started.token, () => ({ idle: 'PT12H' }), client);
      while (!gate) await new Promise((resolve) => setTimeout(resolve, 1));
      (gate as () => void)();
      expect(await again).toBeUndefined();
    });
  },
  { overrides: { now: () => clock.now } },
);
