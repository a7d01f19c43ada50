import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../db/database.js';
import type { MemberTables } from '../../modules/members/member-tables.js';
import { membersModule } from '../../modules/members/index.js';
import { SessionService } from './session-service.js';
import { SessionStore } from './session-store.js';

const clock = { now: new Date('2026-11-25T10:00:00Z') };
const client = {
  ip: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};
const lifetime = () => ({ idle: 'PT12H' });

describeEachEngine(
  'session service',
  (suite) => {
    async function member() {
      const services = suite.context.servicesOf(membersModule);
      const username = `s${Math.random().toString(36).slice(2, 10)}`;
      await services.signUp.signUp(
        { username, email: `${username}@example.com`, password: 'marmite verte du dimanche', name: '' },
        'en',
        client.ip,
      );
      const row = await tablesOf<MemberTables>(suite.database)
        .selectFrom('accounts_members')
        .select('id')
        .where('username_key', '=', username)
        .executeTakeFirstOrThrow();
      return row.id;
    }

    it('keeps only the SHA-256 of the token, and resolves the token, not its hash', async () => {
      const sessions = new SessionService(new SessionStore(suite.database, 'accounts_sessions'), () => clock.now);
      const started = await sessions.start(await member(), { lifetime: lifetime(), remember: false, client });
      expect(started.session.token_hash).not.toBe(started.token);
      expect((await sessions.resolve(started.token, lifetime, client))?.session.id).toBe(started.session.id);
      expect(await sessions.resolve(started.session.token_hash, lifetime, client)).toBeUndefined();
    });

    it('reuses a read session for its cache time only: an end in another process shows within 5 s', async () => {
      const cached = new SessionService(new SessionStore(suite.database, 'accounts_sessions'), () => clock.now, 5_000);
      const otherProcess = new SessionService(new SessionStore(suite.database, 'accounts_sessions'), () => clock.now);
      const started = await cached.start(await member(), { lifetime: lifetime(), remember: false, client });
      expect(await cached.resolve(started.token, lifetime, client)).toBeDefined();
      await otherProcess.end(started.session.id);
      // Still cached here for a moment...
      expect(await cached.resolve(started.token, lifetime, client)).toBeDefined();
      clock.now = new Date(clock.now.getTime() + 5_001);
      expect(await cached.resolve(started.token, lifetime, client)).toBeUndefined();
    });

    it('forgets a session ended in this process at once, whatever the cache time', async () => {
      const cached = new SessionService(new SessionStore(suite.database, 'accounts_sessions'), () => clock.now, 60_000);
      const accountId = await member();
      const a = await cached.start(accountId, { lifetime: lifetime(), remember: false, client });
      const b = await cached.start(accountId, { lifetime: lifetime(), remember: false, client });
      await cached.resolve(a.token, lifetime, client);
      await cached.resolve(b.token, lifetime, client);
      await cached.endAll(accountId, b.session.id);
      expect(await cached.resolve(a.token, lifetime, client)).toBeUndefined();
      expect(await cached.resolve(b.token, lifetime, client)).toBeDefined();
      await cached.endOne(accountId, b.session.id);
      expect(await cached.resolve(b.token, lifetime, client)).toBeUndefined();
    });
  },
  { overrides: { now: () => clock.now } },
);
