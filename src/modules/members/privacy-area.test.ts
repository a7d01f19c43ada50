import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine, type Suite } from '../../../test/harness.js';
import { firefox, memberPassword, verifiedMember } from '../../../test/members.js';
import { Visitor } from '../../../test/visitor.js';
import { createJobWorker } from '../../job-workers.js';
import { tablesOf } from '../../platform/db/database.js';
import { privacyModule } from '../../privacy/privacy-module.js';
import type { RightsTables } from '../../privacy/rights/rights-tables.js';

/**
 * Each member's browser comes from an address of its own: the form-post and sign-in limits count
 * per client, and a suite makes many posts.
 */
let clients = 0;

const page = '/en/account/privacy';
const requestIdIn = (html: string) => /name="request" value="([^"]+)"/.exec(html)?.[1];
const isZip = (response: LightMyRequestResponse) => response.rawPayload.subarray(0, 2).toString('latin1') === 'PK';

function privacyHelpers(suite: Suite) {
  const rights = () => suite.context.servicesOf(privacyModule);
  const db = () => tablesOf<RightsTables>(suite.database);

  /** A confirmed member, signed in from a browser of their own. */
  async function member(username: string) {
    const account = await verifiedMember(suite, username);
    clients += 1;
    const visitor = new Visitor(
      suite.app,
      { 'user-agent': firefox, 'accept-language': 'en' },
      { remoteAddress: `198.51.100.${clients}` },
    );
    const signedIn = await visitor.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: username,
      password: memberPassword,
    });
    expect(signedIn.statusCode).toBe(303);
    await visitor.get(page); // its forms' CSRF token, bound to the new session
    return { ...account, visitor };
  }

  /** Runs every due job (the export, its mail). */
  async function runJobs() {
    const worker = createJobWorker(suite.context);
    for (let round = 0; round < 10 && (await worker.tick()) > 0; round++);
  }

  const requestsOf = (memberId: string) =>
    db().selectFrom('privacy_requests').selectAll().where('member_id', '=', memberId).orderBy('received_at').execute();
  const actionsAbout = async (memberId: string) =>
    (await rights().ledger.about(memberId, 50)).map((entry) => [entry.action, entry.actor_kind, entry.purpose]);
  const objectionsOf = (memberId: string) =>
    db().selectFrom('privacy_objections').selectAll().where('member_id', '=', memberId).orderBy('created_at').execute();

  return { rights, member, runJobs, requestsOf, actionsAbout, objectionsOf };
}

