import { tablesOf } from '../../platform/db/database.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { createContext } from '../../context.js';
import type { CatalogTables } from './catalog-tables.js';
import { seedDemoCatalog } from './seed.js';

describeEachEngine(
  'demo seeding',
  (suite) => {
    const count = async () =>
      Number(
        (
          await tablesOf<CatalogTables>(suite.database)
            .selectFrom('catalog_product_texts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('seeds the demo catalog once, in both languages', async () => {
      expect(await count()).toBe(20);
    });

    it('changes nothing when the app starts again on the same database (restart)', async () => {
      await createContext(suite.context.config, { database: suite.database, logger: suite.context.logger });
      await seedDemoCatalog(suite.context);
      expect(await count()).toBe(20);
    });
  },
  { app: false },
);
