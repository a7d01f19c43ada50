import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { linkIn, mailTo, runDueJobs } from '../../../test/mail.js';
import { memberPassword, tokenOf, verifiedMember } from '../../../test/members.js';
import { signedInStaff } from '../../../test/staff.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../db/database.js';
import { createJobWorker } from '../../job-workers.js';
import type { JobsTable } from '../jobs/jobs-table.js';
import type { OutboxTable } from './outbox-table.js';

/**
 * Findings 2 and 3 of the security review: a support (or owner) staff member asked for a
 * member's password reset, opened the mail at /admin/outbox/:id and used its link; and live
 * links sat in plain text in jobs.payload (7 days) and mail_outbox (3 months).
 */
describeEachEngine('one-time links in stored mail', (suite) => {
  const outbox = () => tablesOf<OutboxTable>(suite.database).selectFrom('mail_outbox');
  const jobs = () => tablesOf<JobsTable>(suite.database).selectFrom('jobs');

  /** Asks for a reset link for `email` through the public form, as anyone (staff included) can. */
  const askForReset = async (email: string) => {
    const visitor = new Visitor(suite.app);
    await visitor.submit('/en/account/forgot-password', '/en/account/forgot-password', { email });
  };

  it('shows no staff member a live reset link, owner included, and audits every outbox view', async () => {
    const member = await verifiedMember(suite, 'takeover-target');
    const support = await signedInStaff(suite, 'support');
    const owner = await signedInStaff(suite, 'owner');
    await askForReset(member.email);
    const mail = (await mailTo(suite, member.email)).find((m) => m.subject.startsWith('Reset your password'));
    const token = tokenOf(linkIn(mail?.text ?? '', '/en/account/reset-password'));
    expect(token).not.toBe('');

    const row = await outbox()
      .select('id')
      .where('to_address', '=', member.email)
      .where('subject', 'like', 'Reset your password%')
      .executeTakeFirstOrThrow();
    const before = suite.logs.filter((line) => line.includes('staff viewed member data')).length;
    for (const browser of [support.browser, owner.browser]) {
      const list = await browser.get('/admin/outbox');
      const page = await browser.get(`/admin/outbox/${row.id}`);
      expect(page.statusCode).toBe(200);
      expect(list.body + page.body).not.toContain(token);
      expect(page.body).not.toMatch(/reset-password\?token=[A-Za-z0-9_-]{20}/);
    }
    expect((await owner.browser.get(`/admin/outbox/${row.id}`)).body).toContain('[lien à usage unique masqué]');
    const audited = suite.logs.filter((line) => line.includes('staff viewed member data')).slice(before);
    expect(audited.filter((line) => line.includes('"what":"mail outbox message"'))).toHaveLength(3);
    expect(audited.filter((line) => line.includes('"what":"mail outbox"'))).toHaveLength(2);
    expect(audited.join('\n')).not.toContain(member.email);

    // The link still works for the member it was sent to.
    const reset = new Visitor(suite.app);
    await reset.get(`/en/account/reset-password?token=${token}`);
    expect(
      (await reset.post('/en/account/reset-password', { token, password: 'my own brand new passphrase' })).statusCode,
    ).toBe(303);
  });

  it('delivers a mail whose text someone typed to look like a marker (the notice of an address change)', async () => {
    const member = await verifiedMember(suite, 'marker-typist');
    const browser = new Visitor(suite.app);
    await browser.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: member.username,
      password: memberPassword,
    });
    await browser.get('/en/account/security');
    const asked = await browser.post('/en/account/security/email', {
      email: '{{one-time-secret:0}}@attacker.example',
      current_password: memberPassword,
    });
    expect(asked.statusCode).toBe(303);
    const notice = (await mailTo(suite, member.email)).find((m) => m.subject.startsWith('Email change requested'));
    expect(notice?.text).toContain('{{one-time-secret:0}}@attacker.example');
    const failed = await jobs()
      .select('last_error')
      .where('name', '=', 'mail.send')
      .where('last_error', 'is not', null)
      .execute();
    expect(failed).toEqual([]);
  });

  it('keeps no plain link in the job, before or after delivery, nor in the outbox; the sealed copy is emptied once the link expires', async () => {
    const member = await verifiedMember(suite, 'at-rest');
    await askForReset(member.email);
    // The reset request queues a job that issues the link and queues the mail: run one round.
    await createJobWorker(suite.context).tick();
    const pending = await jobs().selectAll().where('name', '=', 'mail.send').where('status', '=', 'queued').execute();
    expect(pending.length).toBeGreaterThan(0);
    const mail = (await mailTo(suite, member.email)).find((m) => m.subject.startsWith('Reset your password'));
    const token = tokenOf(linkIn(mail?.text ?? '', '/en/account/reset-password'));
    for (const job of pending) {
      expect(job.payload).not.toContain(token);
      expect(job.secret ?? '').not.toContain(token);
    }
    const done = await jobs()
      .selectAll()
      .where(
        'id',
        'in',
        pending.map((job) => job.id),
      )
      .execute();
    expect(done.map((job) => [job.status, job.secret])).toEqual(pending.map(() => ['done', null]));

    const stored = await outbox()
      .selectAll()
      .where('to_address', '=', member.email)
      .where('subject', 'like', 'Reset your password%')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.text_body).toContain('{{one-time-secret:0}}');
    expect(stored.sealed_secrets).not.toBeNull();
    // The link lives an hour: the scheduled job empties the sealed copy after that, not before.
    const lifetime = Date.parse(stored.secrets_expire_at ?? '') - Date.parse(stored.created_at);
    expect(lifetime).toBeGreaterThan(3_590_000);
    expect(lifetime).toBeLessThanOrEqual(3_600_000);
    const { OutboxMailer } = await import('./outbox-mailer.js');
    const at = (iso: string) => new OutboxMailer(suite.database, () => new Date(iso)).forgetExpiredSecrets();
    await at(new Date(Date.parse(stored.secrets_expire_at ?? '') - 1000).toISOString());
    expect(
      (await outbox().select('sealed_secrets').where('id', '=', stored.id).executeTakeFirstOrThrow()).sealed_secrets,
    ).not.toBeNull();
    await at(stored.secrets_expire_at ?? '');
    expect(
      await outbox()
        .select(['sealed_secrets', 'secrets_expire_at'])
        .where('id', '=', stored.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ sealed_secrets: null, secrets_expire_at: stored.secrets_expire_at });
  });
});

