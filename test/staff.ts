import { backofficeModule } from '../src/modules/backoffice/index.js';
import { totpCode } from '../src/modules/backoffice/totp.js';
import type { Suite } from './harness.js';
import { Visitor } from './visitor.js';

export const staffPassword = 'ledger lantern orchard 42';
let count = 0;

/**
 * A staff member signed in to the back office the way a person does: password, then two-factor
 * setup with the key shown on the setup page and a code computed from it (as an authenticator
 * app would). Returns their browser, the key for later codes, and the recovery codes shown at setup.
 */
export async function signedInStaff(suite: Suite, role = 'owner', options: { headers?: Record<string, string> } = {}) {
  count += 1;
  const email = `${role}-${count}-${suite.engine}@codeacademy.example`;
  await suite.context
    .servicesOf(backofficeModule)
    .staff.create({ email, name: `Staff ${count}`, role, password: staffPassword });
  const browser = new Visitor(suite.app, options.headers);
  const password = await browser.submit('/admin/sign-in', '/admin/sign-in', { email, password: staffPassword });
  if (password.headers.location !== '/admin/sign-in/setup')
    throw new Error(`staff sign-in: ${password.statusCode} ${password.headers.location}`);
  const setup = await browser.get('/admin/sign-in/setup');
  const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '');
  if (!secret) throw new Error('the setup page shows no two-factor key');
  const done = await browser.post('/admin/sign-in/setup', { code: await totpCode(secret, suite.context.now()) });
  // Confirming the setup answers with the recovery codes, shown this once.
  const recoveryCodes = [...done.body.matchAll(/<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code>/g)].map(
    (match) => match[1] as string,
  );
  if (done.statusCode !== 200 || recoveryCodes.length !== 10)
    throw new Error(`two-factor setup: ${done.statusCode} ${done.body.slice(0, 200)}`);
  return { browser, email, secret, recoveryCodes };
}

/** The Cookie header of a browser (to add to hand-made requests). */
export function cookieHeaderOf(browser: Visitor): string {
  return [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
