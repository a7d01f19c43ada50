import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { conformanceFailures } from '../../../test/conformance-check.js';
import { type Person, seedConformance, type World } from '../../../test/conformance-world.js';
import { describeEachEngine } from '../../../test/harness.js';
import { leakyModule } from '../../../test/leaky-module.js';
import { modules } from '../../module-list.js';

/**
 * The conformance test of issue 9 (DESIGN §3, "the coverage test"): whatever the modules, every
 * declared personal column of every declared table is written with a canary for a person X and
 * for a person Y of each kind; X's export must show every value of X's (and nothing of anyone
 * else's), X's erasure must leave none of them anywhere in the database or the logs but what a
 * hold keeps (and records), and nothing of Y's or of a third party's may change. Everything is
 * read from the registry and the live schema (test/conformance-world.ts), so a module added later
 * is checked without a line here; the second suite proves the check fails, naming the module.
 */

const person = (world: World, label: string): Person => {
  const found = world.people.find((p) => p.label === label);
  if (!found) throw new Error(`no ${label} in the world`);
  return found;
};

describeEachEngine(
  'conformance of every module to its privacy declarations',
  (suite) => {
    it('exports every value of X, erases all of it but what is held, and leaves everyone else untouched', async () => {
      const world = await seedConformance(suite);
      const tables = new Set(world.cells.map((cell) => cell.table));
      console.info(
        `conformance [${suite.engine}]: ${world.people.length} people (${world.people.map((p) => p.label).join(', ')}), ` +
          `${tables.size} of ${world.tables.length} personal tables, ${world.cells.length} values written, ` +
          `${world.cells.filter((cell) => cell.held).length} of them held`,
      );
      expect(world.people.map((p) => p.label)).toEqual(expect.arrayContaining(['member x', 'staff x', 'visitor x']));
      expect(tables.size).toBe(world.tables.length);
      const failures = await conformanceFailures(suite, world);
      expect(failures.map((failure) => failure.message)).toEqual([]);
    });
  },
  { app: false },
);

describeEachEngine(
  'the conformance check fails a module whose data escapes, by name',
  (suite) => {
    it('names the column of an undeclared copy, and the table whose link cannot find its rows', async () => {
      const world = await seedConformance(suite);
      const x = person(world, 'member x');
      const y = person(world, 'member y');
      // An undeclared copy: X's address, in Y's referral, in a column declared non-personal.
      await sql`update leaky_referrals set referrer = ${x.email} where member_id = ${y.accountId}`.execute(
        suite.database.db,
      );
      // The owner written where the declared link does not look (and so in the world: X's value is there).
      await sql`update leaky_drafts set author_id = owner_id, owner_id = null where owner_id = ${x.accountId}`.execute(
        suite.database.db,
      );
      for (const cell of world.cells)
        if (cell.of === x && cell.table === 'leaky_drafts' && cell.column === 'owner_id') cell.column = 'author_id';

      const failures = await conformanceFailures(suite, world);
      expect(failures.filter((failure) => failure.module !== 'leaky')).toEqual([]);
      expect(
        failures.map((failure) => `${failure.check} ${failure.module}.${failure.table}.${failure.column}`).sort(),
      ).toEqual([
        'erasure leaky.leaky_drafts.author_id',
        'erasure leaky.leaky_drafts.body',
        'erasure leaky.leaky_referrals.referrer',
        'export leaky.leaky_drafts.author_id',
        'export leaky.leaky_drafts.body',
      ]);
      expect(failures.find((failure) => failure.column === 'referrer')?.message).toBe(
        'the erasure of member x left its email (cnry-member-x@example.com) in leaky.leaky_referrals.referrer',
      );
    });
  },
  { app: false, overrides: { modules: [...modules, leakyModule] } },
);