describeEachEngine(
  'one-time links in production',
  (suite) => {
    it('keeps no copy of a one-time link at all in the outbox', async () => {
      const visitor = new Visitor(suite.app);
      await visitor.submit('/en/account/sign-up', '/en/account/sign-up', {
        username: 'prod-member',
        email: 'prod-member@example.com',
        password: 'marmite verte du dimanche',
      });
      await mailTo(suite, 'prod-member@example.com');
      const stored = await tablesOf<OutboxTable>(suite.database)
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', 'prod-member@example.com')
        .executeTakeFirstOrThrow();
      expect(stored.text_body).toContain('{{one-time-secret:0}}');
      expect(stored.sealed_secrets).toBeNull();
      expect((await suite.app.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
    });
  },
  {
    env: {
      NODE_ENV: 'production',
      SECRET_KEY: 'a-production-secret-key-of-forty-characters',
      // Production refuses the sandbox gateway: a shop in production sells through Stripe.
      PAYMENT_GATEWAY: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_onetimelinks',
      STRIPE_WEBHOOK_SECRET: 'whsec_onetimelinks',
    },
  },
);

describeEachEngine(
  'the development mailbox',
  (suite) => {
    it('shows a newcomer their confirmation mail with a working link, labelled as for development', async () => {
      const visitor = new Visitor(suite.app, { 'accept-language': 'en' });
      await visitor.submit('/en/account/sign-up', '/en/account/sign-up', {
        username: 'newcomer',
        email: 'newcomer@example.com',
        password: 'marmite verte du dimanche',
      });
      await runDueJobs(suite);
      const list = await visitor.get('/dev/mailbox');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Development mailbox');
      expect(list.body).toContain('For development only');
      const href = /href="(\/dev\/mailbox\/[^"?]+)/.exec(list.body)?.[1] ?? '';
      const message = await visitor.get(href);
      const clickable =
        /<a href="(http:\/\/127\.0\.0\.1:3000\/en\/account\/verify\?token=[^"]+)"/.exec(message.body)?.[1] ?? '';
      const link = linkIn(clickable, '/en/account/verify');
      await visitor.get(link);
      const confirmed = await visitor.post('/en/account/verify', { token: tokenOf(link) });
      expect(confirmed.statusCode, confirmed.body.slice(0, 300)).toBe(303);
      expect(confirmed.headers.location).toBe('/en/account/sign-in?notice=verified');
    });

    it('is not there for a request relayed by a proxy or from another machine', async () => {
      expect(
        (await suite.app.inject({ url: '/dev/mailbox', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode,
      ).toBe(404);
      expect((await suite.app.inject({ url: '/dev/mailbox', remoteAddress: '192.0.2.10' })).statusCode).toBe(404);
      // A site whose name resolves to 127.0.0.1 (DNS rebinding) still sends its own name.
      expect(
        (await suite.app.inject({ url: '/dev/mailbox', headers: { host: 'rebind.attacker.example' } })).statusCode,
      ).toBe(404);
      expect((await suite.app.inject({ url: '/dev/mailbox', headers: { host: '127.0.0.1:3000' } })).statusCode).toBe(
        200,
      );
    });
  },
  { env: { NODE_ENV: 'development', PUBLIC_URL: 'http://127.0.0.1:3000' } },
);

describeEachEngine(
  'the development mailbox behind a reverse proxy',
  (suite) => {
    it('does not exist when TRUST_PROXY says a proxy relays the requests', async () => {
      expect((await suite.app.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
    });
  },
  { env: { NODE_ENV: 'development', PUBLIC_URL: 'http://127.0.0.1:3000', TRUST_PROXY: '1' } },
);

describeEachEngine(
  'the development mailbox on a public address',
  (suite) => {
    it('does not exist when the shop has a public address, even with NODE_ENV=development', async () => {
      expect((await suite.app.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
    });
  },
  { env: { NODE_ENV: 'development', PUBLIC_URL: 'https://shop.example.com' } },
);