describeEachEngine('the member’s Privacy area: a copy of their data', (suite) => {
  const { member, runJobs, requestsOf, actionsAbout } = privacyHelpers(suite);

  it('prepares the copy as a job showing its progress, then downloads it once through the button', async () => {
    const { id, visitor } = await member('pauline');
    const empty = await visitor.get(page);
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['cache-control']).toBe('no-store');
    expect(empty.body).toContain('Prepare a copy of my data');
    expect(empty.headers.refresh).toBeUndefined();

    const asked = await visitor.post(`${page}/export`);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`${page}?notice=copyRequested`);
    const building = await visitor.get(`${page}?notice=copyRequested`);
    expect(building.body).toContain('We are preparing your copy: 0 % done.');
    expect(building.headers.refresh).toBe('5');
    expect(building.body).not.toContain('Prepare a copy of my data');
    // The updates can be stopped (WCAG 2.2.1), say while typing a correction further down.
    expect(building.body).toContain('href="/en/account/privacy?still=1">Stop the updates</a>');
    const still = await visitor.get(`${page}?still=1`);
    expect(still.body).toContain('We are preparing your copy: 0 % done.');
    expect(still.headers.refresh).toBeUndefined();

    // A second request while one is open: the clear refusal, and nothing more recorded.
    const again = await visitor.post(`${page}/export`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('You already have a request of this kind under way.');
    expect(await requestsOf(id)).toHaveLength(1);

    await runJobs();
    const ready = await visitor.get(page);
    expect(ready.body).toContain('Your copy is ready. You can download it once, until');
    expect(ready.headers.refresh).toBeUndefined();
    const requestId = requestIdIn(ready.body);
    expect(requestId).toBe((await requestsOf(id))[0]?.id);

    const button = await visitor.post(`${page}/download`, { request: requestId ?? '' });
    expect(button.statusCode).toBe(303);
    expect(button.headers.location).toMatch(/^\/privacy\/download\/[A-Za-z0-9_-]+$/);
    const zip = await visitor.get(button.headers.location ?? '');
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(isZip(zip)).toBe(true);

    // Once only: the same link, and the button of a page left open, are refused with the reason.
    const replayed = await visitor.get(button.headers.location ?? '');
    expect(replayed.statusCode).toBe(410);
    expect(replayed.body).toContain('Download link expired or used');
    const stale = await visitor.post(`${page}/download`, { request: requestId ?? '' });
    expect(stale.statusCode).toBe(410);
    expect(stale.body).toContain('This download link has expired, has already been used, or is not yours.');

    const after = await visitor.get(page);
    expect(after.body).toContain('Prepare a copy of my data');
    expect(after.body).toContain('A copy of my data');
    expect(after.body).toContain('You asked for: a copy of my data');
    expect(after.body).toContain('Downloaded on');
    expect(await actionsAbout(id)).toContainEqual(['request.received', 'member', null]);
  });

  it('refuses another member the archive, from the link or the button, and a forged request id', async () => {
    const owner = await member('quentin');
    const other = await member('rosalie');
    expect((await owner.visitor.post(`${page}/export`)).statusCode).toBe(303);
    await runJobs();
    const requestId = requestIdIn((await owner.visitor.get(page)).body) ?? '';

    // Another member's request id, and one that does not exist: refused, and no link issued.
    const before = await requestsOf(owner.id);
    await other.visitor.get(page);
    for (const forged of [requestId, 'q7Yt2mZp9Ld4xW', '']) {
      const refused = await other.visitor.post(`${page}/download`, { request: forged });
      expect(refused.statusCode).toBe(410);
      expect(refused.body).toContain('is not yours');
    }
    expect(await requestsOf(owner.id)).toEqual(before);

    const issued = await owner.visitor.post(`${page}/download`, { request: requestId });
    const link = issued.headers.location ?? '';
    const taken = await other.visitor.get(link);
    expect(taken.statusCode).toBe(410);
    expect(isZip(taken)).toBe(false);
    // The refusal did not spend it: its owner still gets the archive.
    const mine = await owner.visitor.get(link);
    expect(mine.statusCode).toBe(200);
    expect(isZip(mine)).toBe(true);
  });
});

