import type { Transaction } from 'kysely';
import { emailKey, emailProblem, type FieldProblems, invalid } from '../../platform/auth/account-input.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { isTokenShaped, randomId } from '../../platform/crypto/tokens.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import { addDuration } from '../core/duration.js';
import type { Locale } from '../core/languages.js';
import type { AuditLedger, LedgerActor } from './audit-ledger.js';
import type { ReceiptLine } from './erasure-receipt.js';
import type { ErasureService } from './erasure-service.js';
import type { ExportService } from './export-service.js';
import type { Objections } from './objections.js';
import type { PrivacyRequests } from './privacy-requests.js';
import type { PrivacyRequestRow, RightsTables } from './rights-tables.js';

/** What a person without an account may ask through the form (restriction goes through staff: it needs a dispute). */
export const publicRequestKinds = ['access', 'correction', 'erasure', 'objection'] as const;
export type PublicRequestKind = (typeof publicRequestKinds)[number];

export const isPublicRequestKind = (value: unknown): value is PublicRequestKind =>
  typeof value === 'string' && (publicRequestKinds as readonly string[]).includes(value);

/** How long the emailed proof link works. */
export const proofLinkLife = 'P1D';
/** The longest "details" a person may write (a correction says what is wrong and what it should be). */
export const detailsMaxLength = 2000;

/** Counts the mails a visitor makes the shop send, per address and per client (LoginThrottle with mailLimits). */
export interface MailThrottle {
  attempt(identifier: string, ip: string): Promise<void>;
}

export interface PublicRequestsDependencies {
  database: Database;
  requests: PrivacyRequests;
  erasure: ErasureService;
  exports: ExportService;
  objections: Objections;
  ledger: AuditLedger;
  mail: MailService;
  secrets: Secrets;
  throttle: MailThrottle;
  shop: () => ShopIdentity;
  /** The absolute URL of the page a proof link opens (`…/confirm?token=…`). */
  confirmUrl: (token: string, locale: Locale) => string;
  now: () => Date;
}

export interface PublicRequestInput {
  email: string;
  kind: string;
  details: string;
  locale: Locale;
  /** The client's IP address, for the throttle. */
  ip: string;
}

/** A request whose proof link still works, as the link's page shows it (nothing changed by reading it). */
export interface PendingRequest {
  request: PrivacyRequestRow & { kind: PublicRequestKind };
  /** For an erasure: what it would remove and keep, in the request's language. */
  receipt?: ReceiptLine[];
}

const person: LedgerActor = { kind: 'person' };

/**
 * Privacy requests from people without an account (guest buyers, people who wrote to the shop,
 * newsletter readers): the form records the request and mails a single-use link to the address;
 * following it proves the address, and the request runs through the same engine as a member's.
 *
 * The form's answer never depends on the address: nothing is looked up before the link is used,
 * the same mail goes to any address, and the throttle counts known and unknown addresses alike.
 */
export class PublicRequests {
  constructor(private readonly deps: PublicRequestsDependencies) {}

