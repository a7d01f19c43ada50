import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { memberPassword, verifiedMemberBySmtp } from '../../../test/members.js';
import { startSmtpServer } from '../../../test/smtp-test-server.js';
import { Visitor } from '../../../test/visitor.js';
import { createJobWorker } from '../../job-workers.js';
import { tablesOf } from '../../platform/db/database.js';
import type { MemberTables } from '../../modules/members/member-tables.js';
import { privacyModule } from '../privacy-module.js';
import { releaseDueHolds } from './hold-release.js';
import { replayErasures } from './replay-erasures.js';
import type { RightsTables } from './rights-tables.js';

// A real SMTP server: the receipt must reach the person, and no copy of it stays in the database.
const smtp = await startSmtpServer();

describeEachEngine(
  'erasure of a member, by the one engine',
  (suite) => {
    const rights = () => suite.context.servicesOf(privacyModule);
    const db = () => tablesOf<MemberTables & RightsTables>(suite.database);
    const runJobs = async () => {
      const worker = createJobWorker(suite.context);
      for (let round = 0; round < 20 && (await worker.tick()) > 0; round++);
    };
    const inboxOf = async (to: string) => {
      await runJobs();
      return smtp.inbox.filter((mail) => mail.to === to);
    };
    const member = (username: string) => verifiedMemberBySmtp(suite, smtp, runJobs, username);

    it('shows the receipt, mails it before the address goes, erases every module, and keeps only what is held', async () => {
      const olga = await member('olga');
      const pavel = await member('pavel');
      // A change of address under way: the new address is Olga's too, until she confirms it.
      await olga.visitor.submit('/en/account/security', '/en/account/security/email', {
        email: 'olga.new@example.com',
        current_password: memberPassword,
      });
      await rights().objections.record({ memberId: olga.id, email: olga.email }, 'marketing', null);
      await rights().ledger.record({
        action: 'staff.read',
        actor: { kind: 'staff', id: 'staff-1' },
        subjectId: olga.id,
        purpose: 'support',
        details: { what: 'member' },
      });

      await olga.visitor.get('/en/account/delete');
      const page = await olga.visitor.post('/en/account/delete', { password: memberPassword, confirm: '1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Your account is being erased');
      expect(page.body).toContain('Your member account');
      expect(page.body).toContain('Kept until');
      expect(olga.visitor.cookies.has('vitrine_session')).toBe(false);

      const receipt = (await inboxOf(olga.email)).find((mail) => mail.subject.startsWith('Your data has been erased'));
      expect(receipt?.text).toContain('Your member account');
      expect(receipt?.text).toMatch(/Kept until .*: Your email address\. Why: We must be able to prove/);

      expect(await db().selectFrom('accounts_members').select('id').where('id', '=', olga.id).execute()).toEqual([]);
      expect(
        await db().selectFrom('accounts_sessions').select('id').where('account_id', '=', olga.id).execute(),
      ).toEqual([]);
      expect(
        await db().selectFrom('accounts_tokens').select('member_id').where('member_id', '=', olga.id).execute(),
      ).toEqual([]);
      const raw = JSON.stringify(await dump(suite));
      // The address she typed but never confirmed may be anyone's: the mail sent to it is not hers
      // to erase (it goes with its retention), and it never widened her erasure to that address.
      expect(raw).toContain('olga.new@example.com');
      expect(raw.split('olga@example.com').length - 1).toBe(2); // the request's and the objection's, held
      const [request] = await db()
        .selectFrom('privacy_requests')
        .selectAll()
        .where('member_id', '=', olga.id)
        .execute();
      expect(request).toMatchObject({
        kind: 'erasure',
        status: 'done',
        email: 'olga@example.com',
        subject_emails: null,
      });
      const holds = await db()
        .selectFrom('privacy_holds')
        .selectAll()
        .where('request_id', '=', request?.id ?? '')
        .execute();
      expect(holds.map((hold) => hold.table_name).sort()).toEqual(['privacy_objections', 'privacy_requests']);
      expect(await rights().ledger.verify()).toMatchObject({ ok: true });
      expect(fs.readFileSync(suite.context.config.tombstoneFile, 'utf8')).toContain(request?.id);

      // Pavel is untouched.
      expect(await db().selectFrom('accounts_members').select('id').where('id', '=', pavel.id).execute()).toHaveLength(
        1,
      );
      expect((await pavel.visitor.get('/en/account')).statusCode).toBe(200);
      // Olga cannot sign in any more.
      const again = await new Visitor(suite.app).submit('/en/account/sign-in', '/en/account/sign-in', {
        identifier: 'olga',
        password: memberPassword,
      });
      expect(again.statusCode).toBe(401);

      // When the holds end, what they kept goes too.
      const later = new Date(Date.now() + 6 * 366 * 86_400_000);
      expect(await releaseDueHolds(suite.database, suite.context.privacy, rights().ledger, later)).toBe(2);
      expect(JSON.stringify(await dump(suite))).not.toContain('olga@example.com');
      expect(await rights().ledger.verify()).toMatchObject({ ok: true });
    });

    it('erases again, after a restore, whoever was erased since the backup', async () => {
      const rita = await member('rita');
      await rita.visitor.get('/en/account/delete');
      await rita.visitor.post('/en/account/delete', { password: memberPassword, confirm: '1' });
      await runJobs();
      const receipts = () =>
        smtp.inbox.filter((mail) => mail.to === rita.email && mail.subject.startsWith('Your data'));
      expect(receipts().length).toBeGreaterThan(0);
      const receiptsBefore = receipts().length;
      // A backup taken before the erasure brings her account back.
      await db()
        .insertInto('accounts_members')
        .values({
          ...(await templateMember(suite)),
          id: rita.id,
          username: 'rita',
          username_key: 'rita',
          username_skeleton: 'rita',
          email: rita.email,
          email_key: rita.email,
        })
        .execute();
      const result = await replayErasures({
        database: suite.database,
        registry: suite.context.privacy,
        keys: rights().keys,
        tombstones: rights().tombstones,
        erasure: rights().erasure,
        ledger: rights().ledger,
      });
      expect(result.replayed).toHaveLength(1);
      expect(await db().selectFrom('accounts_members').select('id').where('id', '=', rita.id).execute()).toEqual([]);
      // No second receipt: she was told once.
      await runJobs();
      expect(receipts()).toHaveLength(receiptsBefore);
    });
  },
  { env: { SMTP_URL: smtp.url } },
);

/** Every row of every table, as text: where a value could hide. */
async function dump(suite: Suite) {
  const { introspectSchema } = await import('../../platform/db/introspect.js');
  const tables = await introspectSchema(suite.database);
  const all: Record<string, unknown[]> = {};
  for (const table of tables) all[table.name] = await suite.database.db.selectFrom(table.name).selectAll().execute();
  return all;
}

/** A member row's other columns, copied from any member (the demo's or a test's). */
async function templateMember(suite: Suite) {
  const row = await tablesOf<MemberTables>(suite.database)
    .selectFrom('accounts_members')
    .selectAll()
    .executeTakeFirstOrThrow();
  return row;
}
