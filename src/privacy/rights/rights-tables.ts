/** The privacy-rights engine's tables (migrations/20261203_40_privacy_rights.ts). */

export const requestKinds = ['access', 'correction', 'erasure', 'restriction', 'objection'] as const;
export type RequestKind = (typeof requestKinds)[number];

/**
 * Self-service from the member's Privacy area, the public form (proven by email), recorded by
 * staff from an email or a letter, or an erasure replayed after a backup was restored.
 */
export const requestChannels = ['account', 'web-form', 'email', 'post', 'replay'] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** A request's life (GDPR art. 12): received, identity verified, in progress, then done or refused. */
export const requestStatuses = ['received', 'verified', 'in-progress', 'done', 'refused'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export interface PrivacyRequestRow {
  id: string;
  kind: RequestKind;
  channel: RequestChannel;
  status: RequestStatus;
  /** The member the request is about, when it is about an account. */
  member_id: string | null;
  /** The address the request is about (a member's at the time, or a person without an account's). */
  email: string | null;
  /**
   * Every address the request covers (JSON array, lower-cased), found when it starts: an erasure
   * interrupted after the account is gone still knows the addresses its remaining steps look for.
   */
  subject_emails: string | null;
  locale: string;
  /** What the person asks: the correction wanted, the dispute a restriction is for (their words). */
  details: string | null;
  /** What the shop answered: the correction made, the reason for a refusal or an extension. */
  answer: string | null;
  received_at: string;
  verified_at: string | null;
  /** One calendar month after receipt (art. 12(3)); three when extended, with a reason sent to the person. */
  due_at: string;
  extended_at: string | null;
  reminded_at: string | null;
  closed_at: string | null;
  /** The staff member handling it, if any. */
  handled_by: string | null;
  /** Hash of the secret of the link that proves the address (a request without an account). */
  proof_hash: string | null;
  proof_expires_at: string | null;
  /** An access request's archive: how far it is built (0–100), its file, and its single-use download link. */
  progress: number;
  archive_file: string | null;
  download_hash: string | null;
  download_expires_at: string | null;
  downloaded_at: string | null;
  updated_at: string;
}

/** One module's share of an erasure, done in its own transaction; the request resumes after the last one done. */
export interface PrivacyErasureStepRow {
  request_id: string;
  module: string;
  done_at: string;
  /** What was removed and kept, by table (counts and column names, no values): the receipt is built from it. */
  summary: string;
}

/** Held columns of rows an erasure kept: released (erased) by a scheduled job when the hold ends. */
export interface PrivacyHoldRow {
  id: string;
  request_id: string;
  table_name: string;
  /** JSON array of the held column names. */
  columns: string;
  /** JSON object of the row's primary key (never a personal column: checked when the hold is made). */
  row_key: string;
  release_at: string;
  released_at: string | null;
  created_at: string;
}

export const objectionPurposes = ['marketing', 'statistics'] as const;
export type ObjectionPurpose = (typeof objectionPurposes)[number];

/**
 * What a person said no to: an objection to one purpose (marketing, statistics), or a restriction
 * of all processing but storage while a dispute is open (art. 18). Active until lifted.
 */
export interface PrivacyObjectionRow {
  id: string;
  member_id: string | null;
  email: string | null;
  /** A purpose objected to, or 'restriction' (every purpose but keeping the data and legal duties). */
  scope: ObjectionPurpose | 'restriction';
  request_id: string | null;
  created_at: string;
  lifted_at: string | null;
}

/**
 * The append-only audit ledger: each entry's hash covers the one before it, so that a change to
 * any entry, or its removal, breaks the chain from there on (privacy:verify-ledger finds it).
 * Personal columns (actor_id, subject_id) may be erased; `commitment` (a keyed hash of them and the
 * entry's number) is what the chain covers, so an erasure does not break it.
 */
export interface PrivacyLedgerRow {
  seq: number;
  at: string;
  action: string;
  actor_kind: 'staff' | 'member' | 'person' | 'system' | 'cli';
  actor_id: string | null;
  subject_id: string | null;
  request_id: string | null;
  purpose: string | null;
  /** JSON of facts without personal data: what was read, how many rows, which modules. */
  details: string | null;
  commitment: string;
  prev_hash: string;
  hash: string;
}

export interface RightsTables {
  privacy_requests: PrivacyRequestRow;
  privacy_erasure_steps: PrivacyErasureStepRow;
  privacy_holds: PrivacyHoldRow;
  privacy_objections: PrivacyObjectionRow;
  privacy_ledger: PrivacyLedgerRow;
}
