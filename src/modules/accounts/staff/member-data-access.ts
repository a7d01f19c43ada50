import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import { type StaffPrincipal, rolePurposes } from '../../../platform/http/staff-access.js';
import type { Purpose } from '../../../privacy/vocabulary.js';

/**
 * The one door through which staff see members' personal data. Each view states its purpose;
 * the staff member's role must allow that purpose (rolePurposes), and the access is logged
 * (who, which purpose, what, how many members; never the data itself). The audit ledger of the
 * privacy work will record the same facts durably, here and nowhere else.
 */
export async function accessMemberData<T>(
  access: { staff: StaffPrincipal; purpose: Purpose; what: string; logger: FastifyBaseLogger },
  read: () => Promise<T[]>,
): Promise<T[]> {
  if (!rolePurposes[access.staff.role].includes(access.purpose)) throw new AppError('VT_FORBIDDEN');
  const rows = await read();
  access.logger.info({ staffId: access.staff.id, purpose: access.purpose, what: access.what, members: rows.length }, 'staff viewed member data');
  return rows;
}
