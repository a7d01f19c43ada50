import type { Transaction } from 'kysely';
import { type FieldProblems, invalid } from '../../platform/auth/account-input.js';
import type { Database, SomeTables } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { LedgerActor } from '../../privacy/rights/audit-ledger.js';
import { openStatuses } from '../../privacy/rights/privacy-requests.js';
import { detailsMaxLength } from '../../privacy/rights/public-requests.js';
import type { RightsServices } from '../../privacy/rights/rights-services.js';
import {
  type ObjectionPurpose,
  objectionPurposes,
  type PrivacyLedgerRow,
  type PrivacyObjectionRow,
  type PrivacyRequestRow,
  type RightsTables,
} from '../../privacy/rights/rights-tables.js';
import type { StaffDescription } from '../../privacy/rights/staff-directory.js';
import type { MemberRow } from './member-tables.js';

/** A member acting on their own data: the ledger entry's subject says who. */
const self: LedgerActor = { kind: 'member' };

/** Where the member's copy of their data stands: being built, or ready to download until it expires. */
export type CopyState =
  | { state: 'building'; request: PrivacyRequestRow }
  | { state: 'ready'; request: PrivacyRequestRow; expiresAt: string };

/** A staff member's read of the member's data, as the member is told it. */
export interface StaffRead {
  /** The ledger entry's number. */
  seq: number;
  at: string;
  purpose: string | null;
  /** Who, when the back office describes them (name and role), or the role the entry recorded. */
  staff: Partial<StaffDescription>;
}

export interface PrivacyOverview {
  requests: PrivacyRequestRow[];
  copy: CopyState | undefined;
  /** Objections and restriction in force. */
  objections: PrivacyObjectionRow[];
  staffReads: StaffRead[];
  /** The member's own privacy actions and what became of them, newest first (from the ledger). */
  actions: PrivacyLedgerRow[];
}

export type ObjectionScope = ObjectionPurpose;

const isObjectionScope = (value: string): value is ObjectionScope =>
  (objectionPurposes as readonly string[]).includes(value);

/**
 * The member's Privacy area: their rights exercised on their own account, through the privacy
 * engine (requests, export, objections, ledger). Signed in is verified: no proof by email.
 */
export class MemberPrivacy {
  constructor(
    private readonly database: Database,
    private readonly privacy: RightsServices,
    private readonly now: () => Date,
  ) {}

  async overview(member: MemberRow): Promise<PrivacyOverview> {
    const { requests, objections, ledger, staff } = this.privacy;
    const [mine, active, entries] = await Promise.all([
      requests.forMember(member.id),
      objections.active(subjectOf(member)),
      ledger.about(member.id, 50),
    ]);
    const reads = entries.filter((entry) => entry.action === 'staff.read');
    const described = await staff.describe(reads.flatMap((entry) => (entry.actor_id ? [entry.actor_id] : [])));
    return {
      requests: mine,
      copy: this.copyOf(mine),
      objections: active,
      staffReads: reads.map((entry) => ({
        seq: entry.seq,
        at: entry.at,
        purpose: entry.purpose,
        staff: (entry.actor_id && described.get(entry.actor_id)) || { role: roleIn(entry.details) },
      })),
      actions: entries.filter((entry) => entry.action !== 'staff.read'),
    };
  }

  /** Asks for a copy of the member's data (built by a job); one at a time (VT_REQUEST_PENDING). */
  requestCopy(member: MemberRow, locale: Locale): Promise<PrivacyRequestRow> {
    return this.privacy.exports.request(
      { memberId: member.id, email: member.email, channel: 'account', locale },
      { kind: 'member' },
    );
  }

  /** A fresh single-use link to the member's own archive; another's, a used or an expired one: VT_EXPORT_LINK_INVALID. */
  downloadPath(member: MemberRow, requestId: string): Promise<string> {
    return this.privacy.exports.issueLink(requestId, member.id);
  }

  /** A correction of data the member cannot correct on their profile: staff resolve it, and answer. */
  async requestCorrection(member: MemberRow, details: string, locale: Locale): Promise<PrivacyRequestRow> {
    const text = checkedText(details, 'details');
    return this.inTransaction((trx, rights) => this.received(member, 'correction', text, locale, trx, rights));
  }

