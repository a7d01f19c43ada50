import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { type StaffPrincipal, rolePurposes } from './staff-access.js';
import type { Purpose } from '../../privacy/core/vocabulary.js';

/**
 * The one door through which staff see members' personal data. Each view states its purpose;
 * the staff member's role must allow that purpose (rolePurposes), and the access is logged
 * (who, which purpose, what, how many members; never the data itself). The audit ledger of the
 * privacy work will record the same facts durably, here and nowhere else.
 */
export async function accessMemberData<T>(
  access: { staff: StaffPrincipal; purpose: Purpose; what: string; logger: FastifyBaseLogger },
  read: () => Promise<T>,
): Promise<T> {
  if (!rolePurposes[access.staff.role].includes(access.purpose)) throw new AppError('VT_FORBIDDEN');
  const result = await read();
  // A list counts its rows; a single record (one message, one member) counts as one when found.
  const records = Array.isArray(result) ? result.length : result === undefined || result === null ? 0 : 1;
  access.logger.info(
    { staffId: access.staff.id, purpose: access.purpose, what: access.what, records },
    'staff viewed member data',
  );
  return result;
}
