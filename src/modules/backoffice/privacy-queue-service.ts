import type { Transaction } from 'kysely';
import { invalid } from '../../platform/auth/account-input.js';
import type { Database, SomeTables } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { LedgerActor, LedgerEntry } from '../../privacy/rights/audit-ledger.js';
import { requestDeadline } from '../../privacy/rights/deadline.js';
import { openStatuses } from '../../privacy/rights/privacy-requests.js';
import type { RightsServices } from '../../privacy/rights/rights-services.js';
import type {
  PrivacyLedgerRow,
  PrivacyRequestRow,
  RequestKind,
  RightsTables,
} from '../../privacy/rights/rights-tables.js';
import type { MemberServices } from '../members/index.js';
import { parseRecordForm, type RecordForm, requiredText } from './privacy-queue-input.js';
import { privacyRequestMail } from './privacy-queue-mail.js';
import type { StaffPrincipal } from './staff-access.js';

/** A request as the queue shows it: who it is about (a member's username, or the address). */
export interface QueueEntry {
  request: PrivacyRequestRow;
  who: string;
  member: boolean;
}

export interface RequestDetail extends QueueEntry {
  /** The request's history, oldest first, with the names of the staff who acted. */
  history: PrivacyLedgerRow[];
  staffNames: Map<string, string>;
  /** For a restriction: whether it is in force. */
  restricted: boolean;
}

type Staff = Pick<StaffPrincipal, 'id' | 'role'>;
/** A step's work, in its transaction; `mailTo` is the person's address (read before: SQLite has one connection). */
type Work = (
  row: PrivacyRequestRow,
  trx: Transaction<SomeTables>,
  rights: Transaction<RightsTables>,
  mailTo: string | null,
) => Promise<void>;

const isOpen = (row: PrivacyRequestRow) => openStatuses.includes(row.status);
const actorOf = (staff: Staff): LedgerActor => ({ kind: 'staff', id: staff.id });
const closed = () => new AppError('VT_REQUEST_CLOSED');

/**
 * The staff side of privacy requests (/admin/privacy): every request, whatever its channel, by
 * legal deadline; requests received by post or email recorded; identity verified; each kind run
 * through the privacy engine (an archive, an erasure, an objection) or answered by staff (a
 * correction, the end of a restriction); an extension or a refusal with its reason mailed to the
 * person. Every step is written to the ledger with the staff member who took it.
 *
 * A step checks the request's status and claims its row in the transaction that changes it, so
 * a double submit, a stale page or two staff members at once get VT_REQUEST_CLOSED, never a
 * second mail.
 */
export class PrivacyQueue {
  constructor(
    private readonly deps: {
      database: Database;
      privacy: RightsServices;
      members: MemberServices['members'];
      mail: MailService;
      shop: () => ShopIdentity;
      now: () => Date;
    },
  ) {}

  /** Open requests by deadline (all of them), and a page of closed ones, newest first. */
  async queue(closedOffset: number, pageSize: number) {
    const { requests } = this.deps.privacy;
    const [open, closedRows] = await Promise.all([
      requests.list({ open: true, limit: 1000, offset: 0 }),
      requests.list({ open: false, limit: pageSize + 1, offset: closedOffset }),
    ]);
    const shown = closedRows.slice(0, pageSize);
    const who = await this.usernames([...open, ...shown]);
    const entry = (request: PrivacyRequestRow) => this.entryOf(request, who);
    return { open: open.map(entry), closed: shown.map(entry), moreClosed: closedRows.length > pageSize };
  }

  /** One request with its history; a forged or unknown id: VT_REQUEST_NOT_FOUND. */
  async detail(id: string): Promise<RequestDetail> {
    const { requests, ledger, objections, staff } = this.deps.privacy;
    const request = await requests.get(id);
    const [who, history, active] = await Promise.all([
      this.usernames([request]),
      ledger.forRequest(id),
      objections.active({ memberId: request.member_id, email: request.email }),
    ]);
    const described = await staff.describe(history.flatMap((entry) => (entry.actor_id ? [entry.actor_id] : [])));
    return {
      ...this.entryOf(request, who),
      history,
      staffNames: new Map([...described].map(([staffId, description]) => [staffId, description.name])),
      restricted: active.some((row) => row.scope === 'restriction'),
    };
  }

  /** Records a request received by post or email; verified at once when staff checked who sent it. */
  async record(staff: Staff, form: RecordForm): Promise<PrivacyRequestRow> {
    const { channel, kind, locale, person, details, verified } = parseRecordForm(form);
    const found = await this.personOf(person);
    const { requests, ledger, objections } = this.deps.privacy;
    if (kind === 'access' && found.memberId && (await this.hasOpen(found.memberId, 'access')))
      throw new AppError('VT_REQUEST_PENDING');
    return this.inTransaction(async (trx, rights) => {
      const request = await requests.create(
        { kind, channel, memberId: found.memberId, email: found.email, locale, details, verified, handledBy: staff.id },
        rights,
      );
      const entry = { actor: actorOf(staff), requestId: request.id, subjectId: found.memberId };
      await ledger.record({ ...entry, action: 'request.received', details: { kind, channel } }, trx);
      if (verified) await ledger.record({ ...entry, action: 'request.verified', details: { kind } }, trx);
      if (verified && kind === 'restriction') {
        await objections.record({ memberId: found.memberId, email: found.email }, 'restriction', request.id, rights);
        await ledger.record({ ...entry, action: 'restriction.recorded' }, trx);
      }
      return request;
    });
  }

