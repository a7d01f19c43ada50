import { tablesOf } from '../src/platform/db/database.js';
import type { MemberTables } from '../src/modules/members/member-tables.js';
import type { Suite } from './harness.js';
import { linkIn, mailTo } from './mail.js';
import { Visitor } from './visitor.js';

export const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
export const memberPassword = 'marmite verte du dimanche';

/** The token of an emailed link's path (`/en/account/verify?token=…`). */
export const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token') ?? '';

/**
 * A member who signed up through the form and confirmed the address from the mail, as a person
 * does. Throws if the account did not end up confirmed.
 */
export async function verifiedMember(suite: Suite, username: string, email = `${username}@example.com`) {
  const visitor = new Visitor(suite.app, { 'user-agent': firefox });
  await visitor.submit('/en/account/sign-up', '/en/account/sign-up', { username, email, password: memberPassword });
  const [mail] = await mailTo(suite, email);
  const link = linkIn(mail?.text ?? '', '/en/account/verify');
  await visitor.get(link);
  await visitor.post('/en/account/verify', { token: tokenOf(link) });
  const row = await tablesOf<MemberTables>(suite.database)
    .selectFrom('accounts_members')
    .select(['id', 'email_verified_at'])
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirst();
  if (!row?.email_verified_at) throw new Error(`member ${username} was not confirmed`);
  return { id: row.id, email, username };
}

/**
 * A member who signed up and confirmed their address from a mail read on a real SMTP server, then
 * signed in: for suites whose mail goes out by SMTP (no outbox copy to read). `inbox` is the
 * server's, `runJobs` delivers what is queued; only mail received after `since` counts.
 */
export async function verifiedMemberBySmtp(
  suite: Suite,
  smtp: { inbox: { to: string; text: string }[] },
  runJobs: () => Promise<void>,
  username: string,
  since = 0,
) {
  const email = `${username}@example.com`;
  const visitor = new Visitor(suite.app, { 'user-agent': firefox });
  await visitor.submit('/en/account/sign-up', '/en/account/sign-up', { username, email, password: memberPassword });
  await runJobs();
  const mail = smtp.inbox
    .slice(since)
    .filter((m) => m.to === email)
    .at(-1);
  const link = linkIn(mail?.text ?? '', '/en/account/verify');
  await visitor.get(link);
  await visitor.post('/en/account/verify', { token: tokenOf(link) });
  const signedIn = new Visitor(suite.app, { 'user-agent': firefox });
  await signedIn.submit('/en/account/sign-in', '/en/account/sign-in', {
    identifier: username,
    password: memberPassword,
  });
  const row = await tablesOf<MemberTables>(suite.database)
    .selectFrom('accounts_members')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { id: row.id, email, username, visitor: signedIn };
}
