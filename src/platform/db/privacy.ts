import { defineData } from '../../privacy/core/declare.js';

/** Kysely's own bookkeeping: which migrations ran, and the lock taken while they run. */
export const migrationData = defineData({
  module: 'platform',
  tables: {
    kysely_migration: { about: 'names of the schema migrations applied', nonPersonal: ['name', 'timestamp'] },
    kysely_migration_lock: { about: 'the lock held while migrations run', nonPersonal: ['id', 'is_locked'] },
  },
});