  /** Objects to a purpose (true) or lifts the objection (false); nothing is recorded when nothing changes. */
  async setObjection(member: MemberRow, scope: string, objecting: boolean): Promise<void> {
    if (!isObjectionScope(scope)) throw new AppError('VT_VALIDATION');
    await this.inTransaction(async (trx, rights) => {
      const { objections, ledger } = this.privacy;
      const changed = objecting
        ? await objections.record(subjectOf(member), scope, null, rights)
        : await objections.lift(subjectOf(member), scope, rights);
      if (changed)
        await ledger.record(
          {
            action: objecting ? 'objection.recorded' : 'objection.lifted',
            actor: self,
            subjectId: member.id,
            purpose: scope,
          },
          trx,
        );
    });
  }

  /**
   * Restricts processing while a dispute is open (art. 18): a request staff look into, and the
   * restriction in force from now on; staff lift it when the dispute ends. One at a time.
   */
  async restrict(member: MemberRow, reason: string, locale: Locale): Promise<PrivacyRequestRow> {
    const text = checkedText(reason, 'reason');
    return this.inTransaction(async (trx, rights) => {
      const subject = subjectOf(member);
      const { objections, ledger } = this.privacy;
      if ((await objections.active(subject, rights)).some((row) => row.scope === 'restriction'))
        throw new AppError('VT_REQUEST_PENDING');
      const request = await this.received(member, 'restriction', text, locale, trx, rights);
      await objections.record(subject, 'restriction', request.id, rights);
      await ledger.record(
        { action: 'restriction.recorded', actor: self, subjectId: member.id, requestId: request.id },
        trx,
      );
      return request;
    });
  }

  /** Records the member's request (verified: they are signed in) and its receipt in the ledger. */
  private async received(
    member: MemberRow,
    kind: 'correction' | 'restriction',
    details: string,
    locale: Locale,
    trx: Transaction<SomeTables>,
    rights: Transaction<RightsTables>,
  ): Promise<PrivacyRequestRow> {
    const request = await this.privacy.requests.create(
      { kind, channel: 'account', memberId: member.id, email: member.email, locale, details, verified: true },
      rights,
    );
    await this.privacy.ledger.record(
      {
        action: 'request.received',
        actor: self,
        subjectId: member.id,
        requestId: request.id,
        details: { kind, channel: 'account' },
      },
      trx,
    );
    return request;
  }

  /** The latest access request, while it is built or while its archive can still be downloaded. */
  private copyOf(requests: readonly PrivacyRequestRow[]): CopyState | undefined {
    const latest = requests.find((request) => request.kind === 'access');
    if (!latest) return undefined;
    if (openStatuses.includes(latest.status)) return { state: 'building', request: latest };
    const expiresAt = latest.download_expires_at;
    const downloadable = latest.status === 'done' && latest.archive_file && !latest.downloaded_at && expiresAt !== null;
    return downloadable && expiresAt > this.now().toISOString()
      ? { state: 'ready', request: latest, expiresAt }
      : undefined;
  }

  /** One transaction: the ledger takes it as is, the engine's stores as its own tables. */
  private inTransaction<T>(work: (trx: Transaction<SomeTables>, rights: Transaction<RightsTables>) => Promise<T>) {
    return this.database.db.transaction().execute((trx) => work(trx, trx as unknown as Transaction<RightsTables>));
  }
}

function subjectOf(member: MemberRow) {
  return { memberId: member.id, email: member.email };
}

/** The person's own words (a correction, a dispute): required, and at most what the public form allows. */
function checkedText(value: string, field: string): string {
  const text = value.trim();
  const problems: FieldProblems = {};
  if (!text) problems[field] = 'required';
  else if ([...text].length > detailsMaxLength) problems[field] = 'too-long';
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return text;
}

/** The role a staff read recorded in its details, if any (until the back office names staff). */
function roleIn(details: string | null): string | undefined {
  if (!details) return undefined;
  try {
    const role = (JSON.parse(details) as Record<string, unknown>).role;
    return typeof role === 'string' ? role : undefined;
  } catch {
    return undefined;
  }
}
