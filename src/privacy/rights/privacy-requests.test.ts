import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import { privacyModule } from '../privacy-module.js';
import type { RightsTables } from './rights-tables.js';

function parisDay(moment: Date) {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(moment)
    .split('-')
    .map(Number);
  return { year, month: month ?? 0, day: day ?? 0 };
}

describeEachEngine(
  'privacy requests',
  (suite) => {
    const requests = () => suite.context.servicesOf(privacyModule).requests;
    const rows = () => tablesOf<RightsTables>(suite.database);

    it('forgets a request from the form whose address was never confirmed, a week after its link expired', async () => {
      const base = { kind: 'erasure' as const, channel: 'web-form' as const, locale: 'en' as const, verified: false };
      const stale = await requests().create({ ...base, email: 'typed-by-someone@example.com' });
      const recent = await requests().create({ ...base, email: 'still-waiting@example.com' });
      const confirmed = await requests().create({ ...base, email: 'confirmed@example.com' });
      const now = new Date();
      const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
      await requests().update(stale.id, { proof_expires_at: daysAgo(8) });
      await requests().update(recent.id, { proof_expires_at: daysAgo(6) });
      await requests().update(confirmed.id, {
        proof_expires_at: daysAgo(30),
        status: 'verified',
        verified_at: daysAgo(31),
      });

      expect(await requests().forgetUnconfirmed(now)).toBe(1);
      const left = await rows()
        .selectFrom('privacy_requests')
        .select('id')
        .where('id', 'in', [stale.id, recent.id, confirmed.id])
        .execute();
      expect(left.map((row) => row.id).sort()).toEqual([recent.id, confirmed.id].sort());
    });

    it('starts a request once: a second start (a double submit, two staff) is refused and changes nothing', async () => {
      const request = await requests().create({
        kind: 'access',
        channel: 'post',
        locale: 'fr',
        verified: true,
        email: 'q@example.com',
      });
      const start = () =>
        suite.database.db
          .transaction()
          .execute((trx) => requests().moveTo(request.id, 'in-progress', {}, trx as never));
      await start();
      await expect(start()).rejects.toMatchObject({ code: 'VT_REQUEST_CLOSED' });
      expect((await requests().get(request.id)).status).toBe('in-progress');
    });

    it('computes the legal deadline from receipt, and lists open requests by it', async () => {
      const request = await requests().create({
        kind: 'access',
        channel: 'post',
        locale: 'fr',
        verified: true,
        email: 'p@example.com',
      });
      // Calendar days in Paris, the shop's day: a request received at 00:30 in Paris is received on
      // that day even though it is still the day before in UTC.
      const received = parisDay(new Date(request.received_at));
      const due = parisDay(new Date(request.due_at));
      expect(due.day).toBe(Math.min(received.day, due.day));
      expect((due.month - received.month + 12) % 12).toBe(1);
      expect(parisDay(new Date(new Date(request.due_at).getTime() + 1)).day).not.toBe(due.day);
      const open = await requests().list({ open: true, limit: 100, offset: 0 });
      expect(open.map((row) => row.due_at)).toEqual([...open.map((row) => row.due_at)].sort());
      expect(open.some((row) => row.id === request.id)).toBe(true);
    });
  },
  { app: false },
);
