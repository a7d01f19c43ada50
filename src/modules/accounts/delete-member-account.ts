import type { Database } from '../../platform/db/database.js';
import { MemberStore } from './member-store.js';

/**
 * Removes a member's account: ends every session and deletes the account with its links.
 * This is the ONE way an account is deleted (self-service "Delete my account" and, later, staff
 * handling an erasure request); the privacy-rights work replaces its body with erasure across
 * every module's declared data, and every caller follows.
 */
export async function deleteMemberAccount(database: Database, memberId: string): Promise<boolean> {
  return new MemberStore(database).deleteWithSessionsAndLinks(memberId);
}
