import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { memberPassword } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { MemberTables } from './member-tables.js';
import * as accountsMigration from './migrations/20261125_05_accounts.js';
import * as skeletonMigration from './migrations/20261126_10_username_skeleton.js';
import { skeleton, usernameSkeleton } from './username-skeleton.js';

/** Issue 7, finding 10: usernames are compared by their Unicode confusable skeleton (UTS #39). */
describe('username skeleton', () => {
  it('is the UTS #39 skeleton: look-alikes from other scripts map to the same string', async () => {
    expect(await skeleton('раураl')).toBe(await skeleton('paypal')); // Cyrillic р а у а, Latin l
    expect(await skeleton('ρaypal')).toBe(await skeleton('paypal')); // Greek rho
    expect(await skeleton('rn')).toBe(await skeleton('m'));
    expect(await skeleton('e\u0301')).toBe(await skeleton('é')); // decomposed or not
    expect(await skeleton('pay\u00adpal')).toBe(await skeleton('paypal')); // a soft hyphen is invisible
    expect(await skeleton('paypal')).not.toBe(await skeleton('paypa1x'));
  });

  it('is blind to case as usernames are, and to capital I against small l', async () => {
    expect(await usernameSkeleton('АDMIN')).toBe(await usernameSkeleton('admin')); // Cyrillic А
    expect(await usernameSkeleton('ΑDΜΙΝ')).toBe(await usernameSkeleton('admin')); // Greek capitals
    expect(await usernameSkeleton('νictor')).toBe(await usernameSkeleton('victor')); // Greek small nu
    expect(await usernameSkeleton('Ian')).toBe(await usernameSkeleton('lan'));
    expect(await usernameSkeleton('ian')).toBe(await usernameSkeleton('Ian'));
    expect(await usernameSkeleton('ＰａｙＰａｌ')).toBe(await usernameSkeleton('paypal')); // full width
    expect(await usernameSkeleton('Margaux')).not.toBe(await usernameSkeleton('Margot'));
  });

  it('is backfilled for existing members; of two existing look-alikes the older keeps it; the index is unique', async () => {
    const db = new Kysely<MemberTables>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await accountsMigration.up(db as Kysely<unknown>);
    const row = (id: string, username: string, created_at: string) => ({
      id,
      username,
      username_key: username.toLowerCase(),
      email: `${id}@example.com`,
      email_key: `${id}@example.com`,
      email_verified_at: null,
      password_hash: 'x',
      password_changed_at: created_at,
      name: null,
      address_line1: null,
      address_line2: null,
      postal_code: null,
      city: null,
      country: null,
      phone: null,
      preferred_locale: 'en',
      display_name: null,
      bio: null,
      created_at,
      updated_at: created_at,
      last_seen_at: created_at,
    });
    await db
      .insertInto('accounts_members')
      .values([
        row('a', 'paypal', '2026-01-01'),
        row('b', 'pаypal', '2026-02-01'),
        row('c', 'Margaux', '2026-03-01'),
      ] as never)
      .execute();
    await skeletonMigration.up(db as Kysely<unknown>);
    const rows = await db.selectFrom('accounts_members').select(['id', 'username_skeleton']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', username_skeleton: await usernameSkeleton('paypal') },
      { id: 'b', username_skeleton: null },
      { id: 'c', username_skeleton: await usernameSkeleton('Margaux') },
    ]);
    await expect(
      db
        .insertInto('accounts_members')
        .values({ ...row('d', 'раураl', '2026-04-01'), username_skeleton: await usernameSkeleton('раураl') } as never)
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});

describeEachEngine('look-alike usernames', (suite) => {
  const members = () => tablesOf<MemberTables>(suite.database).selectFrom('accounts_members');
  const signUp = (
    username: string,
    email = `${username.normalize('NFKD').replace(/[^a-z]/gi, '')}-${Math.random().toString(36).slice(2, 8)}@example.com`,
  ) =>
    new Visitor(suite.app).submit('/en/account/sign-up', '/en/account/sign-up', {
      username,
      email,
      password: memberPassword,
    });

  it('refuses reserved names in disguise: Cyrillic а in аdmin, о in suppоrt, rn for m', async () => {
    for (const username of ['аdmin', 'suppоrt', 'АDMIN', 'ΑDΜΙΝ', 'adrnin', 'ѕtaff', 'Ιnfo', 'SUPP0RT']) {
      const response = await signUp(username);
      expect(response.statusCode, username).toBe(400);
      expect(response.body).toContain('This username is reserved');
    }
    const count = await members()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', 'in', ['аdmin', 'suppоrt'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a look-alike of a taken name with the same answer as the name itself (pаypal for paypal, mixed scripts)', async () => {
    expect((await signUp('paypal')).statusCode).toBe(303);
    for (const username of ['pаypal', 'раураl', 'ρaypal', 'PayPal', 'ＰａｙＰａｌ', 'paypaI']) {
      const response = await signUp(username);
      expect(response.statusCode, username).toBe(409);
      expect(response.body).toContain('This username is already taken');
    }
    expect((await signUp('paypals')).statusCode).toBe(303);
    const stored = await members()
      .select(['username_skeleton'])
      .where('username', '=', 'paypal')
      .executeTakeFirstOrThrow();
    expect(stored.username_skeleton).toBe(await usernameSkeleton('paypal'));
  });

  it('gives a name to one of two look-alikes signing up at the same moment, and says "taken" to the other', async () => {
    const answers = await Promise.all([signUp('simultane'), signUp('sіmultane')]); // Ukrainian і
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([303, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.body).toContain('This username is already taken');
  });

  it('still signs in by the username as typed at sign-up', async () => {
    expect((await signUp('Élodie', 'elodie@example.com')).statusCode).toBe(303);
    const row = await members()
      .select(['username', 'username_skeleton'])
      .where('email', '=', 'elodie@example.com')
      .executeTakeFirstOrThrow();
    expect(row.username).toBe('Élodie');
    expect(row.username_skeleton).toBe(await usernameSkeleton('élodie'));
  });
});
