import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { type Database, type SomeTables, tablesOf } from '../../platform/db/database.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { Locale } from '../core/languages.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import type { AuditLedger, LedgerActor } from './audit-ledger.js';
import { type DataSubjectRef, dataSubject } from './data-subject.js';
import type { ErasureEngine, TableErasure } from './erasure-engine.js';
import { erasureReceipt, receiptText } from './erasure-receipt.js';
import type { PrivacyRequests, RunRequest } from './privacy-requests.js';
import type { PrivacyRequestRow, RightsTables } from './rights-tables.js';
import { expandSubject } from './subject-rows.js';
import type { TableKeys } from './table-keys.js';
import type { Tombstones } from './tombstones.js';

/** Runs one erasure request to its end (ErasureService.run); durable, so it resumes after a crash. */
export const erasureJob = defineJob({ name: 'privacy.erase', parse: requestIdOf });

export function requestIdOf(payload: unknown): { requestId: string } {
  const { requestId } = (payload ?? {}) as Record<string, unknown>;
  if (typeof requestId !== 'string' || !requestId) throw new Error('expected a requestId');
  return { requestId };
}

/** The step that records the receipt was sent (its summary: the plan it showed). */
const receiptStep = '(receipt)';
/** The privacy module's own tables hold the request itself: erased last, when nothing else is left to do. */
const ownModule = 'privacy';

/** Told when a person's erasure is complete: to drop what a process keeps in memory (cached sessions). */
export type ErasureListener = (subject: DataSubjectRef) => Promise<void>;

export interface ErasureDependencies {
  database: Database;
  registry: PrivacyRegistry;
  engine: ErasureEngine;
  keys: TableKeys;
  requests: PrivacyRequests;
  ledger: AuditLedger;
  tombstones: Tombstones;
  jobs: JobQueue;
  mail: MailService;
  shop: () => ShopIdentity;
  logger: FastifyBaseLogger;
  now: () => Date;
}

/**
 * The one way a person is erased, whoever asks (the member, a person proven by email, staff for a
 * letter): the request is recorded with the job that runs it, in one transaction; the job mails the
 * receipt, writes the tombstone, then erases module by module, each in its own transaction that
 * also records the step done, so a crash resumes after the last step and nothing is half-erased.
 */
export class ErasureService {
  private readonly db: Kysely<RightsTables>;
  private readonly listeners: ErasureListener[] = [];

  constructor(private readonly deps: ErasureDependencies) {
    this.db = tablesOf<RightsTables>(deps.database);
  }

  onErased(listener: ErasureListener): void {
    this.listeners.push(listener);
  }

  /** The person as a request names them, with every address and account they are known by. */
  async subjectOf(request: Pick<PrivacyRequestRow, 'member_id' | 'email' | 'subject_emails'>): Promise<DataSubjectRef> {
    const known: string[] = request.subject_emails ? (JSON.parse(request.subject_emails) as string[]) : [];
    const seed = dataSubject(request.member_id ? 'member' : 'visitor', request.member_id ?? undefined, [
      ...(request.email ? [request.email] : []),
      ...known,
    ]);
    return expandSubject(this.deps.database, this.deps.registry, this.deps.keys, seed);
  }

  /** What erasing this person would remove and keep, per table (for the receipt). */
  async plan(subject: DataSubjectRef, executor?: Transaction<SomeTables>): Promise<TableErasure[]> {
    return this.deps.engine.plan(this.deps.registry.personalTables(), subject, executor);
  }

  receipt(plan: readonly TableErasure[], locale: Locale) {
    return erasureReceipt(this.deps.registry, plan, locale);
  }

