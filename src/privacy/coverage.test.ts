import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/harness.js';
import { introspectIndexes, introspectSchema, primaryKeyOf } from '../platform/db/introspect.js';
import { coverageProblems, linkIndexProblems } from './coverage.js';

/**
 * The gate of DESIGN §3: every table and column in the live database is declared personal or
 * non-personal. The second and third tests prove the gate can fail, by adding an undeclared
 * column and an undeclared table to this suite's own database.
 */
describeEachEngine(
  'privacy coverage gate',
  (suite) => {
    it('finds every table and column of the migrated schema declared', async () => {
      const schema = await introspectSchema(suite.database);
      expect(schema.map((t) => t.name)).toEqual(
        expect.arrayContaining(['jobs', 'mail_outbox', 'catalog_products', 'kysely_migration']),
      );
      expect(coverageProblems(schema, suite.context.privacy)).toEqual([]);
    });

    it('fails, naming it, on a column nobody declared', async () => {
      await sql`alter table catalog_products add column supplier_email text`.execute(suite.database.db);
      const problems = coverageProblems(await introspectSchema(suite.database), suite.context.privacy);
      expect(problems).toEqual([expect.stringContaining('column catalog_products.supplier_email is not declared')]);
      await sql`alter table catalog_products drop column supplier_email`.execute(suite.database.db);
    });

    it('fails, naming it, on a table nobody declared', async () => {
      await sql`create table newsletter_signups (id text primary key, email text)`.execute(suite.database.db);
      const problems = coverageProblems(await introspectSchema(suite.database), suite.context.privacy);
      expect(problems).toEqual([expect.stringContaining('table newsletter_signups is not declared')]);
      await sql`drop table newsletter_signups`.execute(suite.database.db);
      expect(coverageProblems(await introspectSchema(suite.database), suite.context.privacy)).toEqual([]);
    });

    const linkProblems = async () => {
      const keys = new Map<string, string[]>();
      for (const table of suite.context.privacy.personalTables())
        keys.set(table.name, await primaryKeyOf(suite.database, table.name));
      return linkIndexProblems(await introspectIndexes(suite.database), keys, suite.context.privacy);
    };

    it('finds every subject-link column indexed for export and erasure to page through a person’s rows', async () => {
      expect(await linkProblems()).toEqual([]);
    });

    it('fails, naming it, on a link column whose index lacks the key after it', async () => {
      await sql`drop index accounts_sessions_account_key`.execute(suite.database.db);
      expect(await linkProblems()).toEqual([
        expect.stringContaining('accounts_sessions.account_id (a subject link) needs an index on (account_id, id)'),
      ]);
      await sql`create index accounts_sessions_account_key on accounts_sessions (account_id, id)`.execute(
        suite.database.db,
      );
      expect(await linkProblems()).toEqual([]);
    });
  },
  { app: false },
);
