import type { Kysely } from 'kysely';
import { type Database, tablesOf } from '../../platform/db/database.js';
import type { LegalTables } from './legal-tables.js';

export type TermsVersionRow = LegalTables['legal_terms_versions'];

/** The published versions of the terms: the only code that touches the table. */
export class TermsStore {
  private readonly db: Kysely<LegalTables>;

  constructor(database: Database) {
    this.db = tablesOf<LegalTables>(database);
  }

  /** Records a version unless it is known (two processes starting at once record it once). */
  async record(row: TermsVersionRow): Promise<void> {
    await this.db
      .insertInto('legal_terms_versions')
      .values(row)
      .onConflict((c) => c.column('version').doNothing())
      .execute();
  }

  find(version: string): Promise<TermsVersionRow | undefined> {
    return this.db.selectFrom('legal_terms_versions').selectAll().where('version', '=', version).executeTakeFirst();
  }
}
