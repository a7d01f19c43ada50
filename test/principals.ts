import { backofficeModule } from '../src/modules/backoffice/index.js';
import { type StaffRole, staffRoles } from '../src/modules/backoffice/staff-access.js';
import { paths } from '../src/web/paths.js';
import type { Suite } from './harness.js';
import { firefox, memberPassword, verifiedMember } from './members.js';
import { signedInStaff, staffPassword } from './staff.js';
import { Visitor } from './visitor.js';

/** Who is asking: nobody, a member, a staff member, or staff half-way through sign-in. */
export type PrincipalKind = 'anonymous' | 'member' | 'staff' | 'staff-pending';
/** The two kinds of session, each with its own forms (and CSRF token). */
export type Area = 'storefront' | 'back-office';

/** Whether a path is the back office's (the routes of its /admin plugin). */
const isBackOfficeUrl = (url: string) => url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');

export const areaOf = (url: string): Area => (isBackOfficeUrl(url) ? 'back-office' : 'storefront');

export interface CsrfGrant {
  token: string;
  /** The cookie that carries the token, and every cookie the principal's browser holds. */
  cookieName: string;
  cookies: Record<string, string>;
}

/**
 * The three suites that walk every route grow with the router (each module adds routes): on a
 * busy 2-core machine the PostgreSQL fuzz run alone takes 15-20 s, beyond the default 20 s.
 */
export const enumeratingTestTimeoutMs = 180_000;

/**
 * The environment of the route-check suites: the per-client rate limits do not stop thousands of
 * requests, and a proxy is trusted (so forged X-Forwarded-For headers are among the hostile input).
 */
export const routeCheckEnv = {
  TRUST_PROXY: 'true',
  RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
};

/**
 * The same, as a developer runs the shop on their computer (`npm start`): development mode on a
 * loopback address and no reverse proxy, which adds the development mailbox (`/dev/mailbox`).
 * X-Forwarded-For is not trusted here: staff members sign in from 127.0.0.1 (see principalOf).
 */
export const developerEnv = {
  RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  NODE_ENV: 'development',
  PUBLIC_URL: 'http://127.0.0.1:3000',
};

let count = 0;
/**
 * A client address of its own for each principal and each hostile batch (throttles count per
 * address), sent as the connection's own address (inject's `remoteAddress`), not X-Forwarded-For:
 * the development mailbox answers only requests straight from this computer, so the addresses are
 * loopback ones (127.77.x.y) and nothing says the request was relayed.
 */
export const nextClientAddress = () => {
  count += 1;
  return `127.77.${count >> 8}.${count & 255}`;
};

/**
 * One principal of the route checks: a browser (cookie jar) signed in as a person of that kind,
 * signed in again whenever a request of the checks ended its session (a sign-out route).
 */
export class Principal {
  browser!: Visitor;

  constructor(
    readonly name: string,
    readonly kind: PrincipalKind,
    readonly role: StaffRole | undefined,
    private readonly signIn: (principal: Principal) => Promise<Visitor>,
    private readonly pendingStep: 'code' | 'setup' = 'code',
  ) {}

  async ready(): Promise<this> {
    await this.signInAgain();
    return this;
  }

  /** Each sign-in from a new address: throttles count successful sign-ins per address too. */
  private async signInAgain() {
    this.client.remoteAddress = nextClientAddress();
    this.browser = await this.signIn(this);
  }

  private unsure = false;

  /** After a state-changing request, which may have ended the session (a sign-out route). */
  mayHaveSignedOut() {
    this.unsure = true;
  }

  /** Signs in again if a state-changing request since the last check ended the session. */
  async ensureSignedIn(): Promise<void> {
    if (!this.unsure) return;
    this.unsure = false;
    if (this.hasSessionIn('storefront')) await this.csrf('storefront');
    if (this.hasSessionIn('back-office')) await this.csrf('back-office');
  }

  /** Whether this principal holds a session in that area (and so must keep it). */
  hasSessionIn(area: Area): boolean {
    return area === 'storefront' ? this.kind === 'member' : this.kind === 'staff' || this.kind === 'staff-pending';
  }

  /** A page of the area that this principal may open and that renders a form. */
  private tokenPage(area: Area): string {
    if (area === 'storefront') return this.kind === 'member' ? paths.account('en') : paths.signIn('en');
    if (this.kind === 'staff') return '/admin';
    return this.kind === 'staff-pending' ? `/admin/sign-in/${this.pendingStep}` : '/admin/sign-in';
  }