  /** Staff checked the person's identity: the request can run. A restriction is in force from now. */
  verify(staff: Staff, id: string): Promise<void> {
    return this.step(
      staff,
      id,
      (row) => {
        if (row.status !== 'received') throw closed();
      },
      async (row, trx, rights) => {
        const now = this.deps.now().toISOString();
        const { requests, objections } = this.deps.privacy;
        await requests.moveTo(
          row.id,
          'verified',
          { verified_at: now, proof_hash: null, proof_expires_at: null },
          rights,
        );
        await this.log(staff, row, 'request.verified', trx, { kind: row.kind });
        if (row.kind === 'restriction') {
          await objections.record(subjectOf(row), 'restriction', row.id, rights);
          await this.log(staff, row, 'restriction.recorded', trx);
        }
      },
    );
  }

  /**
   * Runs a verified request: an access request builds the archive and an erasure erases (both
   * jobs of the privacy engine, which close the request); an objection to marketing is recorded
   * and done; a correction or a restriction is under way until staff answer it or lift it.
   */
  async start(staff: Staff, id: string): Promise<void> {
    const row = await this.deps.privacy.requests.get(id);
    if (row.status !== 'verified') {
      if (row.status === 'received') throw invalid({ request: 'not-verified' });
      throw closed();
    }
    const { exports, erasure, objections, requests } = this.deps.privacy;
    if (row.kind === 'access') return exports.start(row, actorOf(staff));
    if (row.kind === 'erasure') return erasure.start(row, actorOf(staff));
    return this.step(
      staff,
      id,
      (current) => {
        if (current.status !== 'verified') throw closed();
      },
      async (current, trx, rights) => {
        if (current.kind === 'objection') {
          await objections.record(subjectOf(current), 'marketing', current.id, rights);
          await this.log(staff, current, 'objection.recorded', trx, undefined, 'marketing');
          await requests.moveTo(current.id, 'done', {}, rights);
          await this.log(staff, current, 'request.done', trx, { kind: current.kind });
          return;
        }
        // A restriction recorded by its member is in force already; one that is not, from now.
        if (current.kind === 'restriction' && (await objections.record(subjectOf(current), 'restriction', id, rights)))
          await this.log(staff, current, 'restriction.recorded', trx);
        await requests.moveTo(current.id, 'in-progress', {}, rights);
        await this.log(staff, current, 'request.status', trx, { status: 'in-progress' });
      },
    );
  }

  /** Two further months (art. 12(3)), once, with the reason mailed to the person. */
  extend(staff: Staff, id: string, reason: string): Promise<void> {
    const text = requiredText(reason, 'reason');
    return this.step(
      staff,
      id,
      (row) => {
        if (row.extended_at) throw closed();
      },
      async (row, trx, rights, mailTo) => {
        const due = requestDeadline(new Date(row.received_at), true).toISOString();
        const now = this.deps.now().toISOString();
        // Reminded again before the new deadline.
        await this.deps.privacy.requests.update(
          row.id,
          { due_at: due, extended_at: now, answer: text, reminded_at: null },
          rights,
        );
        await this.log(staff, row, 'request.extended', trx, { due });
        await this.mailPerson(row, mailTo, trx, (mail) => mail.extended(due, text));
      },
    );
  }

  /** Refuses with a reason, mailed with the right to complain (art. 12(4)); a restriction refused ends. */
  refuse(staff: Staff, id: string, reason: string): Promise<void> {
    const text = requiredText(reason, 'reason');
    return this.step(
      staff,
      id,
      (row) => {
        // An archive or an erasure under way is the engine's to finish: it cannot be taken back.
        if (row.status === 'in-progress' && (row.kind === 'access' || row.kind === 'erasure'))
          throw invalid({ request: 'running' });
      },
      async (row, trx, rights, mailTo) => {
        if (row.kind === 'restriction') await this.endRestriction(staff, row, trx, rights);
        await this.deps.privacy.requests.moveTo(row.id, 'refused', { answer: text }, rights);
        await this.log(staff, row, 'request.refused', trx, { kind: row.kind });
        await this.mailPerson(row, mailTo, trx, (mail) => mail.refused(text));
      },
    );
  }

