import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser, as far as the server can tell: keeps cookies between requests (honouring expiry
 * and deletion), and posts forms with the CSRF token of the last page it loaded, as a real form
 * would. Redirects are not followed, so tests see each step.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  /** The last Set-Cookie attributes seen per cookie name (to check lifetimes). */
  readonly cookieAttributes = new Map<string, { maxAge?: number; expires?: Date }>();
  private csrf: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
    /** `remoteAddress`: the client's IP address as the server sees it (default 127.0.0.1). */
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: this.requestHeaders(), ...this.options }),
    );
  }

  /** Posts a form; `csrf: false` leaves the token out (a forged request). */
  async post(
    url: string,
    form: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const fields = options.csrf === false || !this.csrf ? form : { _csrf: this.csrf, ...form };
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.requestHeaders(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
        ...this.options,
      }),
    );
  }

  /** Loads the page with the form first (for its CSRF token), then posts it. */
  async submit(formPage: string, action: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    await this.get(formPage);
    return this.post(action, form);
  }

  private requestHeaders() {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { ...this.headers, ...(cookie ? { cookie } : {}) };
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
      this.cookieAttributes.set(cookie.name, { maxAge: cookie.maxAge, expires: cookie.expires });
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }
}