  /** Records the request and queues the proof mail; refuses bad input (VT_VALIDATION) and floods (VT_MAIL_THROTTLED). */
  async create(input: PublicRequestInput): Promise<void> {
    const email = input.email.trim();
    const details = input.details.trim();
    const problems: FieldProblems = {};
    const emailIssue = emailProblem(email);
    if (emailIssue) problems.email = emailIssue;
    if (!isPublicRequestKind(input.kind)) problems.kind = 'request-kind';
    if ([...details].length > detailsMaxLength) problems.details = 'too-long';
    else if (input.kind === 'correction' && !details) problems.details = 'correction-details';
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const kind = input.kind as PublicRequestKind;
    await this.deps.throttle.attempt(emailKey(email), input.ip);

    const token = randomId(32);
    await this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      const request = await this.deps.requests.create(
        { kind, channel: 'web-form', email, locale: input.locale, details, verified: false },
        rights,
      );
      const expiresAt = addDuration(new Date(request.received_at), proofLinkLife);
      await this.deps.requests.update(
        request.id,
        { proof_hash: this.hashOf(token), proof_expires_at: expiresAt.toISOString() },
        rights,
      );
      await this.deps.ledger.record(
        { action: 'request.received', actor: person, requestId: request.id, details: { kind, channel: 'web-form' } },
        trx,
      );
      await this.deps.mail.queue(
        trx,
        proofMail(this.deps.shop(), input.locale, request.email ?? email, kind, {
          link: this.deps.confirmUrl(token, input.locale),
          until: expiresAt,
        }),
        { secrets: [token], secretsExpireAt: expiresAt.toISOString() },
      );
    });
  }

  /** The request a proof link is for, if the link still works; reading it changes nothing (mail scanners open links). */
  async pending(token: string, locale: Locale): Promise<PendingRequest | undefined> {
    const request = await this.usable(token, this.deps.database.db as unknown as Transaction<RightsTables>);
    if (!request) return undefined;
    if (request.kind !== 'erasure') return { request };
    // An address that is a member's login gives their account: proof of it is what a password reset asks too.
    const plan = await this.deps.erasure.plan(await this.deps.erasure.subjectOf(request));
    return { request, receipt: this.deps.erasure.receipt(plan, locale) };
  }

  /**
   * Uses the proof link (once): the request is verified, then runs: an access request builds the
   * archive (its link is mailed by the export job), an erasure starts, an objection is recorded and
   * the request done, a correction waits for staff. Expired, used or unknown: VT_LINK_INVALID.
   */
  async confirm(token: string): Promise<PrivacyRequestRow & { kind: PublicRequestKind }> {
    const refused = new AppError('VT_LINK_INVALID');
    const found = await this.usable(token, this.deps.database.db as unknown as Transaction<RightsTables>);
    if (!found) throw refused;
    // Objections are recorded for the account too when the proven address is a member's login.
    const subject = found.kind === 'objection' ? await this.deps.erasure.subjectOf(found) : undefined;
    const verified = await this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      const now = this.deps.now().toISOString();
      // Spent in the same statement that checks it: of two clicks at once, one wins.
      const spent = await rights
        .updateTable('privacy_requests')
        .set({ status: 'verified', verified_at: now, proof_hash: null, proof_expires_at: null, updated_at: now })
        .where('id', '=', found.id)
        .where('proof_hash', '=', this.hashOf(token))
        .where('status', '=', 'received')
        .where('proof_expires_at', '>', now)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw refused;
      const request = { ...found, status: 'verified' as const, verified_at: now, proof_hash: null };
      await this.deps.ledger.record(
        { action: 'request.verified', actor: person, requestId: request.id, details: { kind: request.kind } },
        trx,
      );
      if (request.kind === 'objection') {
        const objector = { memberId: subject?.accountId ?? null, email: request.email };
        await this.deps.objections.record(objector, 'marketing', request.id, rights);
        await this.deps.ledger.record(
          { action: 'objection.recorded', actor: person, requestId: request.id, purpose: 'marketing' },
          trx,
        );
        await this.deps.requests.moveTo(request.id, 'done', {}, rights);
        await this.deps.ledger.record({ action: 'request.done', actor: person, requestId: request.id }, trx);
        return { ...request, status: 'done' as const, closed_at: now };
      }
      return request;
    });
    if (verified.kind === 'access') await this.deps.exports.start(verified, person);
    if (verified.kind === 'erasure') await this.deps.erasure.start(verified, person);
    return verified;
  }

  private async usable(
    token: string,
    db: Transaction<RightsTables>,
  ): Promise<(PrivacyRequestRow & { kind: PublicRequestKind }) | undefined> {
    if (!isTokenShaped(token)) return undefined;
    const request = await db
      .selectFrom('privacy_requests')
      .selectAll()
      .where('proof_hash', '=', this.hashOf(token))
      .executeTakeFirst();
    const now = this.deps.now().toISOString();
    if (request?.status !== 'received' || !request.proof_expires_at || request.proof_expires_at <= now)
      return undefined;
    return isPublicRequestKind(request.kind) ? (request as PrivacyRequestRow & { kind: PublicRequestKind }) : undefined;
  }

  private hashOf(token: string): string {
    return this.deps.secrets.sign('privacy-request-proof', token);
  }
}

/**
 * The proof mail, in the language of the form. It never repeats what was typed in "details":
 * anyone can type any address, and the shop must not carry a stranger's words to it.
 */
export function proofMail(
  shop: ShopIdentity,
  locale: Locale,
  to: string,
  kind: PublicRequestKind,
  link: { link: string; until: Date },
): MailMessage {
  const until = link.until.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
  if (locale === 'fr') {
    const what: Record<PublicRequestKind, string> = {
      access: 'de recevoir une copie des données personnelles que nous conservons',
      correction: 'de corriger des données personnelles que nous conservons',
      erasure: 'd’effacer les données personnelles que nous conservons',
      objection: 'de ne plus recevoir de messages commerciaux',
    };
    return {
      to,
      subject: `Confirmez votre demande concernant vos données – ${shop.name}`,
      text: `Bonjour,\n\nQuelqu’un (sans doute vous) a demandé à ${shop.name}, sur notre site, ${what[kind]} pour cette adresse e-mail. Pour confirmer que la demande vient bien de vous, ouvrez ce lien, utilisable une seule fois, jusqu’au ${until} :\n\n${link.link}\n\nLa page qui s’ouvre vous dit exactement ce qui va se passer avant que vous confirmiez.\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne se passera.\n\n— L’équipe ${shop.name}\n${shop.email}`,
    };
  }
  const what: Record<PublicRequestKind, string> = {
    access: 'to send a copy of the personal data we keep',
    correction: 'to correct personal data we keep',
    erasure: 'to erase the personal data we keep',
    objection: 'to stop sending marketing messages',
  };
  return {
    to,
    subject: `Confirm your request about your data – ${shop.name}`,
    text: `Hello,\n\nSomeone (most likely you) asked ${shop.name} on our website ${what[kind]} for this email address. To confirm that the request comes from you, open this link, usable once, until ${until}:\n\n${link.link}\n\nThe page it opens says exactly what will happen before you confirm.\n\nIf you did not ask for this, ignore this message: nothing will happen.\n\n— The ${shop.name} team\n${shop.email}`,
  };
}
