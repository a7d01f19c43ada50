import { createHash, createHmac } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import { privacyModule } from '../privacy-module.js';
import { AuditLedger, verifyLedgerCommand } from './audit-ledger.js';
import type { PrivacyLedgerRow, RightsTables } from './rights-tables.js';

describeEachEngine(
  'the audit ledger: append-only, hash-chained',
  (suite) => {
    const ledger = () => suite.context.servicesOf(privacyModule).ledger;
    const rows = () => tablesOf<RightsTables>(suite.database);
    const reset = () => rows().deleteFrom('privacy_ledger').execute();
    const fill = async (count: number) => {
      for (let i = 0; i < count; i++)
        await ledger().record({
          action: 'staff.read',
          actor: { kind: 'staff', id: `staff-${i % 3}` },
          subjectId: `member-${i % 5}`,
          purpose: 'support',
          details: { what: 'member', role: 'support' },
        });
    };
    const printed = async () => {
      const lines: string[] = [];
      const code = await verifyLedgerCommand(ledger(), (line) => lines.push(line));
      return { code, lines };
    };
    const change = (seq: number, values: Partial<PrivacyLedgerRow>) =>
      rows().updateTable('privacy_ledger').set(values).where('seq', '=', seq).execute();

    it('verifies an intact chain, and reports it so on the command line', async () => {
      await reset();
      await fill(12);
      expect(await ledger().verify()).toEqual({ ok: true, checked: 12 });
      expect(await printed()).toEqual({ code: 0, lines: ['ledger intact: 12 entries'] });
      const first = await rows().selectFrom('privacy_ledger').selectAll().orderBy('seq').limit(1).executeTakeFirst();
      expect(first?.prev_hash).toBe('0'.repeat(64));
    });

    it('names the first entry whose content, actor or subject was changed', async () => {
      for (const values of [
        { details: '{"what":"nothing"}' },
        { action: 'export.built' },
        { at: '2020-01-01T00:00:00.000Z' },
        { purpose: 'marketing' },
        { request_id: 'request-1' },
        { actor_kind: 'system' as const },
        { actor_id: 'staff-9' },
        { subject_id: 'member-9' },
        // The two ids swapped: each commitment is bound to its column.
        { actor_id: 'member-0', subject_id: 'staff-1' },
      ]) {
        await reset();
        await fill(8);
        await change(5, values);
        expect(await ledger().verify(), JSON.stringify(values)).toMatchObject({ ok: false, checked: 4, firstBad: 5 });
        const { code, lines } = await printed();
        expect(code).toBe(1);
        expect(lines).toEqual([expect.stringMatching(/^ledger tampered at entry #5: /)]);
      }
    });

    it('finds an entry removed from the middle, and a tail rewritten with recomputed hashes', async () => {
      await reset();
      await fill(6);
      await rows().deleteFrom('privacy_ledger').where('seq', '=', 3).execute();
      expect(await ledger().verify()).toMatchObject({ ok: false, firstBad: 4, reason: 'entry 3 is missing' });
      expect((await printed()).lines).toEqual(['ledger tampered at entry #4: entry 3 is missing']);

      // A forger with the database but not the secret: alters entry 3, then recomputes its hash
      // and every later one as a plain SHA-256 chain, so each entry follows the one before it.
      await reset();
      await fill(6);
      const chain = await rows().selectFrom('privacy_ledger').selectAll().orderBy('seq').execute();
      let prev = chain[1]?.hash ?? '';
      for (const row of chain.slice(2)) {
        const forged = { ...row, details: row.seq === 3 ? '{"what":"nothing"}' : row.details, prev_hash: prev };
        const fields = [forged.seq, forged.at, forged.action, forged.actor_kind, forged.request_id, forged.purpose];
        const hash = createHash('sha256')
          .update(JSON.stringify([...fields, forged.details, forged.commitment, forged.prev_hash]))
          .digest('hex');
        await change(row.seq, { details: forged.details, prev_hash: prev, hash });
        prev = hash;
      }
      expect(await ledger().verify()).toMatchObject({ ok: false, firstBad: 3 });
    });

    it('stays intact when an erasure empties an actor or a subject, and when retention removes the oldest', async () => {
      await reset();
      await fill(10);
      await rows()
        .updateTable('privacy_ledger')
        .set({ subject_id: null })
        .where('subject_id', '=', 'member-1')
        .execute();
      await rows().updateTable('privacy_ledger').set({ actor_id: null }).where('actor_id', '=', 'staff-2').execute();
      await rows().deleteFrom('privacy_ledger').where('seq', '<=', 3).execute();
      expect(await ledger().verify()).toEqual({ ok: true, checked: 7 });
    });

    it('still checks the staff member of a read once the member read is erased, and the other way round', async () => {
      // Whoever reads an erased member's data must not be able to put a colleague's name on it.
      const cases = [
        { erased: { subject_id: null }, changed: { actor_id: 'staff-9' }, reason: 'actor' },
        { erased: { actor_id: null }, changed: { subject_id: 'member-9' }, reason: 'subject' },
      ];
      for (const { erased, changed, reason } of cases) {
        await reset();
        await fill(6);
        await rows().updateTable('privacy_ledger').set(erased).execute();
        expect(await ledger().verify()).toEqual({ ok: true, checked: 6 });
        await change(4, changed);
        expect(await ledger().verify()).toMatchObject({
          ok: false,
          firstBad: 4,
          reason: expect.stringContaining(reason),
        });
      }
      // An actor written onto an entry that had none (a system action) is caught as well.
      await reset();
      await ledger().record({ action: 'erasure.started', actor: { kind: 'system' }, subjectId: 'member-1' });
      await change(1, { actor_id: 'staff-1' });
      expect(await ledger().verify()).toMatchObject({ ok: false, firstBad: 1 });
    });

    it('appends inside the caller’s transaction, and nothing remains when it rolls back', async () => {
      await reset();
      await fill(2);
      await expect(
        suite.database.db.transaction().execute(async (trx) => {
          await ledger().record({ action: 'correction.made', actor: { kind: 'staff', id: 'staff-1' } }, trx);
          throw new Error('the correction failed');
        }),
      ).rejects.toThrow('the correction failed');
      await suite.database.db
        .transaction()
        .execute((trx) => ledger().record({ action: 'request.done', actor: { kind: 'cli' }, requestId: 'r-1' }, trx));
      expect(await ledger().verify()).toEqual({ ok: true, checked: 3 });
      expect((await ledger().forRequest('r-1')).map((entry) => [entry.seq, entry.action])).toEqual([
        [3, 'request.done'],
      ]);
    });

    it('keeps one contiguous chain when appends race', async () => {
      await reset();
      // A second connection, as a second process has. (Not on SQLite in one process: better-sqlite3
      // blocks the whole thread while it waits for the other connection's lock, which then never
      // comes; there, one connection's transactions queue, and separate processes wait on busy_timeout.)
      const other = suite.engine === 'postgres' ? await suite.connectAgain() : suite.database;
      try {
        const second = new AuditLedger(other, suite.context.secrets, suite.context.now);
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            (i % 2 ? second : ledger()).record({ action: 'request.received', actor: { kind: 'system' } }),
          ),
        );
      } finally {
        if (other !== suite.database) await other.close();
      }
      const seqs = (await rows().selectFrom('privacy_ledger').select('seq').orderBy('seq').execute()).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await ledger().verify()).toEqual({ ok: true, checked: 50 });
    });

    it('lists a member’s entries newest first, a request’s oldest first, and the latest for staff', async () => {
      await reset();
      await fill(10);
      for (const action of ['request.received', 'request.verified', 'request.done'] as const)
        await ledger().record({ action, actor: { kind: 'member' }, subjectId: 'member-2', requestId: 'r-2' });
      expect((await ledger().about('member-2', 3)).map((entry) => entry.seq)).toEqual([13, 12, 11]);
      expect((await ledger().about('member-2')).map((entry) => entry.seq)).toEqual([13, 12, 11, 8, 3]);
      expect((await ledger().forRequest('r-2')).map((entry) => entry.action)).toEqual([
        'request.received',
        'request.verified',
        'request.done',
      ]);
      expect((await ledger().recent(2)).map((entry) => entry.seq)).toEqual([13, 12]);
    });

    it('verifies 20,000 entries a page at a time, and finds one altered on a page’s first row', async () => {
      await reset();
      // Written here from the documented format, not through record() (20,000 appends would take
      // seconds on PostgreSQL): this also pins the format, which a ledger already written relies on.
      const actorKey = suite.context.secrets.key('privacy-ledger');
      const chainKey = suite.context.secrets.key('privacy-ledger-chain');
      const mac = (key: Buffer, value: unknown) =>
        createHmac('sha256', key).update(JSON.stringify(value)).digest('hex');
      let prev = '0'.repeat(64);
      let batch: PrivacyLedgerRow[] = [];
      for (let seq = 1; seq <= 20_000; seq++) {
        const actor = `staff-${seq % 7}`;
        const subject = `member-${seq % 11}`;
        const entry = {
          seq,
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
          action: 'staff.read',
          actor_kind: 'staff' as const,
          request_id: null,
          purpose: 'support',
          details: '{"what":"orders"}',
          commitment: `${mac(actorKey, [seq, 'actor', actor])}:${mac(actorKey, [seq, 'subject', subject])}`,
          prev_hash: prev,
        };
        const { at, action, actor_kind, request_id, purpose, details, commitment } = entry;
        const hash = mac(chainKey, [seq, at, action, actor_kind, request_id, purpose, details, commitment, prev]);
        batch.push({ ...entry, actor_id: actor, subject_id: subject, hash });
        prev = hash;
        if (batch.length === 1000) {
          await rows().insertInto('privacy_ledger').values(batch).execute();
          batch = [];
        }
      }
      // Counts the rows each query brings back: verify must never hold more than a page.
      let largest = 0;
      const pageWatch: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          largest = Math.max(largest, args.result.rows.length);
          return args.result;
        },
      };
      const watched = new AuditLedger(
        { ...suite.database, db: suite.database.db.withPlugin(pageWatch) },
        suite.context.secrets,
        suite.context.now,
      );
      expect(await watched.verify(1000)).toEqual({ ok: true, checked: 20_000 });
      expect(largest).toBe(1000);
      // The first row of the 16th page: its link to the last row of the page before must be checked.
      await change(15_001, { prev_hash: 'f'.repeat(64) });
      expect(await watched.verify(1000)).toMatchObject({ ok: false, checked: 15_000, firstBad: 15_001 });
      // The first one of the chain appended through record() follows the last one written above.
      await change(15_001, {
        prev_hash: (
          await rows().selectFrom('privacy_ledger').select('hash').where('seq', '=', 15_000).executeTakeFirstOrThrow()
        ).hash,
      });
      const next = await ledger().record({ action: 'request.received', actor: { kind: 'system' } });
      expect(next.seq).toBe(20_001);
      expect(await ledger().verify()).toEqual({ ok: true, checked: 20_001 });
    });
  },
  { app: false },
);
