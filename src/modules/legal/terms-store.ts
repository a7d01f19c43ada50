import type { Kysely } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { LegalTables } from './legal-tables.js';

export type TermsVersionRow = LegalTables['legal_terms_versions'];

/** The published versions of the terms: the only code that touches the table. */
export class TermsStore {
  private readonly db: Kysely<LegalTables>;

  constructor(database: Database) {
    this.db = tablesOf<LegalTables>(database);
  }

  /**
   * Records a version unless it is known, and returns the version as recorded: processes that
   * start serving the same text at once all get the first one's row (its date is the version's).
   */
  async record(version: Omit<TermsVersionRow, 'id'>): Promise<TermsVersionRow> {
    await this.db
      .insertInto('legal_terms_versions')
      .values({ id: randomId(), ...version })
      .onConflict((c) => c.column('version').doNothing())
      .execute();
    const row = await this.find(version.version);
    if (!row) throw new Error(`Terms version ${version.version} was recorded but cannot be read back`);
    return row;
  }

  /** `db`: a caller's open transaction, read through (on SQLite a query beside it would wait for it forever). */
  find(version: string, db: Executor<LegalTables> = this.db): Promise<TermsVersionRow | undefined> {
    return db.selectFrom('legal_terms_versions').selectAll().where('version', '=', version).executeTakeFirst();
  }
}
