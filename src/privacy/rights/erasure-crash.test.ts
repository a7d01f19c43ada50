import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { memberPassword, verifiedMemberBySmtp } from '../../../test/members.js';
import { startSmtpServer } from '../../../test/smtp-test-server.js';
import { createJobWorker } from '../../job-workers.js';
import type { MemberTables } from '../../modules/members/member-tables.js';
import { type DatabaseTarget, tablesOf } from '../../platform/db/database.js';
import { pgUrlVariable } from '../../platform/db/test-engines.js';
import type { JobsTable } from '../../platform/jobs/jobs-table.js';
import { mailDeliveryJob } from '../../platform/mail/mail-service.js';
import { OutboxMailer } from '../../platform/mail/outbox-mailer.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import { privacyModule } from '../privacy-module.js';
import type { RightsTables } from './rights-tables.js';

// A real SMTP server, reached by the worker processes too: it counts the receipts that left.
const smtp = await startSmtpServer();
afterAll(() => smtp.close());

type Tables = MemberTables & RightsTables & OutboxTable & JobsTable;

/**
 * Issue 9, bad input and faults: a worker process killed with SIGKILL in the middle of an
 * erasure, inside a module's open transaction, leaves that module whole (rows and step row
 * rolled back together) and the modules before it wholly erased; after a restart the request
 * completes, with one receipt, one tombstone, each step once and an intact ledger.
 */
