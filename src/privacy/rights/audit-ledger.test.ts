import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import { privacyModule } from '../privacy-module.js';
import { verifyLedgerCommand } from './audit-ledger.js';
import type { RightsTables } from './rights-tables.js';

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

    it('verifies an intact chain, and reports it so on the command line', async () => {
      await reset();
      await fill(12);
      expect(await ledger().verify()).toEqual({ ok: true, checked: 12 });
      expect(await printed()).toEqual({ code: 0, lines: ['ledger intact: 12 entries'] });
    });

    it('names the first entry whose content, actor or subject was changed', async () => {
      for (const change of [
        { details: '{"what":"nothing"}' },
        { action: 'export.built' },
        { at: '2020-01-01T00:00:00.000Z' },
        { actor_id: 'staff-9' },
        { subject_id: 'member-9' },
      ]) {
        await reset();
        await fill(8);
        await rows().updateTable('privacy_ledger').set(change).where('seq', '=', 5).execute();
        const verdict = await ledger().verify();
        expect(verdict, JSON.stringify(change)).toMatchObject({ ok: false, firstBad: 5 });
        const { code, lines } = await printed();
        expect(code).toBe(1);
        expect(lines[0]).toMatch(/^ledger tampered at entry #5: /);
      }
    });

    it('finds an entry removed from the middle, and one rewritten with a recomputed hash', async () => {
      await reset();
      await fill(6);
      await rows().deleteFrom('privacy_ledger').where('seq', '=', 3).execute();
      expect(await ledger().verify()).toMatchObject({
        ok: false,
        firstBad: 4,
        reason: expect.stringContaining('missing'),
      });
      await reset();
      await fill(6);
      // A forger who rewrites an entry and its own hash still breaks the link to the next one.
      const [third] = await rows().selectFrom('privacy_ledger').selectAll().where('seq', '=', 3).execute();
      await rows()
        .updateTable('privacy_ledger')
        .set({ hash: 'f'.repeat(64) })
        .where('seq', '=', 3)
        .execute();
      expect(third).toBeDefined();
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

    it('keeps one contiguous chain when appends race', async () => {
      await reset();
      // A second connection, as a second process has. (Not on SQLite in one process: better-sqlite3
      // blocks the whole thread while it waits for the other connection's lock, which then never
      // comes; there, one connection's transactions queue, and separate processes wait on busy_timeout.)
      const other = suite.engine === 'postgres' ? await suite.connectAgain() : suite.database;
      try {
        const { AuditLedger } = await import('./audit-ledger.js');
        const second = new AuditLedger(other, suite.context.secrets, suite.context.now);
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? second : ledger()).record({ action: 'request.received', actor: { kind: 'system' } }),
          ),
        );
      } finally {
        if (other !== suite.database) await other.close();
      }
      const seqs = (await rows().selectFrom('privacy_ledger').select('seq').orderBy('seq').execute()).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => (seqs[0] ?? 0) + i));
      expect(await ledger().verify()).toEqual({ ok: true, checked: 40 });
    });

    it('verifies a long chain page by page', async () => {
      await reset();
      await fill(2_500);
      expect(await ledger().verify(200)).toEqual({ ok: true, checked: 2_500 });
      await rows().updateTable('privacy_ledger').set({ purpose: 'marketing' }).where('seq', '=', 2_301).execute();
      const first = (await rows().selectFrom('privacy_ledger').select('seq').orderBy('seq').limit(1).execute())[0]?.seq;
      expect(first).toBeDefined();
      expect(await ledger().verify(200)).toMatchObject({ ok: false, firstBad: 2_301 });
    });
  },
  { app: false },
);
