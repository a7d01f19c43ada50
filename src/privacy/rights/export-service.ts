import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { isTokenShaped, randomId } from '../../platform/crypto/tokens.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import { addDuration } from '../core/duration.js';
import type { Locale } from '../core/languages.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import type { AuditLedger, LedgerActor } from './audit-ledger.js';
import type { DataSubjectRef } from './data-subject.js';
import type { ErasureService } from './erasure-service.js';
import { requestIdOf } from './erasure-service.js';
import { type ExportedModule, type ExportedTable, writeExportArchive } from './export-archive.js';
import { openStatuses, type PrivacyRequests, type RunRequest } from './privacy-requests.js';
import type { PrivacyRequestRow, RightsTables } from './rights-tables.js';
import { rowsFound, splitLinks } from './subject-rows.js';
import type { StaffDirectory } from './staff-directory.js';
import type { TableKeys } from './table-keys.js';
import { purposes } from '../core/vocabulary.js';

/** The path of an archive's single-use download link (the privacy module serves it). */
export const downloadPathOf = (token: string) => `/privacy/download/${token}`;

/** Builds one access request's archive (ExportService.run). */
export const exportJob = defineJob({ name: 'privacy.export', parse: requestIdOf });

/** How long the download link of an archive works. */
export const downloadLinkLife = 'P3D';

export interface ExportDependencies {
  database: Database;
  registry: PrivacyRegistry;
  keys: TableKeys;
  requests: PrivacyRequests;
  ledger: AuditLedger;
  erasure: ErasureService;
  jobs: JobQueue;
  mail: MailService;
  secrets: Secrets;
  shop: () => ShopIdentity;
  staff: StaffDirectory;
  /** Where archives are written (DATA_DIR/exports): deleted when their link expires or is used. */
  directory: string;
  /** The absolute URL of an archive's download link. */
  downloadUrl: (token: string, locale: Locale) => string;
  logger: FastifyBaseLogger;
  now: () => Date;
}

/**
 * Access and portability (GDPR art. 15 and 20): the person's data, found from the declarations
 * alone, streamed into a ZIP (one JSON file per module and a readable index) by a background job
 * that reports its progress, then fetched once through an expiring link.
 */
export class ExportService {
  constructor(private readonly deps: ExportDependencies) {}

