import type { Kysely } from 'kysely';
import { defineModule } from '../src/platform/module.js';
import { defineData } from '../src/privacy/core/declare.js';

/**
 * A module whose data escapes export and erasure, to prove the conformance check fails it by name
 * (a check that cannot fail proves nothing). Its declarations are valid; what is wrong is how the
 * module writes its rows, which the test does by hand after seeding:
 * - leaky_referrals.referrer is declared non-personal, yet the module copies into it the address
 *   of the member who referred someone else: an undeclared copy, in another person's row;
 * - leaky_drafts is found by `owner_id`, yet the module writes the owner in `author_id`: the
 *   export and the erasure look in the wrong column and never find the person's drafts.
 */
export interface LeakyTables {
  leaky_referrals: { id: string; member_id: string; note: string | null; referrer: string | null; created_at: string };
  leaky_drafts: { id: string; owner_id: string | null; author_id: string | null; body: string; created_at: string };
}

const w = (en: string, fr: string) => ({ en, fr });
const written = w('it is written', 'sa rédaction');
const reason = w(
  'A test module: the rows exist only during the test.',
  'Un module de test : les lignes n’existent que pendant le test.',
);

export const leakyData = defineData<LeakyTables>()({
  module: 'leaky',
  tables: {
    leaky_referrals: {
      about: w('Your referrals', 'Vos parrainages'),
      subject: [{ column: 'member_id', kind: 'account-id', of: ['member'] }],
      purposes: ['service'],
      basis: 'contract',
      retention: { keep: 'P1Y', from: 'created_at', after: written, reason },
      erase: 'delete',
      columns: { note: { category: 'user-content', says: w('What you wrote', 'Ce que vous avez écrit') } },
      nonPersonal: ['id', 'member_id', 'referrer', 'created_at'],
    },
    leaky_drafts: {
      about: w('Your drafts', 'Vos brouillons'),
      subject: [{ column: 'owner_id', kind: 'account-id', of: ['member'] }],
      purposes: ['service'],
      basis: 'contract',
      retention: { keep: 'P1Y', from: 'created_at', after: written, reason },
      erase: 'delete',
      columns: { body: { category: 'user-content', says: w('What you wrote', 'Ce que vous avez écrit') } },
      nonPersonal: ['id', 'owner_id', 'author_id', 'created_at'],
    },
  },
});

export const leakyModule = defineModule({
  name: 'leaky',
  migrations: {
    '20991231_01_leaky_tables': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('leaky_referrals')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('referrer', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('leaky_drafts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner_id', 'text')
          .addColumn('author_id', 'text')
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
  data: [leakyData],
});
