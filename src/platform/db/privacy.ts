import { defineData } from '../../privacy/core/declare.js';

/** Kysely's own bookkeeping tables, as its migrator creates them. */
interface MigrationTables {
  kysely_migration: { name: string; timestamp: string };
  kysely_migration_lock: { id: string; is_locked: number };
}

/** Which migrations ran, and the lock taken while they run. */
export const migrationData = defineData<MigrationTables>()({
  module: 'platform',
  tables: {
    kysely_migration: {
      about: {
        en: 'The names of the database changes applied, and when.',
        fr: 'Les noms des modifications de la base appliquées, et quand.',
      },
      nonPersonal: ['name', 'timestamp'],
    },
    kysely_migration_lock: {
      about: {
        en: 'The lock held while database changes are applied.',
        fr: 'Le verrou tenu pendant l’application des modifications de la base.',
      },
      nonPersonal: ['id', 'is_locked'],
    },
  },
});