  /** Records an access request and queues its archive; one at a time per person. */
  async request(input: RunRequest, actor: LedgerActor): Promise<PrivacyRequestRow> {
    if (input.memberId) {
      const pending = (await this.deps.requests.forMember(input.memberId)).find(
        (request) => request.kind === 'access' && openStatuses.includes(request.status),
      );
      if (pending) throw new AppError('VT_REQUEST_PENDING');
    }
    return this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      const request = await this.deps.requests.create(
        {
          kind: 'access',
          channel: input.channel,
          memberId: input.memberId ?? null,
          email: input.email ?? null,
          locale: input.locale,
          verified: true,
          handledBy: input.handledBy ?? null,
        },
        rights,
      );
      await this.deps.requests.update(request.id, { status: 'in-progress' }, rights);
      await this.deps.ledger.record(
        {
          action: 'request.received',
          actor,
          requestId: request.id,
          subjectId: input.memberId ?? undefined,
          details: { kind: 'access', channel: input.channel },
        },
        trx,
      );
      await this.deps.jobs.enqueue(trx, exportJob, { requestId: request.id }, { maxAttempts: 5 });
      return { ...request, status: 'in-progress' };
    });
  }

  /** Starts the archive of a request already recorded and verified (staff, or a proven address). */
  async start(request: PrivacyRequestRow, actor: LedgerActor): Promise<void> {
    await this.deps.database.db.transaction().execute(async (trx) => {
      await this.deps.requests.moveTo(request.id, 'in-progress', {}, trx as unknown as Transaction<RightsTables>);
      await this.deps.ledger.record(
        { action: 'request.status', actor, requestId: request.id, details: { status: 'in-progress' } },
        trx,
      );
      await this.deps.jobs.enqueue(trx, exportJob, { requestId: request.id }, { maxAttempts: 5 });
    });
  }

  /** The job's handler: writes the archive, then the single-use link, mailed to the person. */
  readonly run = async ({ requestId }: { requestId: string }): Promise<void> => {
    const request = await this.deps.requests.find(requestId);
    if (!request || request.kind !== 'access' || request.status !== 'in-progress') return;
    const subject = await this.deps.erasure.subjectOf(request);
    const locale: Locale = request.locale === 'en' ? 'en' : 'fr';
    await fs.promises.mkdir(this.deps.directory, { recursive: true, mode: 0o700 });
    const file = path.join(this.deps.directory, `${request.id}.zip`);
    const partial = `${file}.part`;
    let lastProgress = -1;
    const { rows } = await this.archive(
      subject,
      locale,
      fs.createWriteStream(partial, { mode: 0o600 }),
      async (share) => {
        // The page shows progress; writing it once per ten percent is enough.
        const progress = Math.min(99, Math.floor(share * 100));
        if (progress - lastProgress < 10) return;
        lastProgress = progress;
        await this.deps.requests.update(request.id, { progress });
      },
    );
    await fs.promises.rename(partial, file);
    const token = randomId(32);
    const expiresAt = addDuration(this.deps.now(), downloadLinkLife);
    await this.deps.database.db.transaction().execute(async (trx) => {
      await this.deps.requests.update(
        request.id,
        {
          status: 'done',
          closed_at: this.deps.now().toISOString(),
          progress: 100,
          archive_file: path.basename(file),
          download_hash: this.hashOf(token),
          download_expires_at: expiresAt.toISOString(),
        },
        trx as unknown as Transaction<RightsTables>,
      );
      await this.deps.ledger.record(
        { action: 'export.built', actor: { kind: 'system' }, requestId: request.id, details: { rows } },
        trx,
      );
      const to = request.email ?? subject.emails[0];
      if (to)
        await this.deps.mail.queue(trx, this.readyMail(to, locale, this.deps.downloadUrl(token, locale), expiresAt), {
          secrets: [token],
          secretsExpireAt: expiresAt.toISOString(),
        });
    });
  };

  /** Writes the person's archive (every declared table, module by module) to `output`; `onProgress` gets the share done. */
  async archive(
    subject: DataSubjectRef,
    locale: Locale,
    output: NodeJS.WritableStream,
    onProgress?: (share: number) => Promise<void>,
  ): Promise<{ bytes: number; rows: number }> {
    const tables = this.deps.registry.personalTables();
    return writeExportArchive(
      {
        subject: { label: subject.emails[0] ?? subject.accountId ?? '' },
        createdAt: this.deps.now(),
        locale,
        shopName: this.deps.shop().name,
        modules: this.modules(tables, subject),
        extras: subject.accountId ? [await this.staffAccesses(subject.accountId, locale)] : [],
        ...(onProgress ? { onProgress: (done: number) => onProgress(done / tables.length) } : {}),
      },
      output,
    );
  }

  /**
   * The archive behind a download link, once: a used, expired, unknown or someone else's link is
   * refused the same way (nothing says which). A member's archive needs no sign-in to be fetched
   * from the mailed link, but a different signed-in member is refused.
   */
  async take(
    token: string,
    signedInMemberId: string | undefined,
  ): Promise<{ file: string; request: PrivacyRequestRow }> {
    const refused = new AppError('VT_EXPORT_LINK_INVALID');
    if (!isTokenShaped(token)) throw refused;
    const now = this.deps.now().toISOString();
    return this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      const request = await rights
        .selectFrom('privacy_requests')
        .selectAll()
        .where('download_hash', '=', this.hashOf(token))
        .executeTakeFirst();
      if (
        !request?.archive_file ||
        request.downloaded_at ||
        !request.download_expires_at ||
        request.download_expires_at <= now
      )
        throw refused;
      if (signedInMemberId && request.member_id && signedInMemberId !== request.member_id) throw refused;
      const taken = await rights
        .updateTable('privacy_requests')
        .set({ downloaded_at: now, updated_at: now })
        .where('id', '=', request.id)
        .where('downloaded_at', 'is', null)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw refused;
      await this.deps.ledger.record(
        {
          action: 'export.downloaded',
          actor: { kind: signedInMemberId ? 'member' : 'person' },
          requestId: request.id,
          subjectId: request.member_id,
        },
        trx,
      );
      return { file: path.join(this.deps.directory, request.archive_file), request };
    });
  }

  /**
   * A fresh single-use link to a member's own archive, from their Privacy page (signed in: no need
   * to find the mail). The mailed link stops working: only one link to an archive is ever valid.
   */
  async issueLink(requestId: string, memberId: string): Promise<string> {
    const request = await this.deps.requests.find(requestId);
    const now = this.deps.now().toISOString();
    if (
      !request ||
      request.member_id !== memberId ||
      !request.archive_file ||
      request.downloaded_at ||
      !request.download_expires_at ||
      request.download_expires_at <= now
    )
      throw new AppError('VT_EXPORT_LINK_INVALID');
    const token = randomId(32);
    await this.deps.requests.update(request.id, { download_hash: this.hashOf(token) });
    return downloadPathOf(token);
  }

  /** Deletes archives whose link expired or was used, and any file no request refers to any more. */
  async expire(): Promise<number> {
    const now = this.deps.now().toISOString();
    const rights = this.deps.database.db as unknown as Transaction<RightsTables>;
    const done = await rights
      .selectFrom('privacy_requests')
      .select(['id', 'archive_file'])
      .where('archive_file', 'is not', null)
      .where((eb) => eb.or([eb('download_expires_at', '<=', now), eb('downloaded_at', 'is not', null)]))
      .execute();
    for (const request of done) {
      await fs.promises.rm(path.join(this.deps.directory, request.archive_file ?? ''), { force: true });
      await rights
        .updateTable('privacy_requests')
        .set({ archive_file: null, download_hash: null, updated_at: now })
        .where('id', '=', request.id)
        .execute();
    }
    const kept = new Set(
      (
        await rights
          .selectFrom('privacy_requests')
          .select('archive_file')
          .where('archive_file', 'is not', null)
          .execute()
      ).map((r) => r.archive_file),
    );
    let orphans = 0;
    const files = await fs.promises.readdir(this.deps.directory).catch(() => [] as string[]);
    for (const name of files) {
      // A file still being written (.part) belongs to a running job; one left by a crash is a day old.
      const stat = await fs.promises.stat(path.join(this.deps.directory, name));
      const stale = name.endsWith('.part') ? Date.now() - stat.mtimeMs > 86_400_000 : !kept.has(name);
      if (stale) {
        await fs.promises.rm(path.join(this.deps.directory, name), { force: true });
        orphans += 1;
      }
    }
    return done.length + orphans;
  }

  /** Every time a staff member viewed the person's data: when, who (name and role), for what purpose. */
  private async staffAccesses(subjectId: string, locale: Locale) {
    const reads = (await this.deps.ledger.about(subjectId, 10_000)).filter((entry) => entry.action === 'staff.read');
    const staff = await this.deps.staff.describe(reads.flatMap((entry) => (entry.actor_id ? [entry.actor_id] : [])));
    const unknown = locale === 'fr' ? 'un membre du personnel' : 'a staff member';
    return {
      file: 'staff-accesses',
      title: { en: 'Staff who viewed your data', fr: 'Le personnel qui a consulté vos données' },
      rows: reads.map((entry) => {
        const who = entry.actor_id ? staff.get(entry.actor_id) : undefined;
        const details = entry.details ? (JSON.parse(entry.details) as Record<string, unknown>) : {};
        return {
          at: entry.at,
          staff: who ? `${who.name} (${who.role})` : unknown,
          purpose:
            entry.purpose && entry.purpose in purposes
              ? purposes[entry.purpose as keyof typeof purposes][locale]
              : entry.purpose,
          what: typeof details.what === 'string' ? details.what : null,
        };
      }),
    };
  }

  private hashOf(token: string): string {
    return this.deps.secrets.sign('privacy-download', token);
  }

  /** Every declared personal table, module by module: the person's own rows whole, others' rows only where they are named. */
  private async *modules(
    tables: readonly ResolvedPersonalTable[],
    subject: DataSubjectRef,
  ): AsyncGenerator<ExportedModule> {
    const byModule = new Map<string, ResolvedPersonalTable[]>();
    for (const table of tables) byModule.set(table.module, [...(byModule.get(table.module) ?? []), table]);
    for (const [module, moduleTables] of byModule) {
      yield { module, tables: this.tablesOf(moduleTables, subject) };
    }
  }

  private async *tablesOf(
    tables: readonly ResolvedPersonalTable[],
    subject: DataSubjectRef,
  ): AsyncGenerator<ExportedTable> {
    for (const table of tables) {
      const { own, named } = splitLinks(table, subject);
      const all = [...table.nonPersonal, ...table.columns.map((column) => column.name)];
      if (own.length > 0)
        yield {
          table,
          columns: all,
          rows: rowsFound(this.deps.database, this.deps.keys, table.name, own, subject, all),
        };
      for (const link of named) {
        const columns = [...table.nonPersonal, link.column];
        yield {
          table,
          columns,
          rows: rowsFound(this.deps.database, this.deps.keys, table.name, [link], subject, columns),
        };
      }
    }
  }

  private readyMail(to: string, locale: Locale, link: string, expiresAt: Date) {
    const shop = this.deps.shop();
    const until = expiresAt.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    });
    return locale === 'fr'
      ? {
          to,
          subject: `La copie de vos données est prête – ${shop.name}`,
          text: `Bonjour,\n\nLa copie de vos données que vous avez demandée est prête. Téléchargez-la avec ce lien, utilisable une seule fois, jusqu’au ${until} :\n\n${link}\n\nL’archive contient un fichier par partie de la boutique et un index lisible (index.html) qui dit, pour chaque donnée, pourquoi nous la gardons, sur quelle base et combien de temps. Elle est supprimée de nos serveurs après le téléchargement ou à l’expiration du lien.\n\n— L’équipe ${shop.name}\n${shop.email}`,
        }
      : {
          to,
          subject: `Your copy of your data is ready – ${shop.name}`,
          text: `Hello,\n\nThe copy of your data you asked for is ready. Download it with this link, usable once, until ${until}:\n\n${link}\n\nThe archive holds one file per part of the shop and a readable index (index.html) that says, for each item, why we keep it, on what basis and for how long. It is deleted from our servers once downloaded or when the link expires.\n\n— The ${shop.name} team\n${shop.email}`,
        };
  }
}
