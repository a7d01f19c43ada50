import type { Database } from '../../platform/db/database.js';
import type { MemberRow } from './member-tables.js';
import type { CredentialsService } from './credentials-service.js';
import { deleteMemberAccount } from './delete-member-account.js';
import { type ProfileForm, type ProfileInput, parseProfile } from './member-input.js';
import type { MemberListEntry, MemberStore } from './member-store.js';
import type { SessionService } from '../../platform/auth/session-service.js';

/** A member's own account: reading it, editing the profile, deleting it. */
export class MemberService {
  constructor(
    private readonly database: Database,
    private readonly members: MemberStore,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly now: () => Date,
  ) {}

  find(id: string): Promise<MemberRow | undefined> {
    return this.members.findById(id);
  }

  /** The members list of the back office (the caller audits the access: member-data-access.ts). */
  listForStaff(text: string, limit: number, offset: number): Promise<MemberListEntry[]> {
    return this.members.search(text, limit, offset);
  }

  /**
   * A session of the member was used: the account is active. Retention counts three years from
   * the last activity (last_seen_at), and a member remembered for months never signs in again.
   */
  noteActivity(id: string): Promise<void> {
    const now = this.now();
    return this.members.touchLastSeen(id, now.toISOString(), new Date(now.getTime() - 86_400_000).toISOString());
  }

  async updateProfile(member: MemberRow, form: ProfileForm): Promise<ProfileInput> {
    const profile = parseProfile(form);
    await this.members.update(member.id, { ...profile, updated_at: this.now().toISOString() });
    return profile;
  }

  /** "Delete my account": the password proves it is the member, then the one deletion function. */
  async deleteAccount(member: MemberRow, password: string, ip: string): Promise<void> {
    await this.credentials.checkCurrentPassword(member, password, ip);
    await deleteMemberAccount({ database: this.database, sessions: this.sessions }, member.id);
  }
}
