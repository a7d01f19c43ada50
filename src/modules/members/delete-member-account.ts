import type { Database } from '../../platform/db/database.js';
import { MemberStore } from './member-store.js';
import type { SessionService } from '../../platform/auth/session-service.js';

/**
 * Removes a member's account: ends every session and deletes the account with its links.
 * This is the ONE way an account is deleted (self-service "Delete my account" and, later, staff
 * handling an erasure request); the privacy-rights work replaces its body with erasure across
 * every module's declared data, and every caller follows.
 */
export async function deleteMemberAccount(
  deps: { database: Database; sessions: SessionService },
  memberId: string,
): Promise<boolean> {
  // Through the session service first: it also drops this process's cached copies at once.
  await deps.sessions.endAll(memberId);
  return new MemberStore(deps.database).deleteWithSessionsAndLinks(memberId);
}