describeEachEngine(
  'erasure killed with -9 mid-way, then resumed',
  (suite) => {
    const rights = () => suite.context.servicesOf(privacyModule);
    // Both engines' suites share the SMTP server and the addresses: each counts the mail since it began.
    let inboxAtStart = 0;
    const db = () => tablesOf<Tables>(suite.database);
    const runJobs = async () => {
      const worker = createJobWorker(suite.context);
      for (let round = 0; round < 20 && (await worker.tick()) > 0; round++);
    };

    const member = (username: string) => verifiedMemberBySmtp(suite, smtp, runJobs, username, inboxAtStart);

    /** What the person has, module by module: every row that names them, as stored. */
    async function rowsOf(person: { id: string; emails: string[] }) {
      const named = (text: string | null) => [person.id, ...person.emails].some((value) => text?.includes(value));
      const jobs = await db()
        .selectFrom('jobs')
        .select(['id', 'name', 'payload', 'last_error'])
        .orderBy('id')
        .execute();
      return {
        members: {
          accounts: await db().selectFrom('accounts_members').selectAll().where('id', '=', person.id).execute(),
          sessions: await db()
            .selectFrom('accounts_sessions')
            .selectAll()
            .where('account_id', '=', person.id)
            .orderBy('id')
            .execute(),
          tokens: await db()
            .selectFrom('accounts_tokens')
            .selectAll()
            .where((eb) => eb.or([eb('member_id', '=', person.id), eb('email', 'in', person.emails)]))
            .orderBy('token_hash')
            .execute(),
        },
        mail: await db()
          .selectFrom('mail_outbox')
          .selectAll()
          .where('to_address', 'in', person.emails)
          .orderBy('id')
          .execute(),
        jobs: jobs.filter((job) => named(job.payload) || named(job.last_error)),
        privacy: {
          requests: await db()
            .selectFrom('privacy_requests')
            .selectAll()
            .where((eb) => eb.or([eb('member_id', '=', person.id), eb('email', 'in', person.emails)]))
            .execute(),
          objections: await db()
            .selectFrom('privacy_objections')
            .selectAll()
            .where((eb) => eb.or([eb('member_id', '=', person.id), eb('email', 'in', person.emails)]))
            .execute(),
          ledger: await db()
            .selectFrom('privacy_ledger')
            .selectAll()
            .where('subject_id', '=', person.id)
            .orderBy('seq')
            .execute(),
        },
      };
    }

    const stepsOf = async (requestId: string) =>
      (await rights().erasure.steps(requestId)).map((step) => step.module).sort();
    const receiptsTo = (email: string) =>
      smtp.inbox
        .slice(inboxAtStart)
        .filter((mail) => mail.to === email && mail.subject.startsWith('Your data has been erased'));

    it('rolls back the module it was killed in, keeps the modules done, and finishes after a restart', async () => {
      inboxAtStart = smtp.inbox.length;
      const olga = await member('olga');
      const pavel = await member('pavel');
      // A change of address under way: a token (found by her account) for an address she typed but
      // never confirmed, which may be anyone's: mail to it is not hers, and is not erased with her.
      await olga.visitor.submit('/en/account/security', '/en/account/security/email', {
        email: 'olga.new@example.com',
        current_password: memberPassword,
      });
      await runJobs();
      const emails = [olga.email];
      // Copies kept in the outbox (from before a mail server was set), and a mail due tomorrow.
      const outbox = new OutboxMailer(suite.database);
      for (const n of [1, 2])
        await outbox.send({
          from: 'shop@example.com',
          to: olga.email,
          subject: `Your order ${n}`,
          text: `Dear olga, order ${n} is on its way.`,
          messageId: `<order-${n}-${suite.engine}@example.com>`,
        });
      await suite.context.jobs.enqueue(
        db(),
        mailDeliveryJob,
        { to: olga.email, subject: 'Your basket', text: 'Dear olga, your basket is waiting.' },
        { runAt: new Date(Date.now() + 86_400_000) },
      );
      await rights().objections.record({ memberId: olga.id, email: olga.email }, 'marketing', null);
      await rights().ledger.record({
        action: 'staff.read',
        actor: { kind: 'staff', id: 'staff-1' },
        subjectId: olga.id,
        purpose: 'support',
        details: { what: 'member' },
      });
      const { request } = await rights().erasure.request(
        { memberId: olga.id, email: olga.email, channel: 'account', locale: 'en' },
        { kind: 'member' },
      );
      const pavelBefore = await rowsOf({ id: pavel.id, emails: [pavel.email] });
      const before = await rowsOf({ id: olga.id, emails });
      expect(before.members.accounts).toHaveLength(1);
      expect(before.members.sessions.length).toBeGreaterThan(0);
      expect(before.members.tokens.length).toBeGreaterThanOrEqual(2);
      expect(before.mail).toHaveLength(2);
      expect(before.jobs.map((job) => job.name)).toContain('mail.send'); // sent to her, and one due tomorrow
      expect(before.jobs.length).toBeGreaterThanOrEqual(3);
      expect(before.privacy.requests).toHaveLength(1);
      expect(before.privacy.objections).toHaveLength(1);
      expect(before.privacy.ledger.map((entry) => entry.action)).toContain('staff.read');

      // 1. Killed inside the members module's transaction: its three tables erased and its step
      // row written, the commit not yet made. None of it stays erased; the receipt is out.
      await killInside('members');
      expect(await rowsOf({ id: olga.id, emails })).toEqual(before);
      const firstSteps = await stepsOf(request.id);
      expect(firstSteps).toContain('(receipt)');
      expect(firstSteps).not.toContain('members');
      expect(receiptsTo(olga.email)).toHaveLength(1);

      // 2. A second worker process takes the job over and is killed inside the privacy module's
      // transaction, the last, which also closes the request: every module before it is wholly
      // erased; its own tables, the request and its holds are as they were.
      await killInside('privacy');
      const afterSecond = await rowsOf({ id: olga.id, emails });
      expect(afterSecond.members).toEqual({ accounts: [], sessions: [], tokens: [] });
      expect(afterSecond.mail).toEqual([]);
      expect(afterSecond.jobs).toEqual([]);
      expect(afterSecond.privacy).toEqual(before.privacy);
      const secondSteps = await stepsOf(request.id);
      expect(secondSteps).toEqual(expect.arrayContaining(['(receipt)', 'members', 'mail', 'jobs']));
      expect(secondSteps).not.toContain('privacy');
      expect(
        await db().selectFrom('privacy_holds').select('id').where('request_id', '=', request.id).execute(),
      ).toEqual([]);
      expect(receiptsTo(olga.email)).toHaveLength(1);

      // 3. Restarted: a worker of this host takes the dead one's job at once and finishes it.
      const restarted = createJobWorker(suite.context);
      await restarted.join();
      for (let round = 0; round < 20 && (await rights().requests.get(request.id)).status !== 'done'; round++)
        await restarted.tick();
      await restarted.stop();

      const modules = [...new Set(suite.context.privacy.personalTables().map((table) => table.module))];
      expect(await stepsOf(request.id)).toEqual(['(receipt)', ...modules].sort());
      const after = await rowsOf({ id: olga.id, emails });
      expect(after.members).toEqual({ accounts: [], sessions: [], tokens: [] });
      expect(after.mail).toEqual([]);
      expect(after.jobs).toEqual([]);
      // Held: who asked, on the request, and the address on the suppression list; the rest erased.
      const [closed] = after.privacy.requests;
      expect(after.privacy.requests).toHaveLength(1);
      expect(closed).toMatchObject({ id: request.id, status: 'done', member_id: olga.id, email: olga.email });
      expect(closed?.subject_emails).toBeNull();
      expect(after.privacy.objections).toEqual([{ ...before.privacy.objections[0], member_id: null }]);
      expect(after.privacy.ledger).toEqual([]);
      const pseudonymized = await db()
        .selectFrom('privacy_ledger')
        .select(['seq', 'subject_id'])
        .where(
          'seq',
          'in',
          before.privacy.ledger.map((entry) => entry.seq),
        )
        .execute();
      expect(pseudonymized).toHaveLength(before.privacy.ledger.length);
      expect(pseudonymized.every((entry) => entry.subject_id === null)).toBe(true);
      const holds = await db().selectFrom('privacy_holds').selectAll().where('request_id', '=', request.id).execute();
      expect(holds.map((hold) => hold.table_name).sort()).toEqual(['privacy_objections', 'privacy_requests']);
      expect(await rights().ledger.verify()).toMatchObject({ ok: true });
      const history = await rights().ledger.forRequest(request.id);
      const actions = history.map((entry) => entry.action);
      expect(actions.filter((action) => action === 'erasure.receipt-sent')).toHaveLength(1);
      expect(actions.filter((action) => action === 'erasure.done')).toHaveLength(1);
      expect(
        history
          .filter((entry) => entry.action === 'erasure.module-done')
          .map((entry) => (JSON.parse(entry.details ?? '{}') as { module: string }).module)
          .sort(),
      ).toEqual([...modules].sort());
      // One receipt left, once; one tombstone line.
      expect(receiptsTo(olga.email)).toHaveLength(1);
      expect(receiptsTo('olga.new@example.com')).toHaveLength(0);
      expect((await rights().tombstones.all()).filter((line) => line.request === request.id)).toHaveLength(1);
      // Pavel is untouched.
      expect(await rowsOf({ id: pavel.id, emails: [pavel.email] })).toEqual(pavelBefore);
      expect((await pavel.visitor.get('/en/account')).statusCode).toBe(200);
    }, 30_000);

    /**
     * Starts a worker process (erasure-crash.fixture.ts) on this suite's database, waits until it
     * is inside the transaction of `module`, and kills it with SIGKILL there.
     */
    async function killInside(module: string) {
      const child: ChildProcessByStdio<null, Readable, null> = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./erasure-crash.fixture.ts', import.meta.url))],
        {
          env: {
            ...process.env,
            VITRINE_FIXTURE_DATABASE: JSON.stringify(await targetOf()),
            VITRINE_FIXTURE_ENV: JSON.stringify({
              NODE_ENV: 'test',
              LOG_LEVEL: 'silent',
              SEED_DEMO: 'false',
              DATA_DIR: suite.context.config.dataDir,
              ERASURE_TOMBSTONES_FILE: suite.context.config.tombstoneFile,
              SMTP_URL: smtp.url,
            }),
            VITRINE_FIXTURE_HANG_IN: module,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker never got inside ${module}`)), 15_000);
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes(`inside ${module}\n`)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`the worker exited (${code}) before getting inside ${module}`));
        });
      }).catch((error: unknown) => {
        child.kill('SIGKILL');
        throw error;
      });
      child.removeAllListeners('exit');
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      const [code, signal] = await exited;
      expect([code, signal]).toEqual([null, 'SIGKILL']);
    }

    /** How a second process opens this suite's database. */
    async function targetOf(): Promise<DatabaseTarget> {
      if (suite.engine === 'postgres')
        return { engine: 'postgres', url: process.env[pgUrlVariable]!, schema: suite.database.schema!, poolSize: 2 };
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
        suite.database.db,
      );
      return { engine: 'sqlite', file: rows[0]!.file };
    }
  },
  { env: { SMTP_URL: smtp.url } },
);