  /**
   * A fresh CSRF token of the area's kind, from a form page of that area, as the principal's
   * browser would hold it. Signs in again first if an earlier request ended the session.
   */
  async csrf(area: Area): Promise<CsrfGrant> {
    let page = await this.browser.get(this.tokenPage(area));
    if (page.statusCode >= 300 && page.statusCode < 400 && this.hasSessionIn(area)) {
      await this.signInAgain();
      page = await this.browser.get(this.tokenPage(area));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const cookieName = [...this.browser.cookies].find(([, value]) => value === token)?.[0];
    if (!token || !cookieName)
      throw new Error(`${this.name}: no CSRF token on ${this.tokenPage(area)} (${page.statusCode})`);
    return { token, cookieName, cookies: Object.fromEntries(this.browser.cookies) };
  }

  /** The Cookie header of this principal's browser, with some cookies replaced or removed. */
  cookieHeader(changes: Record<string, string | undefined> = {}): string {
    const jar = { ...Object.fromEntries(this.browser.cookies), ...changes };
    return Object.entries(jar)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  /** Headers of every request this principal makes. */
  readonly headers = { 'user-agent': firefox };
  /** Inject options of every request this principal makes: its own client address. */
  readonly client = { remoteAddress: '' };
}

/** The principals of the authorization matrix: anonymous, a member, each staff role, half-signed staff. */
export const principalNames = [
  'anonymous',
  'member',
  ...staffRoles.map((role) => `staff:${role}`),
  'staff-pending:code',
  'staff-pending:setup',
] as const;
export type PrincipalName = (typeof principalNames)[number];

let people = 0;

/**
 * Signs each principal in the way a person does (through the forms), on the suite's app.
 * The suite must trust X-Forwarded-For (TRUST_PROXY=true): staff members sign in through it.
 */
export async function signInPrincipals(
  suite: Suite,
  names: readonly PrincipalName[] = principalNames,
): Promise<Principal[]> {
  const principals: Principal[] = [];
  for (const name of names) principals.push(await (await principalOf(suite, name)).ready());
  return principals;
}

async function principalOf(suite: Suite, name: PrincipalName): Promise<Principal> {
  people += 1;
  const id = `${people}${suite.engine.slice(0, 2)}`;
  // Signing in again keeps the browser's other cookies (a known device is not throttled).
  const browserOf = (principal: Principal) =>
    (principal.browser as Visitor | undefined) ?? new Visitor(suite.app, principal.headers, principal.client);
  if (name === 'anonymous') return new Principal(name, 'anonymous', undefined, async (me) => browserOf(me));
  if (name === 'member') {
    const { username } = await verifiedMember(suite, `matrix${id}`);
    return new Principal(name, 'member', undefined, async (me) => {
      const browser = browserOf(me);
      const signedIn = await browser.submit(paths.signIn('en'), paths.signIn('en'), {
        identifier: username,
        password: memberPassword,
      });
      if (signedIn.statusCode !== 303) throw new Error(`member sign-in: ${signedIn.statusCode}`);
      return browser;
    });
  }
  if (name.startsWith('staff:')) {
    const role = name.slice('staff:'.length) as StaffRole;
    // signedInStaff's browser takes headers only: its address comes through the proxy header
    // (under developerEnv, which trusts no proxy, every staff member signs in from 127.0.0.1).
    const headers = (me: Principal) => ({ ...me.headers, 'x-forwarded-for': me.client.remoteAddress });
    return new Principal(
      name,
      'staff',
      role,
      async (me) => (await signedInStaff(suite, role, { headers: headers(me) })).browser,
    );
  }
  // Half-signed: the password passed, the code not (yet). `setup`: two-factor never set up.
  const step = name === 'staff-pending:setup' ? 'setup' : 'code';
  let email = `pending-${id}@codeacademy.example`;
  if (step === 'code')
    email = (await signedInStaff(suite, 'owner', { headers: { 'x-forwarded-for': nextClientAddress() } })).email;
  else
    await suite.context
      .servicesOf(backofficeModule)
      .staff.create({ email, name: `Pending ${id}`, role: 'owner', password: staffPassword });
  const signIn = async (me: Principal) => {
    const browser = browserOf(me);
    const password = await browser.submit('/admin/sign-in', '/admin/sign-in', { email, password: staffPassword });
    if (password.headers.location !== `/admin/sign-in/${step}`)
      throw new Error(`half-signed staff: ${password.statusCode} ${password.headers.location}`);
    return browser;
  };
  return new Principal(name, 'staff-pending', 'owner', signIn, step);
}