  /**
   * Closes a correction with what was done (mailed, and shown on the member's Privacy page), or
   * lifts a restriction once its dispute is settled (the person is told, art. 18(3)).
   */
  close(staff: Staff, id: string, kind: 'correction' | 'restriction', answer: string): Promise<void> {
    const text = requiredText(answer, 'answer');
    return this.step(
      staff,
      id,
      (row) => {
        if (row.kind !== kind) throw invalid({ request: 'kind' });
        if (row.status === 'received') throw invalid({ request: 'not-verified' });
      },
      async (row, trx, rights, mailTo) => {
        const told = (mail: ReturnType<typeof privacyRequestMail>) =>
          kind === 'correction' ? mail.corrected(text) : mail.restrictionLifted(text);
        await this.mailPerson(row, mailTo, trx, told);
        if (kind === 'restriction') await this.endRestriction(staff, row, trx, rights);
        await this.deps.privacy.requests.moveTo(row.id, 'done', { answer: text }, rights);
        await this.log(staff, row, 'request.done', trx, { kind: row.kind });
      },
    );
  }

  /**
   * One step on an open request, in one transaction: its row is read, checked, then claimed (a
   * write conditioned on what was read: of two at once, the second waits, then finds it changed).
   */
  private async step(staff: Staff, id: string, check: (row: PrivacyRequestRow) => void, work: Work): Promise<void> {
    const mailTo = await this.addressOf(await this.deps.privacy.requests.get(id));
    return this.inTransaction(async (trx, rights) => {
      const row = await this.deps.privacy.requests.get(id, rights);
      if (!isOpen(row)) throw closed();
      check(row);
      const claimed = await rights
        .updateTable('privacy_requests')
        .set({ updated_at: this.deps.now().toISOString(), handled_by: staff.id })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .where('extended_at', row.extended_at === null ? 'is' : '=', row.extended_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw closed();
      await work(row, trx, rights, mailTo);
    });
  }

  private async endRestriction(
    staff: Staff,
    row: PrivacyRequestRow,
    trx: Transaction<SomeTables>,
    rights: Transaction<RightsTables>,
  ) {
    if (await this.deps.privacy.objections.lift(subjectOf(row), 'restriction', rights))
      await this.log(staff, row, 'restriction.lifted', trx);
  }

  private log(
    staff: Staff,
    row: PrivacyRequestRow,
    action: LedgerEntry['action'],
    trx: Transaction<SomeTables>,
    details?: LedgerEntry['details'],
    purpose?: LedgerEntry['purpose'],
  ) {
    return this.deps.privacy.ledger.record(
      { action, actor: actorOf(staff), requestId: row.id, subjectId: row.member_id, details, purpose },
      trx,
    );
  }

  /** Where the person is written to: their account's address when they are a member, else the request's. */
  private async addressOf(row: PrivacyRequestRow): Promise<string | null> {
    const member = row.member_id ? await this.deps.members.find(row.member_id) : undefined;
    return member?.email ?? row.email;
  }

  /** Mails the person, in the transaction of the step it tells them about. */
  private async mailPerson(
    row: PrivacyRequestRow,
    to: string | null,
    trx: Transaction<SomeTables>,
    write: (mail: ReturnType<typeof privacyRequestMail>) => MailMessage,
  ) {
    if (to) await this.deps.mail.queue(trx, write(privacyRequestMail(this.deps.shop(), row, to)));
  }

  /**
   * The person a recorded request is about: an address (a member's when it is their account's,
   * found as the engine finds people), or a member's username (which must exist).
   */
  private async personOf(person: string): Promise<{ memberId: string | null; email: string }> {
    if (person.includes('@')) {
      const subject = await this.deps.privacy.erasure.subjectOf({
        member_id: null,
        email: person,
        subject_emails: null,
      });
      return { memberId: subject.accountId ?? null, email: person };
    }
    const wanted = person.toLowerCase();
    const member = (await this.deps.members.listForStaff(person, 100, 0)).find(
      (entry) => entry.username.toLowerCase() === wanted,
    );
    if (!member) throw invalid({ person: 'member-unknown' });
    return { memberId: member.id, email: member.email };
  }

  private async hasOpen(memberId: string, kind: RequestKind): Promise<boolean> {
    const mine = await this.deps.privacy.requests.forMember(memberId);
    return mine.some((request) => request.kind === kind && isOpen(request));
  }

  /** Members' usernames by id, through the members module's service. */
  private async usernames(rows: readonly PrivacyRequestRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => (row.member_id ? [row.member_id] : [])))];
    const found = await Promise.all(ids.map((memberId) => this.deps.members.find(memberId)));
    return new Map(found.flatMap((member) => (member ? [[member.id, member.username] as const] : [])));
  }

  private entryOf(request: PrivacyRequestRow, usernames: Map<string, string>): QueueEntry {
    const username = request.member_id ? usernames.get(request.member_id) : undefined;
    return { request, who: username ?? request.email ?? '—', member: username !== undefined };
  }

  private inTransaction<T>(work: (trx: Transaction<SomeTables>, rights: Transaction<RightsTables>) => Promise<T>) {
    return this.deps.database.db.transaction().execute((trx) => work(trx, trx as unknown as Transaction<RightsTables>));
  }
}

const subjectOf = (row: PrivacyRequestRow) => ({ memberId: row.member_id, email: row.email });