describeEachEngine('the member’s Privacy area: corrections, objections, restriction', (suite) => {
  const { rights, member, requestsOf, actionsAbout, objectionsOf } = privacyHelpers(suite);

  it('records a correction request, lists it with its status, then shows the shop’s answer', async () => {
    const { id, visitor } = await member('simone');
    const form = await visitor.get(page);
    expect(form.body).toContain('href="/en/account">your profile page</a>');

    const sent = await visitor.post(`${page}/correction`, {
      details: 'My invoice of March shows my old company name.',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${page}?notice=correctionSent`);
    const [request] = await requestsOf(id);
    expect(request).toMatchObject({
      kind: 'correction',
      channel: 'account',
      status: 'verified',
      email: 'simone@example.com',
    });
    expect(await actionsAbout(id)).toEqual([['request.received', 'member', null]]);
    const listed = await visitor.get(`${page}?notice=correctionSent`);
    expect(listed.body).toContain('Your correction request was sent.');
    expect(listed.body).toContain('My invoice of March shows my old company name.');
    expect(listed.body).toContain('>Received</span>');
    expect(listed.body).toContain('Not yet');

    await rights().requests.update(request?.id ?? '', {
      status: 'done',
      closed_at: new Date().toISOString(),
      answer: 'Your invoices now show Durand Conseil.',
    });
    const answered = await visitor.get(page);
    expect(answered.body).toContain('>Done</span>');
    expect(answered.body).toContain('Your invoices now show Durand Conseil.');
  });

  it('refuses an empty or too long correction in the visitor’s language, keeping what was typed, and records nothing', async () => {
    const { id, visitor } = await member('timothee');
    await visitor.get(page);
    const tooLong = await visitor.post(`${page}/correction`, { details: `${'é'.repeat(2001)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('This is too long.');
    expect(tooLong.body).toContain('éééé</textarea>');
    const empty = await visitor.post('/fr/compte/confidentialite/correction', { details: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ce champ est obligatoire.');
    const huge = await visitor.post(`${page}/correction`, { details: 'x'.repeat(9000) });
    expect(huge.statusCode).toBe(400);
    expect(await requestsOf(id)).toEqual([]);
    expect(await actionsAbout(id)).toEqual([]);
  });

  it('objects to marketing and to statistics and lifts it, each in the ledger; may() follows', async () => {
    const { id, email, visitor } = await member('ulysse');
    const subject = { memberId: id, email };
    const objections = rights().objections;
    const before = await visitor.get(page);
    expect(before.body.match(/Allowed\./g)).toHaveLength(2);

    const objected = await visitor.post(`${page}/objection`, { scope: 'marketing', objecting: '1' });
    expect(objected.statusCode).toBe(303);
    expect(objected.headers.location).toBe(`${page}?notice=objected`);
    expect(await objections.may(subject, 'marketing')).toBe(false);
    expect(await objections.may({ email }, 'marketing')).toBe(false);
    expect(await objections.may(subject, 'statistics')).toBe(true);
    const shown = await visitor.get(`${page}?notice=objected`);
    expect(shown.body).toContain('You object: we do not use your data for this.');
    expect(shown.body).toContain('aria-label="Lift my objection: To send promotional messages"');
    expect(shown.body).toContain('You objected to: to send promotional messages');

    // Twice the same: nothing more recorded.
    await visitor.post(`${page}/objection`, { scope: 'marketing', objecting: '1' });
    await visitor.post(`${page}/objection`, { scope: 'statistics', objecting: '1' });
    expect(await objections.may(subject, 'statistics')).toBe(false);
    const lifted = await visitor.post(`${page}/objection`, { scope: 'marketing', objecting: '0' });
    expect(lifted.headers.location).toBe(`${page}?notice=lifted`);
    expect(await objections.may(subject, 'marketing')).toBe(true);
    expect(await objections.may(subject, 'statistics')).toBe(false);
    expect((await actionsAbout(id)).reverse()).toEqual([
      ['objection.recorded', 'member', 'marketing'],
      ['objection.recorded', 'member', 'statistics'],
      ['objection.lifted', 'member', 'marketing'],
    ]);
  });

  it('refuses an unknown scope or choice with a clear 400 in the visitor’s language, changing nothing', async () => {
    const { id, visitor } = await member('violette');
    await visitor.get(page);
    const forms: Record<string, string>[] = [
      { scope: 'restriction', objecting: '1' },
      { scope: 'everything', objecting: '1' },
      { scope: 'marketing', objecting: 'maybe' },
      { scope: 'marketing' },
    ];
    for (const form of forms) {
      const refused = await visitor.post('/fr/compte/confidentialite/objection', form);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Certaines informations ne sont pas valides');
    }
    expect(await objectionsOf(id)).toEqual([]);
    expect(await actionsAbout(id)).toEqual([]);
  });

  it('restricts processing while a dispute is open: a request, the restriction in force, the ledger; once', async () => {
    const { id, email, visitor } = await member('wilfried');
    await visitor.get(page);
    const empty = await visitor.post(`${page}/restriction`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('This field is required.');
    expect(await requestsOf(id)).toEqual([]);

    const restricted = await visitor.post(`${page}/restriction`, { reason: 'I dispute the amount of my last order.' });
    expect(restricted.statusCode).toBe(303);
    expect(restricted.headers.location).toBe(`${page}?notice=restricted`);
    const [request] = await requestsOf(id);
    expect(request).toMatchObject({
      kind: 'restriction',
      status: 'verified',
      details: 'I dispute the amount of my last order.',
    });
    expect(await objectionsOf(id)).toEqual([
      expect.objectContaining({ scope: 'restriction', request_id: request?.id }),
    ]);
    const objections = rights().objections;
    expect(await objections.may({ memberId: id, email }, 'marketing')).toBe(false);
    expect(await objections.may({ memberId: id, email }, 'support')).toBe(false);
    expect(await objections.may({ memberId: id, email }, 'security')).toBe(true);
    expect((await actionsAbout(id)).reverse()).toEqual([
      ['request.received', 'member', null],
      ['restriction.recorded', 'member', null],
    ]);
    const shown = await visitor.get(page);
    expect(shown.body).toContain('A restriction of processing is in force since');
    expect(shown.body).not.toContain('name="reason"');
    expect(shown.body).toContain('Restriction of processing');

    const twice = await visitor.post(`${page}/restriction`, { reason: 'Again.' });
    expect(twice.statusCode).toBe(409);
    expect(await requestsOf(id)).toHaveLength(1);
  });
});

describeEachEngine('the member’s Privacy area: who accessed their data, in both languages', (suite) => {
  const { rights, member } = privacyHelpers(suite);

  it('lists each staff read (when, purpose, who) and only theirs', async () => {
    const { id, visitor } = await member('xavier');
    const other = await member('yolande');
    const none = await visitor.get(page);
    expect(none.body).toContain('No staff member has viewed your data.');

    const ledger = rights().ledger;
    await ledger.record({
      action: 'staff.read',
      actor: { kind: 'staff', id: 'staff-1' },
      subjectId: id,
      purpose: 'support',
      details: { what: 'member page', role: 'support' },
    });
    await ledger.record({
      action: 'staff.read',
      actor: { kind: 'staff', id: 'staff-2' },
      subjectId: id,
      purpose: 'legal',
    });
    await ledger.record({
      action: 'staff.read',
      actor: { kind: 'staff', id: 'staff-3' },
      subjectId: other.id,
      purpose: 'marketing',
    });

    const listed = await visitor.get(page);
    expect(listed.body).toContain('To provide customer assistance and technical support');
    expect(listed.body).toContain('A staff member (support)');
    expect(listed.body).toContain('To comply with applicable laws and regulations');
    expect(listed.body).toContain('A staff member<');
    expect(listed.body).not.toContain('To send promotional messages</td>');
    expect(listed.body).not.toContain('staff-1');

    const french = await visitor.get('/fr/compte/confidentialite');
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('<html lang="fr"');
    for (const words of [
      '<h1>Confidentialité</h1>',
      'aria-current="page">Confidentialité</a>',
      'Télécharger mes données',
      'Préparer une copie de mes données',
      'Mes demandes',
      'Demander une rectification',
      'Qui a consulté mes données',
      'Un membre du personnel (support)',
      'Assurer l’assistance client et le support technique',
      'Envoyer des messages promotionnels',
      'Je m’y oppose',
      'href="/fr/confidentialite"',
      'href="/fr/compte/suppression"',
    ])
      expect(french.body).toContain(words);
    // Its English version is a click away in the language switch; a member's page is never indexed.
    expect(french.body).toContain('<a href="/en/account/privacy" hreflang="en"');
    expect(french.body).toContain('<meta name="robots" content="noindex"/>');
    expect(french.body).not.toContain('rel="canonical"');
  });

  it('sends a visitor to sign in, and refuses its forms without a session', async () => {
    const visitor = new Visitor(suite.app);
    const shown = await visitor.get('/fr/compte/confidentialite');
    expect(shown.statusCode).toBe(303);
    expect(shown.headers.location).toBe('/fr/compte/connexion?next=%2Ffr%2Fcompte%2Fconfidentialite');
    await visitor.get('/en/account/sign-in');
    const posted = await visitor.post(`${page}/export`);
    expect(posted.statusCode).toBe(401);
  });
});
