import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { linkIn, mailTo } from '../../../test/mail.js';
import { tokenOf, verifiedMember } from '../../../test/members.js';
import { tableChanges, tableDigests } from '../../../test/route-checks/table-digests.js';
import { Visitor } from '../../../test/visitor.js';
import { createJobWorker } from '../../job-workers.js';
import { tablesOf } from '../../platform/db/database.js';
import type { OutboxTable } from '../../platform/mail/outbox-table.js';
import { privacyModule } from '../privacy-module.js';
import type { RightsTables } from './rights-tables.js';

const form = { en: '/en/privacy/request', fr: '/fr/confidentialite/demande' };
const confirmPath = { en: '/en/privacy/request/confirm', fr: '/fr/confidentialite/demande/confirmer' };

// Each test comes from its own addresses: the mail throttle counts per client too.
let lastClient = 0;
const client = (suite: Suite) => new Visitor(suite.app, {}, { remoteAddress: `10.77.${++lastClient}.1` });

/** What a page says, without what differs on every answer (the CSP nonce, the CSRF token). */
const comparable = (body: string) => body.replace(/nonce="[^"]+"/g, '').replace(/name="_csrf" value="[^"]+"/g, '');

describeEachEngine('privacy requests from people without an account', (suite) => {
  const rights = () => suite.context.servicesOf(privacyModule);
  const db = () => tablesOf<RightsTables & OutboxTable>(suite.database);
  const requestsOf = (email: string) =>
    db().selectFrom('privacy_requests').selectAll().where('email', '=', email).orderBy('received_at').execute();
  const runJobs = async () => {
    const worker = createJobWorker(suite.context);
    for (let round = 0; round < 20 && (await worker.tick()) > 0; round++);
  };

  async function ask(fields: Record<string, string>, locale: 'en' | 'fr' = 'en', visitor = client(suite)) {
    return visitor.submit(form[locale], form[locale], { details: '', ...fields });
  }

  /** Asks, then returns the proof link from the mail (and the visitor who will follow it). */
  async function proofLink(email: string, kind: string, details = '') {
    const answer = await ask({ email, kind, details });
    expect(answer.statusCode).toBe(303);
    const mail = (await mailTo(suite, email)).find((m) => m.subject.startsWith('Confirm your request about your data'));
    return linkIn(mail?.text ?? '', confirmPath.en);
  }

  async function confirm(link: string) {
    const visitor = client(suite);
    const page = await visitor.get(link);
    expect(page.statusCode).toBe(200);
    return visitor.post(confirmPath.en, { token: tokenOf(link) });
  }

  it('answers a member’s address and an unknown one the same, and mails the single-use link', async () => {
    const member = await verifiedMember(suite, 'quentin');
    const known = await ask({ email: member.email, kind: 'access' });
    const unknown = await ask({ email: 'nobody.here@example.com', kind: 'access' });
    for (const answer of [known, unknown]) {
      expect(answer.statusCode).toBe(303);
      expect(answer.headers.location).toBe('/en/privacy/request?sent=1');
    }
    expect(known.body).toBe(unknown.body);
    const pages = await Promise.all([client(suite).get(`${form.en}?sent=1`), client(suite).get(`${form.en}?sent=1`)]);
    expect(pages[0]?.body).toContain('Check your mailbox');
    expect(comparable(pages[0]?.body ?? '')).toBe(comparable(pages[1]?.body ?? ''));

    for (const email of [member.email, 'nobody.here@example.com']) {
      const [request] = await requestsOf(email);
      expect(request).toMatchObject({
        kind: 'access',
        channel: 'web-form',
        status: 'received',
        member_id: null,
        email,
        verified_at: null,
      });
      expect(Date.parse(request?.proof_expires_at ?? '') - Date.parse(request?.received_at ?? '')).toBe(86_400_000);
      const mail = (await mailTo(suite, email)).find((m) => m.subject.startsWith('Confirm your request'));
      const token = tokenOf(linkIn(mail?.text ?? '', confirmPath.en));
      expect(token.length).toBeGreaterThan(30);
      // Only the hash is kept: neither the request nor any stored mail holds the token.
      expect(request?.proof_hash).toBeTruthy();
      expect(request?.proof_hash).not.toBe(token);
      const outbox = await db().selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute();
      expect(JSON.stringify(outbox)).not.toContain(token);
      expect((await rights().ledger.forRequest(request?.id ?? '')).map((entry) => entry.action)).toEqual([
        'request.received',
      ]);
    }
  });

  it('access: the link’s page changes nothing; its button starts the archive, whose link works once', async () => {
    const email = 'rosa.guest@example.com';
    const link = await proofLink(email, 'access');
    const before = await tableDigests(suite.database);
    const visitor = client(suite);
    for (let i = 0; i < 2; i++) {
      const page = await visitor.get(link);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Confirm your request');
      expect(page.body).toContain(email);
    }
    expect(tableChanges(before, await tableDigests(suite.database))).toEqual([]);

    const done = await visitor.post(confirmPath.en, { token: tokenOf(link) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/privacy/request/confirm?done=access');
    expect((await visitor.get(String(done.headers.location))).body).toContain('We are preparing your archive');
    const [request] = await requestsOf(email);
    expect(request).toMatchObject({ status: 'in-progress', proof_hash: null, proof_expires_at: null });
    expect(request?.verified_at).toBeTruthy();

    const ready = (await mailTo(suite, email)).find((m) => m.subject.startsWith('Your copy of your data is ready'));
    const download = /\/privacy\/download\/[A-Za-z0-9_-]+/.exec(ready?.text ?? '')?.[0] ?? '';
    expect(download).not.toBe('');
    const archive = await client(suite).get(download);
    expect(archive.statusCode).toBe(200);
    expect(archive.headers['content-type']).toBe('application/zip');
    expect(archive.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await client(suite).get(download)).statusCode).toBe(410);
    expect((await rights().ledger.forRequest(request?.id ?? '')).map((entry) => entry.action)).toEqual([
      'request.received',
      'request.verified',
      'request.status',
      'export.built',
      'export.downloaded',
    ]);

    // The link was spent: the button again is refused, and nothing changes.
    const again = await visitor.post(confirmPath.en, { token: tokenOf(link) });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Link expired or already used');
    expect((await visitor.get(link)).statusCode).toBe(400);
    expect((await requestsOf(email))[0]?.status).toBe('done');
  });

  it('erasure: the link’s page shows the receipt; once confirmed, the rows linked to the address are gone', async () => {
    const email = 'sami.guest@example.com';
    const other = 'tess.guest@example.com';
    await proofLink(other, 'objection');
    const link = await proofLink(email, 'erasure');
    expect(await db().selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()).toHaveLength(1);

    const before = await tableDigests(suite.database);
    const page = await client(suite).get(link);
    expect(page.body).toContain('Here is exactly what is removed and what is kept');
    expect(page.body).toContain('Copies of the emails we send you');
    expect(page.body).toContain('Confirm: erase my data');
    expect(tableChanges(before, await tableDigests(suite.database))).toEqual([]);

    const done = await confirm(link);
    expect(done.headers.location).toBe('/en/privacy/request/confirm?done=erasure');
    await runJobs();
    expect(await db().selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()).toEqual([]);
    const [request] = await db()
      .selectFrom('privacy_requests')
      .selectAll()
      .where('kind', '=', 'erasure')
      .where('channel', '=', 'web-form')
      .execute();
    expect(request?.status).toBe('done');
    const actions = (await rights().ledger.forRequest(request?.id ?? '')).map((entry) => entry.action);
    expect(actions.slice(0, 4)).toEqual([
      'request.received',
      'request.verified',
      'erasure.started',
      'erasure.receipt-sent',
    ]);
    expect(actions.at(-1)).toBe('erasure.done');
    // The other guest is untouched.
    expect(await db().selectFrom('mail_outbox').select('id').where('to_address', '=', other).execute()).toHaveLength(1);
    expect(await rights().ledger.verify()).toMatchObject({ ok: true });
  });

  it('erasure of an address that is a member’s login: the receipt is the member’s (proof of the address suffices)', async () => {
    const member = await verifiedMember(suite, 'ulrich');
    const page = await client(suite).get(await proofLink(member.email, 'erasure'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your member account');
  });

  it('objection: confirmed, marketing is no longer allowed, and the request is done', async () => {
    const email = 'vera.reader@example.com';
    const link = await proofLink(email, 'objection');
    expect(await rights().objections.may({ email }, 'marketing')).toBe(true);
    const done = await confirm(link);
    expect(done.headers.location).toBe('/en/privacy/request/confirm?done=objection');
    expect(await rights().objections.may({ email }, 'marketing')).toBe(false);
    expect(await rights().objections.may({ email }, 'service')).toBe(true);
    const [request] = await requestsOf(email);
    expect(request?.status).toBe('done');
    expect((await rights().ledger.forRequest(request?.id ?? '')).map((entry) => entry.action)).toEqual([
      'request.received',
      'request.verified',
      'objection.recorded',
      'request.done',
    ]);
  });

  it('correction: verified, then waits for staff, and the page says so', async () => {
    const email = 'walt.guest@example.com';
    const link = await proofLink(email, 'correction', 'My name on order 1042 is Walt, not Walter.');
    const page = await client(suite).get(link);
    expect(page.body).toContain('My name on order 1042 is Walt, not Walter.');
    const done = await confirm(link);
    expect(done.headers.location).toBe('/en/privacy/request/confirm?done=correction');
    expect((await client(suite).get(String(done.headers.location))).body).toContain('Your request is with our team');
    const [request] = await requestsOf(email);
    expect(request).toMatchObject({ status: 'verified', details: 'My name on order 1042 is Walt, not Walter.' });
    await runJobs();
    expect((await requestsOf(email))[0]?.status).toBe('verified');
  });

  it('refuses an expired or forged link with the page that says what to do, and changes nothing', async () => {
    const email = 'xena.guest@example.com';
    const link = await proofLink(email, 'erasure');
    const [request] = await requestsOf(email);
    await db()
      .updateTable('privacy_requests')
      .set({ proof_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', request?.id ?? '')
      .execute();
    const before = await tableDigests(suite.database);
    const visitor = client(suite);
    const forged = `${confirmPath.en}?token=${'A'.repeat(43)}`;
    for (const url of [link, forged, confirmPath.en, `${confirmPath.en}?token=%3Cscript%3E`]) {
      const page = await visitor.get(url);
      expect(page.statusCode, url).toBe(400);
      expect(page.body).toContain('Link expired or already used');
      expect(page.body).toContain('Make a new request');
    }
    await visitor.get(form.en); // a page with a form: its CSRF token
    for (const token of [tokenOf(link), 'A'.repeat(43), '', '../x']) {
      const answer = await visitor.post(confirmPath.en, { token });
      expect(answer.statusCode, token).toBe(400);
      expect(answer.body).toContain('Link expired or already used');
    }
    const french = await visitor.get(`${confirmPath.fr}?token=${tokenOf(link)}`);
    expect(french.body).toContain('Lien expiré ou déjà utilisé');
    expect(tableChanges(before, await tableDigests(suite.database))).toEqual([]);
  });

  it('throttles per address and per client, with the same clear 429 in the visitor’s language', async () => {
    const email = 'yann.guest@example.com';
    for (let i = 0; i < 3; i++) expect((await ask({ email, kind: 'access' })).statusCode).toBe(303);
    const refused = await ask({ email, kind: 'access' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeTruthy();
    expect(refused.body).toContain('Email already sent');
    expect((await ask({ email, kind: 'erasure' }, 'fr')).body).toContain('E-mail déjà envoyé');
    expect(await requestsOf(email)).toHaveLength(3);

    const one = client(suite);
    for (let i = 0; i < 20; i++)
      expect((await ask({ email: `z${i}@example.com`, kind: 'access' }, 'en', one)).statusCode).toBe(303);
    const flood = await ask({ email: 'z20@example.com', kind: 'access' }, 'en', one);
    expect(flood.statusCode).toBe(429);
    expect(flood.body).toContain('Email already sent');
    expect(await requestsOf('z20@example.com')).toEqual([]);
  });

  it('refuses bad input with each field’s problem in the visitor’s language, and creates nothing', async () => {
    const before = await tableDigests(suite.database);
    const cases: [Record<string, string>, 'en' | 'fr', string, string][] = [
      [{ email: 'not-an-email', kind: 'access' }, 'en', 'email', 'Enter an email address such as name@example.com.'],
      [{ email: '', kind: 'access' }, 'en', 'email', 'This field is required.'],
      [{ email: 'a@example.com', kind: 'teleport' }, 'en', 'kind', 'Choose what you want us to do.'],
      [{ email: 'a@example.com' }, 'fr', 'kind', 'Choisissez ce que vous souhaitez que nous fassions.'],
      [{ email: 'a@example.com', kind: 'correction' }, 'en', 'details', 'Say what is wrong, and what it should be.'],
      [{ email: 'a@example.com', kind: 'access', details: 'x'.repeat(2001) }, 'en', 'details', 'This is too long'],
      [
        { email: 'pas-une-adresse', kind: 'erasure' },
        'fr',
        'email',
        'Saisissez une adresse e-mail comme nom@exemple.fr.',
      ],
    ];
    for (const [fields, locale, field, message] of cases) {
      const answer = await ask(fields, locale);
      expect(answer.statusCode, JSON.stringify(fields)).toBe(400);
      expect(answer.body).toContain(`id="field-${field}-error"`);
      expect(answer.body).toContain(message);
      expect(answer.body).toContain(
        locale === 'fr' ? 'Certaines informations ne sont pas valides' : 'Some information is not valid',
      );
    }
    const typed = await ask({ email: 'kept@example', kind: 'access', details: 'hello' });
    expect(typed.body).toContain('value="kept@example"');
    expect(typed.body).toContain('>hello</textarea>');
    expect(tableChanges(before, await tableDigests(suite.database))).toEqual([]);
  });
});
