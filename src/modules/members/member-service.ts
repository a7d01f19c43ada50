import type { MemberRow } from './member-tables.js';
import type { CredentialsService } from './credentials-service.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { TableErasure } from '../../privacy/rights/erasure-engine.js';
import type { ErasureService } from '../../privacy/rights/erasure-service.js';
import { type ProfileForm, type ProfileInput, parseProfile } from './member-input.js';
import type { MemberListEntry, MemberStore } from './member-store.js';
import type { SessionService } from '../../platform/auth/session-service.js';

/** A member's own account: reading it, editing the profile, deleting it. */
export class MemberService {
  constructor(
    private readonly members: MemberStore,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly erasure: ErasureService,
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

  /**
   * "Delete my account": the password proves it is the member; they are signed out everywhere at
   * once, and the privacy engine's erasure request (the one way anyone is erased) runs as a job
   * within seconds. Returns what it removes and keeps: the receipt shown now and mailed before the
   * address goes.
   */
  async deleteAccount(member: MemberRow, password: string, ip: string, locale: Locale): Promise<TableErasure[]> {
    await this.credentials.checkCurrentPassword(member, password, ip);
    await this.sessions.endAll(member.id);
    const { plan } = await this.erasure.request(
      { memberId: member.id, email: member.email, channel: 'account', locale },
      { kind: 'member' },
    );
    // The account stops working now, not when the job runs: its password can no longer match.
    await this.members.update(member.id, { password_hash: 'erasure-requested', updated_at: this.now().toISOString() });
    return plan;
  }
}
