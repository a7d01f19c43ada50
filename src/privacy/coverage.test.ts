import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/harness.js';
import { introspectSchema } from '../platform/db/introspect.js';
import { coverageProblems } from './coverage.js';

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
  },
  { app: false },
);
