import type { Kysely } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { Purpose } from '../core/vocabulary.js';
import type { ObjectionPurpose, PrivacyObjectionRow, RightsTables } from './rights-tables.js';

/** Whose processing is asked about: a member (by account, and address), or anyone by address. */
export interface ProcessingSubject {
  memberId?: string | null;
  email?: string | null;
}

/**
 * While processing is restricted (art. 18), only these go on: keeping the data and legal duties,
 * security, proving consent, and the service the person themself asks for (signing in, their own
 * orders). Everything else (notices, support, marketing, statistics) waits.
 */
const allowedWhileRestricted: readonly Purpose[] = ['legal', 'security', 'consent-records', 'service'];

/**
 * Objections (to marketing, to statistics), restrictions, and withdrawals of consent, recorded
 * once; any module asks `may(subject, purpose)` before it processes a person's data for a purpose.
 */
export class Objections {
  private readonly db: Kysely<RightsTables>;

  constructor(
    database: Database,
    private readonly now: () => Date,
  ) {
    this.db = tablesOf<RightsTables>(database);
  }

  /** Whether the shop may process this person's data for this purpose now. */
  async may(subject: ProcessingSubject, purpose: Purpose): Promise<boolean> {
    const active = await this.active(subject);
    return !active.some(
      (row) => row.scope === purpose || (row.scope === 'restriction' && !allowedWhileRestricted.includes(purpose)),
    );
  }

  /** The person's objections and restriction still in force. */
  active(subject: ProcessingSubject, db: Executor<RightsTables> = this.db): Promise<PrivacyObjectionRow[]> {
    const email = subject.email?.trim().toLowerCase();
    if (!subject.memberId && !email) return Promise.resolve([]);
    return db
      .selectFrom('privacy_objections')
      .selectAll()
      .where('lifted_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(subject.memberId ? [eb('member_id', '=', subject.memberId)] : []),
          ...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : []),
        ]),
      )
      .orderBy('created_at')
      .execute();
  }

  /** Records an objection (or a restriction); nothing changes if the same one is already in force. */
  async record(
    subject: ProcessingSubject,
    scope: ObjectionPurpose | 'restriction',
    requestId: string | null,
    db: Executor<RightsTables> = this.db,
  ): Promise<boolean> {
    if ((await this.active(subject, db)).some((row) => row.scope === scope)) return false;
    await db
      .insertInto('privacy_objections')
      .values({
        id: randomId(),
        member_id: subject.memberId ?? null,
        email: subject.email?.trim().toLowerCase() ?? null,
        scope,
        request_id: requestId,
        created_at: this.now().toISOString(),
        lifted_at: null,
      })
      .execute();
    return true;
  }

  /** Lifts an objection or restriction in force; false if there was none. */
  async lift(
    subject: ProcessingSubject,
    scope: ObjectionPurpose | 'restriction',
    db: Executor<RightsTables> = this.db,
  ): Promise<boolean> {
    const ids = (await this.active(subject, db)).filter((row) => row.scope === scope).map((row) => row.id);
    if (ids.length === 0) return false;
    await db
      .updateTable('privacy_objections')
      .set({ lifted_at: this.now().toISOString() })
      .where('id', 'in', ids)
      .execute();
    return true;
  }
}