  /**
   * Records an erasure request and queues its job (run as soon as a worker is free); returns the
   * request and the plan (the receipt shown at once).
   */
  async request(
    input: RunRequest & {
      /** False when the person was already told (an erasure replayed after a restore): no second receipt. */
      mailReceipt?: boolean;
    },
    actor: LedgerActor,
  ): Promise<{ request: PrivacyRequestRow; plan: TableErasure[] }> {
    const subject = await this.subjectOf({
      member_id: input.memberId ?? null,
      email: input.email ?? null,
      subject_emails: null,
    });
    return this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      const created = await this.deps.requests.create(
        {
          kind: 'erasure',
          channel: input.channel,
          memberId: subject.accountId ?? null,
          email: input.email ?? subject.emails[0] ?? null,
          locale: input.locale,
          verified: true,
          handledBy: input.handledBy ?? null,
        },
        rights,
      );
      await this.deps.requests.update(
        created.id,
        { status: 'in-progress', subject_emails: JSON.stringify(subject.emails) },
        rights,
      );
      await this.deps.ledger.record(
        {
          action: 'request.received',
          actor,
          requestId: created.id,
          subjectId: subject.accountId,
          details: { kind: 'erasure', channel: input.channel },
        },
        trx,
      );
      // Counted with the request recorded: the receipt lists the proof of the request that is kept.
      const plan = await this.plan(subject, trx);
      if (input.mailReceipt === false) await this.step(trx, created.id, receiptStep, plan);
      await this.deps.jobs.enqueue(trx, erasureJob, { requestId: created.id }, { maxAttempts: 50 });
      return { request: created, plan };
    });
  }

  /** Starts the erasure of a request already recorded and verified (staff, or a proven address). */
  async start(request: PrivacyRequestRow, actor: LedgerActor): Promise<void> {
    const subject = await this.subjectOf(request);
    await this.deps.database.db.transaction().execute(async (trx) => {
      const rights = trx as unknown as Transaction<RightsTables>;
      await this.deps.requests.moveTo(
        request.id,
        'in-progress',
        { subject_emails: JSON.stringify(subject.emails), member_id: subject.accountId ?? request.member_id },
        rights,
      );
      await this.deps.ledger.record(
        { action: 'erasure.started', actor, requestId: request.id, subjectId: subject.accountId },
        trx,
      );
      await this.deps.jobs.enqueue(trx, erasureJob, { requestId: request.id }, { maxAttempts: 50 });
    });
  }

  /** The job's handler: receipt, tombstone, then each module not yet done; safe to run again. */
  readonly run = async ({ requestId }: { requestId: string }): Promise<void> => {
    const request = await this.deps.requests.find(requestId);
    if (!request || request.kind !== 'erasure' || request.status !== 'in-progress') return;
    const subject = await this.subjectOf(request);
    const done = await this.stepsDone(requestId);
    if (!done.has(receiptStep)) await this.sendReceipt(request, subject, { kind: 'system' });
    // Written before anything is erased, and fsynced: a backup restored later replays this erasure.
    await this.deps.tombstones.record(requestId, subject, this.deps.now());

    await this.eraseModules(requestId, subject);
    for (const listener of this.listeners) await listener(subject);
    this.deps.logger.info({ request: requestId }, 'erasure done');
  };

  /**
   * Erases the person module by module, each in its own transaction that records its step, so that
   * a run stopped anywhere resumes after the last module done; the privacy module's own tables last,
   * where the request is closed.
   */
  async eraseModules(requestId: string, subject: DataSubjectRef): Promise<void> {
    const done = await this.stepsDone(requestId);
    const system: LedgerActor = { kind: 'system' };
    for (const [module, tables] of this.modulesInErasureOrder()) {
      if (done.has(module)) continue;
      await this.deps.database.db.transaction().execute(async (trx) => {
        const results = await this.deps.engine.erase(trx, requestId, tables, subject);
        await this.step(trx, requestId, module, results);
        await this.deps.ledger.record(
          { action: 'erasure.module-done', actor: system, requestId, details: { module, tables: results.length } },
          trx,
        );
        if (module === ownModule) {
          await this.deps.requests.update(
            requestId,
            { status: 'done', closed_at: this.deps.now().toISOString(), progress: 100 },
            trx as unknown as Transaction<RightsTables>,
          );
          await this.deps.ledger.record({ action: 'erasure.done', actor: system, requestId }, trx);
        }
      });
    }
  }

  /** The receipt goes before the address does: mailed at once, and the step recorded. */
  private async sendReceipt(request: PrivacyRequestRow, subject: DataSubjectRef, actor: LedgerActor) {
    const plan = await this.plan(subject);
    const locale = (request.locale === 'en' ? 'en' : 'fr') as Locale;
    const to = request.email ?? subject.emails[0];
    if (to) {
      const shop = this.deps.shop();
      const fr = locale === 'fr';
      const text = receiptText(this.receipt(plan, locale), locale);
      await this.deps.mail.sendNow(
        {
          to,
          subject: fr ? `Vos données ont été effacées – ${shop.name}` : `Your data has been erased – ${shop.name}`,
          text: fr
            ? `Bonjour,\n\nComme vous l’avez demandé, nous effaçons vos données. Voici exactement ce qui est supprimé, ce qui est conservé, pourquoi et jusqu’à quand :\n\n${text}\n\nCe message est le dernier que nous envoyons à cette adresse. Pour toute question : ${shop.email}.\n\n— L’équipe ${shop.name}`
            : `Hello,\n\nAs you asked, we are erasing your data. Here is exactly what is removed, what is kept, why, and until when:\n\n${text}\n\nThis is the last message we send to this address. Any question: ${shop.email}.\n\n— The ${shop.name} team`,
        },
        `erasure-receipt-${request.id}`,
      );
    }
    await this.deps.database.db.transaction().execute(async (trx) => {
      await this.step(trx, request.id, receiptStep, plan);
      await this.deps.ledger.record(
        {
          action: 'erasure.receipt-sent',
          actor,
          requestId: request.id,
          details: { tables: plan.length, mailed: Boolean(to) },
        },
        trx,
      );
    });
  }

  private async step(
    trx: Transaction<SomeTables>,
    requestId: string,
    module: string,
    results: readonly TableErasure[],
  ) {
    await (trx as unknown as Transaction<RightsTables>)
      .insertInto('privacy_erasure_steps')
      .values({
        request_id: requestId,
        module,
        done_at: this.deps.now().toISOString(),
        summary: JSON.stringify(results),
      })
      .execute();
  }

  private async stepsDone(requestId: string): Promise<Set<string>> {
    const steps = await this.db
      .selectFrom('privacy_erasure_steps')
      .select('module')
      .where('request_id', '=', requestId)
      .execute();
    return new Set(steps.map((step) => step.module));
  }

  /** The steps an erasure has recorded: the receipt's plan and each module's counts. */
  async steps(requestId: string) {
    return this.db
      .selectFrom('privacy_erasure_steps')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('done_at')
      .execute();
  }

  /**
   * Modules in reverse order of declaration (a later module's rows may refer to an earlier one's),
   * the privacy module's own tables last: they hold the request that drives the rest.
   */
  private modulesInErasureOrder(): [string, ResolvedPersonalTable[]][] {
    const byModule = new Map<string, ResolvedPersonalTable[]>();
    for (const table of this.deps.registry.personalTables()) {
      const tables = byModule.get(table.module) ?? [];
      tables.push(table);
      byModule.set(table.module, tables);
    }
    const order = [...byModule].reverse();
    return [...order.filter(([module]) => module !== ownModule), ...order.filter(([module]) => module === ownModule)];
  }
}
