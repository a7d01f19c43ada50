import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Purpose } from '../../privacy/core/vocabulary.js';
import type { AuditLedger } from '../../privacy/rights/audit-ledger.js';
import type { ErasureService } from '../../privacy/rights/erasure-service.js';
import type { Objections } from '../../privacy/rights/objections.js';
import { type StaffPrincipal, rolePurposes } from './staff-access.js';

/**
 * What staff reads are recorded with: the privacy engine's ledger, its record of objections, and
 * its finding of people (whether an address is a member's).
 */
export interface StaffReadLedger {
  database: Database;
  ledger: AuditLedger;
  objections: Objections;
  erasure: Pick<ErasureService, 'subjectOf'>;
}

/** A person a read shows: their account when they are a member, their address when known. */
export interface ReadSubject {
  memberId?: string | null;
  email?: string | null;
}

export interface MemberDataRead<T> {
  staff: StaffPrincipal;
  purpose: Purpose;
  /** What was read, in a few words ('members list'): the ledger's details and the log line say it. */
  what: string;
  logger: FastifyBaseLogger;
  reads: StaffReadLedger;
  /** The people the result shows: one ledger entry per member among them (none: one entry without a subject). */
  subjects?: (result: T) => readonly ReadSubject[] | Promise<readonly ReadSubject[]>;
  /**
   * The read is of one person's data (one message, one account): refused when they restricted
   * processing or objected to this purpose (a list is not refused for one of its rows).
   */
  single?: boolean;
}

/**
 * The one door through which staff see members' personal data. Each view states its purpose;
 * the staff member's role must allow that purpose (rolePurposes), checked before anything is
 * read; a view of one person whose processing for that purpose is restricted or objected to is
 * refused too. Each read is then written to the privacy ledger (who, the purpose, whose data,
 * what: never the data itself) and logged.
 */
export async function accessMemberData<T>(access: MemberDataRead<T>, read: () => Promise<T>): Promise<T> {
  if (!rolePurposes[access.staff.role].includes(access.purpose)) throw new AppError('VT_FORBIDDEN');
  const result = await read();
  const subjects = access.subjects ? await access.subjects(result) : [];
  if (access.single) {
    for (const subject of subjects) {
      if (!(await access.reads.objections.may(subject, access.purpose))) {
        access.logger.info({ staffId: access.staff.id, purpose: access.purpose }, 'staff read refused: restricted');
        throw new AppError('VT_FORBIDDEN');
      }
    }
  }
  // A list counts its rows; a single record (one message, one member) counts as one when found.
  const records = Array.isArray(result) ? result.length : result === undefined || result === null ? 0 : 1;
  // Nothing found, nothing seen (a mistyped id): only what was shown goes to the ledger.
  if (Array.isArray(result) || records > 0) {
    const members = [...new Set(subjects.flatMap((subject) => (subject.memberId ? [subject.memberId] : [])))];
    await recordStaffRead(access.reads, access.staff, { purpose: access.purpose, what: access.what, members });
  }
  access.logger.info(
    { staffId: access.staff.id, purpose: access.purpose, what: access.what, records },
    'staff viewed member data',
  );
  return result;
}

/**
 * Writes a staff read to the ledger: one entry per member read (so each member sees it among
 * the accesses to their data), in one transaction, or one entry without a subject when the read
 * named no member.
 */
export async function recordStaffRead(
  reads: StaffReadLedger,
  staff: Pick<StaffPrincipal, 'id' | 'role'>,
  read: { purpose: Purpose; what: string; members: readonly string[] },
): Promise<void> {
  const entry = {
    action: 'staff.read' as const,
    actor: { kind: 'staff' as const, id: staff.id },
    purpose: read.purpose,
    details: { what: read.what, role: staff.role },
  };
  await reads.database.db.transaction().execute(async (trx) => {
    if (read.members.length === 0) await reads.ledger.record(entry, trx);
    for (const subjectId of read.members) await reads.ledger.record({ ...entry, subjectId }, trx);
  });
}

/**
 * The people behind addresses (an outbox's recipients), each with their account when the address
 * is a member's: found the way the privacy engine finds a person, through the account table.
 */
export async function subjectsOfAddresses(
  reads: StaffReadLedger,
  addresses: readonly string[],
): Promise<ReadSubject[]> {
  const unique = [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter(Boolean))];
  return Promise.all(
    unique.map(async (email) => {
      const subject = await reads.erasure.subjectOf({ member_id: null, email, subject_emails: null });
      return { memberId: subject.accountId ?? null, email };
    }),
  );
}
