import type { Kysely, Transaction } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../core/languages.js';
import { requestDeadline } from './deadline.js';
import type { PrivacyRequestRow, RequestChannel, RequestKind, RequestStatus, RightsTables } from './rights-tables.js';

export interface NewRequest {
  kind: RequestKind;
  channel: RequestChannel;
  memberId?: string | null;
  email?: string | null;
  locale: Locale;
  details?: string | null;
  /** A signed-in member, or staff who checked the person's identity: no proof by email is needed. */
  verified: boolean;
  handledBy?: string | null;
}

/** Who a request that runs at once (an erasure, a copy) is about, how it came, and who handles it. */
export interface RunRequest {
  memberId?: string | null;
  email?: string | null;
  channel: RequestChannel;
  locale: Locale;
  /** The staff member who recorded it, if any. */
  handledBy?: string;
}

export const openStatuses: readonly RequestStatus[] = ['received', 'verified', 'in-progress'];

/**
 * Privacy requests and their legal deadlines: every request, whatever its channel (the member's
 * Privacy area, the public form proven by email, or recorded by staff from a letter or an email),
 * is one row here, and runs through the same engine.
 */
export class PrivacyRequests {
  private readonly db: Kysely<RightsTables>;

  constructor(
    database: Database,
    private readonly now: () => Date,
  ) {
    this.db = tablesOf<RightsTables>(database);
  }

  async create(input: NewRequest, db: Executor<RightsTables> = this.db): Promise<PrivacyRequestRow> {
    const now = this.now();
    const row: PrivacyRequestRow = {
      id: randomId(),
      kind: input.kind,
      channel: input.channel,
      status: input.verified ? 'verified' : 'received',
      member_id: input.memberId ?? null,
      email: input.email?.trim().toLowerCase() || null,
      subject_emails: null,
      locale: input.locale,
      details: input.details?.trim() || null,
      answer: null,
      received_at: now.toISOString(),
      verified_at: input.verified ? now.toISOString() : null,
      due_at: requestDeadline(now, false).toISOString(),
      extended_at: null,
      reminded_at: null,
      closed_at: null,
      handled_by: input.handledBy ?? null,
      proof_hash: null,
      proof_expires_at: null,
      progress: 0,
      archive_file: null,
      download_hash: null,
      download_expires_at: null,
      downloaded_at: null,
      updated_at: now.toISOString(),
    };
    await db.insertInto('privacy_requests').values(row).execute();
    return row;
  }

  find(id: string, db: Executor<RightsTables> = this.db): Promise<PrivacyRequestRow | undefined> {
    return db.selectFrom('privacy_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A request, or a clear 404: a forged or mistyped id reveals nothing. */
  async get(id: string, db: Executor<RightsTables> = this.db): Promise<PrivacyRequestRow> {
    const row = await this.find(id, db);
    if (!row) throw new AppError('VT_REQUEST_NOT_FOUND');
    return row;
  }

  /** A member's own requests, newest first (their Privacy area). */
  forMember(memberId: string, limit = 50): Promise<PrivacyRequestRow[]> {
    return this.db
      .selectFrom('privacy_requests')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** The staff queue: open requests by deadline, or closed ones newest first. */
  list(filter: { open: boolean; limit: number; offset: number }): Promise<PrivacyRequestRow[]> {
    const query = this.db.selectFrom('privacy_requests').selectAll();
    return (
      filter.open
        ? query
            .where('status', 'in', [...openStatuses])
            .orderBy('due_at')
            .orderBy('id')
        : query
            .where('status', 'not in', [...openStatuses])
            .orderBy('closed_at', 'desc')
            .orderBy('id')
    )
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  }

  async update(
    id: string,
    patch: Partial<Omit<PrivacyRequestRow, 'id' | 'received_at'>>,
    db: Executor<RightsTables> = this.db,
  ): Promise<void> {
    await db
      .updateTable('privacy_requests')
      .set({ ...patch, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Moves a request on, refusing a move from a closed request (a double submit, a stale page), or
   * a second start of one already in progress. The move is a conditional update, so of two
   * concurrent moves only one wins, even on PostgreSQL.
   */
  async moveTo(
    id: string,
    status: RequestStatus,
    patch: Partial<PrivacyRequestRow>,
    trx: Transaction<RightsTables>,
  ): Promise<PrivacyRequestRow> {
    const row = await this.get(id, trx);
    const from = status === 'in-progress' ? openStatuses.filter((s) => s !== 'in-progress') : openStatuses;
    const closing = status === 'done' || status === 'refused';
    const now = this.now().toISOString();
    const moved = await trx
      .updateTable('privacy_requests')
      .set({ ...patch, status, updated_at: now, ...(closing ? { closed_at: now } : {}) })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('VT_REQUEST_CLOSED');
    return { ...row, ...patch, status };
  }

  /**
   * Deletes requests from the public form whose address was never confirmed, a week after their
   * link expired: anyone can type any address, and a request its owner never made is not kept
   * for the years a real one is.
   */
  async forgetUnconfirmed(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const result = await this.db
      .deleteFrom('privacy_requests')
      .where('status', '=', 'received')
      .where('verified_at', 'is', null)
      .where('proof_expires_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Open requests whose deadline falls before `before` and that no reminder has been sent for since `since`. */
  dueSoon(before: Date): Promise<PrivacyRequestRow[]> {
    return this.db
      .selectFrom('privacy_requests')
      .selectAll()
      .where('status', 'in', [...openStatuses])
      .where('due_at', '<', before.toISOString())
      .where('reminded_at', 'is', null)
      .orderBy('due_at')
      .execute();
  }
}
