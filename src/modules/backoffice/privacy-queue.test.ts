import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { mailTo } from '../../../test/mail.js';
import { verifiedMember } from '../../../test/members.js';
import { errorCodeOf } from '../../../test/route-checks/responses.js';
import { signedInStaff } from '../../../test/staff.js';
import type { Visitor } from '../../../test/visitor.js';
import { createJobWorker } from '../../job-workers.js';
import { tablesOf } from '../../platform/db/database.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import { privacyModule } from '../../privacy/privacy-module.js';
import { requestDeadline } from '../../privacy/rights/deadline.js';
import type { RightsTables } from '../../privacy/rights/rights-tables.js';
import type { MemberTables } from '../members/member-tables.js';
import { backofficeModule } from './index.js';

const day = 86_400_000;
const clock = { now: new Date('2027-01-11T09:00:00Z'), ticks: 0 };
/** Time moves a millisecond at each reading: entries made in a row keep their order. */
const now = () => new Date(clock.now.getTime() + clock.ticks++);
let clients = 0;
/** A browser with an address of its own (sign-in throttles count per address). */
const client = () => {
  clients += 1;
  return { 'accept-language': 'en', 'x-forwarded-for': `10.91.${clients >> 8}.${clients & 255}` };
};

describeEachEngine(
  'the staff queue of privacy requests (/admin/privacy) and the ledger of staff reads',
  (suite) => {
    const rights = () => suite.context.servicesOf(privacyModule);
    const db = () => tablesOf<RightsTables & OutboxTable & MemberTables>(suite.database);
    const requestRow = (id: string) =>
      db().selectFrom('privacy_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const runJobs = async () => {
      const worker = createJobWorker(suite.context);
      for (let round = 0; round < 30 && (await worker.tick()) > 0; round++);
    };
    const staffOf = (role: string) => signedInStaff(suite, role, { headers: client() });

    /** Records a request through the form, as staff do from a letter or an email; returns its id. */
    async function record(browser: Visitor, form: Record<string, string>) {
      const answer = await browser.submit('/admin/privacy/new', '/admin/privacy', {
        channel: 'post',
        details: '',
        locale: 'en',
        ...form,
      });
      expect(answer.statusCode, answer.body.slice(0, 400)).toBe(303);
      const id = /^\/admin\/privacy\/([^?]+)\?done=recorded$/.exec(String(answer.headers.location))?.[1];
      if (!id) throw new Error(`no request page: ${answer.headers.location}`);
      return decodeURIComponent(id);
    }

    /** Takes a step on a request from its page (its CSRF token), as staff do. */
    const step = (browser: Visitor, id: string, action: string, form: Record<string, string> = {}) =>
      browser.submit(`/admin/privacy/${id}`, `/admin/privacy/${id}/${action}`, form);

    it('lists open requests by legal deadline, days left and the overdue in red, closed ones below', async () => {
      const { browser } = await staffOf('support');
      const { requests } = rights();
      const made = [];
      for (const [email, dueInDays] of [
        ['later@example.com', 20],
        ['overdue@example.com', -3],
        ['soon@example.com', 2],
      ] as const) {
        const request = await requests.create({
          kind: 'access',
          channel: 'email',
          email,
          locale: 'en',
          verified: true,
        });
        // Half a day past the whole days: what the page counts does not depend on the clock's ticks.
        const dueAt = new Date(clock.now.getTime() + dueInDays * day + day / 2);
        await requests.update(request.id, { due_at: dueAt.toISOString() });
        made.push(request.id);
      }
      const closed = await requests.create({
        kind: 'erasure',
        channel: 'post',
        email: 'closed@example.com',
        locale: 'en',
        verified: true,
      });
      await requests.update(closed.id, { status: 'refused', closed_at: now().toISOString() });

      const page = await browser.get('/admin/privacy');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const order = [
        'overdue@example.com',
        'soon@example.com',
        'later@example.com',
        'Closed requests',
        'closed@example.com',
      ];
      const positions = order.map((text) => page.body.indexOf(text));
      expect(positions.every((position) => position > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(page.body).toContain('class="deadline deadline--overdue">overdue by 3 days');
      expect(page.body).toContain('class="deadline deadline--soon">2 days left');
      expect(page.body).toContain('class="deadline">20 days left');
      expect(page.body).toContain(`href="/admin/privacy/${made[1]}"`);
      // The menu leads there for the roles that handle requests.
      expect(page.body).toContain('href="/admin/privacy" aria-current="page"');
    });

    it('records a postal erasure request for a member, verified then started: the jobs erase them, the request is done with its history', async () => {
      const member = await verifiedMember(suite, 'erin');
      const { browser } = await staffOf('owner');
      const id = await record(browser, {
        kind: 'erasure',
        person: 'Erin',
        details: 'Letter of 8 January: please delete my account and everything about me.',
      });
      const recorded = await requestRow(id);
      expect(recorded).toMatchObject({
        kind: 'erasure',
        channel: 'post',
        status: 'received',
        member_id: member.id,
        email: member.email,
        verified_at: null,
      });
      expect(recorded.due_at).toBe(requestDeadline(new Date(recorded.received_at), false).toISOString());

      // Not before the person's identity is checked.
      const early = await step(browser, id, 'start');
      expect(early.statusCode).toBe(400);
      expect(early.body).toContain('Verify the person’s identity first.');
      expect((await requestRow(id)).status).toBe('received');

      expect((await step(browser, id, 'verify')).headers.location).toBe(`/admin/privacy/${id}?done=verify`);
      const page = await browser.get(`/admin/privacy/${id}?done=verify`);
      expect(page.body).toContain('Erase the person’s data');
      expect(page.body).toContain('Erasure cannot be undone');
      expect((await browser.post(`/admin/privacy/${id}/start`)).statusCode).toBe(303);
      expect((await requestRow(id)).status).toBe('in-progress');

      await runJobs();
      expect(await db().selectFrom('accounts_members').select('id').where('id', '=', member.id).execute()).toEqual([]);
      expect((await requestRow(id)).status).toBe('done');
      // The receipt went before the address did (its stored copy is erased with the rest).
      expect(await mailTo(suite, member.email)).toEqual([]);

      const history = await rights().ledger.forRequest(id);
      const actions = history.map((entry) => entry.action);
      expect(actions.slice(0, 3)).toEqual(['request.received', 'request.verified', 'erasure.started']);
      expect(actions).toContain('erasure.receipt-sent');
      expect(actions.at(-1)).toBe('erasure.done');
      const owner = await suite.context.servicesOf(backofficeModule).staff.list();
      const staffIds = new Set(owner.map((row) => row.id));
      for (const entry of history.slice(0, 3)) {
        expect(entry.actor_kind).toBe('staff');
        expect(staffIds.has(entry.actor_id ?? '')).toBe(true);
      }
      const done = await browser.get(`/admin/privacy/${id}`);
      expect(done.statusCode).toBe(200);
      for (const text of ['Done', 'Request received', 'Identity verified', 'Erasure started', 'Erasure complete'])
        expect(done.body).toContain(text);
      expect(done.body).toContain('This request is closed');

      // A double submit, or a stale page: refused with its message, nothing changes.
      const again = await browser.post(`/admin/privacy/${id}/start`);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('This request is already done or refused');
      expect(await rights().ledger.forRequest(id)).toHaveLength(history.length);
    });

    it('extends the deadline to three calendar months once, with the reason mailed to the person', async () => {
      const { browser } = await staffOf('support');
      const email = 'letter.writer@example.com';
      const id = await record(browser, { channel: 'email', kind: 'access', person: email, verified: '1' });
      const before = await requestRow(id);
      expect(before).toMatchObject({ status: 'verified', member_id: null, email, channel: 'email' });

      const missing = await step(browser, id, 'extend', { reason: '  ' });
      expect(missing.statusCode).toBe(400);
      expect((await requestRow(id)).extended_at).toBeNull();

      const reason = 'Your letter asks for records kept in our paper archive, which we must fetch.';
      const extended = await step(browser, id, 'extend', { reason });
      expect(extended.headers.location).toBe(`/admin/privacy/${id}?done=extend`);
      const after = await requestRow(id);
      expect(after.due_at).toBe(requestDeadline(new Date(before.received_at), true).toISOString());
      expect(new Date(after.due_at).getUTCMonth()).toBe((new Date(before.received_at).getUTCMonth() + 3) % 12);
      expect(after).toMatchObject({ status: 'verified', answer: reason });
      expect(after.extended_at).not.toBeNull();

      const [mail] = (await mailTo(suite, email)).filter((m) =>
        m.subject.startsWith('Your request about your data: more time'),
      );
      expect(mail?.text).toContain(reason);
      expect(mail?.text).toContain('article 12(3)');
      expect((await rights().ledger.forRequest(id)).map((entry) => entry.action)).toContain('request.extended');

      // Once only: a second extension (a double submit) is refused, and nothing more is mailed.
      const twice = await browser.post(`/admin/privacy/${id}/extend`, { reason: 'again' });
      expect(twice.statusCode).toBe(409);
      expect(twice.body).toContain('Request already closed');
      expect((await mailTo(suite, email)).filter((m) => m.subject.includes('more time'))).toHaveLength(1);
    });

    it('refuses with the reason mailed (and the right to complain); a closed request takes no further step', async () => {
      const { browser } = await staffOf('owner');
      const email = 'not.a.customer@example.com';
      const id = await record(browser, { kind: 'erasure', person: email, details: 'Erase me' });
      const reason = 'We could not confirm that the letter comes from the holder of this address.';
      expect((await step(browser, id, 'refuse', { reason })).statusCode).toBe(303);
      expect(await requestRow(id)).toMatchObject({ status: 'refused', answer: reason });
      const [mail] = await mailTo(suite, email);
      expect(mail?.subject).toContain('Your request about your data');
      expect(mail?.text).toContain(reason);
      expect(mail?.text).toContain('CNIL');

      for (const action of ['verify', 'start', 'extend', 'refuse']) {
        const late = await browser.post(`/admin/privacy/${id}/${action}`, { reason: 'x' });
        expect(late.statusCode, action).toBe(409);
        expect(late.body).toContain('This request is already done or refused');
      }
      expect(await mailTo(suite, email)).toHaveLength(1);
    });

    it('closes a correction with an answer the member sees, mailed to them', async () => {
      const member = await verifiedMember(suite, 'cora');
      const { browser } = await staffOf('support');
      const id = await record(browser, {
        kind: 'correction',
        person: 'cora',
        details: 'My invoices show my maiden name.',
        verified: '1',
      });
      // A correction must say what to correct.
      const empty = await browser.submit('/admin/privacy/new', '/admin/privacy', {
        channel: 'post',
        kind: 'correction',
        person: 'cora',
        details: '',
        locale: 'en',
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Say what the person asks');

      expect((await step(browser, id, 'start')).statusCode).toBe(303);
      expect((await requestRow(id)).status).toBe('in-progress');
      const answer = 'Your invoices now show the name Cora Martin.';
      expect((await step(browser, id, 'answer', { answer })).headers.location).toBe(`/admin/privacy/${id}?done=answer`);
      const [mine] = await rights().requests.forMember(member.id);
      expect(mine).toMatchObject({ id, kind: 'correction', status: 'done', answer });
      const mail = (await mailTo(suite, member.email)).find((m) =>
        m.subject.startsWith('Your correction request is done'),
      );
      expect(mail?.text).toContain(answer);
      expect((await rights().ledger.forRequest(id)).map((entry) => entry.action)).toEqual([
        'request.received',
        'request.verified',
        'request.status',
        'request.done',
      ]);
    });

    it('lifts a restriction (the person told first) and refuses an unknown username', async () => {
      const member = await verifiedMember(suite, 'rhea');
      const { browser } = await staffOf('owner');
      const unknown = await browser.submit('/admin/privacy/new', '/admin/privacy', {
        channel: 'post',
        kind: 'access',
        person: 'nobody-by-this-name',
        locale: 'en',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('No member has this username');

      const id = await record(browser, {
        kind: 'restriction',
        person: 'rhea',
        details: 'I dispute the address you hold.',
        verified: '1',
      });
      const subject = { memberId: member.id, email: member.email };
      expect(await rights().objections.may(subject, 'support')).toBe(false);
      expect(
        (await step(browser, id, 'lift', { answer: 'We checked: the address you gave us is the one we hold.' }))
          .statusCode,
      ).toBe(303);
      expect(await rights().objections.may(subject, 'support')).toBe(true);
      expect((await requestRow(id)).status).toBe('done');
      const mail = (await mailTo(suite, member.email)).find((m) => m.subject.startsWith('The restriction'));
      expect(mail?.text).toContain('the address you gave us');
    });

    it('reminds owners and support staff once of requests due within 7 days, in one mail each', async () => {
      const owner = await staffOf('owner');
      const support = await staffOf('support');
      const accountant = await staffOf('accountant');
      const id = await record(owner.browser, { kind: 'access', person: 'due.soon@example.com' });
      // Three weeks and a half later, the month is nearly over.
      clock.now = new Date(clock.now.getTime() + 26 * day);
      const due = (await requestRow(id)).due_at;
      expect(Date.parse(due) - clock.now.getTime()).toBeLessThan(7 * day);

      const remindersTo = async (email: string) =>
        (await mailTo(suite, email)).filter((mail) => mail.subject.startsWith('Demandes RGPD à traiter'));
      const [ownerMail, ...more] = await remindersTo(owner.email);
      expect(more).toEqual([]);
      expect(ownerMail?.text).toContain(`/admin/privacy/${id}`);
      expect(ownerMail?.text).toContain('due');
      expect(ownerMail?.text).not.toContain('due.soon@example.com');
      expect(await remindersTo(support.email)).toHaveLength(1);
      expect(await remindersTo(accountant.email)).toEqual([]);
      expect((await requestRow(id)).reminded_at).not.toBeNull();

      // The next day's run finds nothing new: no second reminder.
      clock.now = new Date(clock.now.getTime() + day);
      expect(await suite.context.servicesOf(backofficeModule).remindPrivacyRequests()).toBe(0);
      expect(await remindersTo(owner.email)).toHaveLength(1);
    });

    it('writes each staff read of members’ data to the ledger, one entry per member shown; a restricted member’s message is refused', async () => {
      const first = await verifiedMember(suite, 'ledgerly');
      const second = await verifiedMember(suite, 'ledgerlyn');
      const { browser, email } = await staffOf('support');
      const staffId = (await suite.context.servicesOf(backofficeModule).staff.list()).find(
        (row) => row.email === email,
      )?.id;

      const list = await browser.get('/admin/members?q=ledgerly');
      expect(list.statusCode).toBe(200);
      for (const member of [first, second]) {
        const reads = (await rights().ledger.about(member.id)).filter((entry) => entry.action === 'staff.read');
        expect(reads).toHaveLength(1);
        expect(reads[0]).toMatchObject({ actor_kind: 'staff', actor_id: staffId, purpose: 'support' });
        expect(JSON.parse(reads[0]?.details ?? '{}')).toEqual({ what: 'members list', role: 'support' });
      }
      expect(
        suite.logs.some((line) => line.includes('staff viewed member data') && line.includes('members list')),
      ).toBe(true);

      // One message of the outbox: its recipient is the member; refused while they restrict processing.
      const message = await db()
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', first.email)
        .executeTakeFirstOrThrow();
      expect((await browser.get(`/admin/outbox/${message.id}`)).statusCode).toBe(200);
      const reads = (await rights().ledger.about(first.id)).filter((entry) => entry.action === 'staff.read');
      expect(JSON.parse(reads[0]?.details ?? '{}')).toEqual({ what: 'mail outbox message', role: 'support' });
      expect(reads[0]?.purpose).toBe('notices');

      await rights().objections.record({ memberId: first.id, email: first.email }, 'restriction', null);
      const refused = await browser.get(`/admin/outbox/${message.id}`);
      expect(refused.statusCode).toBe(403);
      expect(errorCodeOf(refused)).toBe('VT_FORBIDDEN');
      expect((await rights().ledger.about(first.id)).filter((entry) => entry.action === 'staff.read')).toHaveLength(2);
      // A list is not refused for one of its rows.
      expect((await browser.get('/admin/members?q=ledgerly')).statusCode).toBe(200);
      await rights().objections.lift({ memberId: first.id }, 'restriction');
    });

    it('refuses roles without the permission (403) and forged ids (404)', async () => {
      for (const role of ['marketing', 'accountant']) {
        const { browser } = await staffOf(role);
        const page = await browser.get('/admin/privacy');
        expect(page.statusCode, role).toBe(403);
        expect(errorCodeOf(page)).toBe('VT_FORBIDDEN');
        const dashboard = await browser.get('/admin');
        expect(dashboard.body).not.toContain('href="/admin/privacy"');
        expect((await browser.post('/admin/privacy/q7Yt2mZp9Ld4xW/verify')).statusCode).toBe(403);
      }
      const { browser } = await staffOf('support');
      expect((await browser.get('/admin')).body).toContain('href="/admin/privacy"');
      const forged = await browser.get('/admin/privacy/q7Yt2mZp9Ld4xW');
      expect(forged.statusCode).toBe(404);
      expect(errorCodeOf(forged)).toBe('VT_REQUEST_NOT_FOUND');
      await browser.get('/admin/privacy');
      const posted = await browser.post('/admin/privacy/q7Yt2mZp9Ld4xW/refuse', { reason: 'x' });
      expect(posted.statusCode).toBe(404);
      expect(errorCodeOf(posted)).toBe('VT_REQUEST_NOT_FOUND');
    });
  },
  { overrides: { now }, env: { TRUST_PROXY: 'true' } },
);
