import { describe, expect, it } from 'vitest';
import type { PageContext } from './page-context.js';
import { cachedPage } from './page-template.js';

const shop = { name: 'Code Academy' } as PageContext['shop'];

function contextFor(nonce: string, token: string, extra: Partial<PageContext> = {}) {
  const issued: string[] = [];
  const ctx = {
    locale: 'en',
    nonce,
    shop,
    signedIn: false,
    csrfToken: () => {
      issued.push(token);
      return token;
    },
    ...extra,
  } as PageContext;
  return { ctx, issued };
}

function Page(props: { ctx: PageContext; form: boolean; title: string }) {
  return (
    <html lang={props.ctx.locale}>
      <body>
        <h1>{props.title}</h1>
        {props.ctx.signedIn && <a href="/en/account">My account</a>}
        {props.form && (
          <form method="post">
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken()} />
          </form>
        )}
        <script nonce={props.ctx.nonce} src="/app.js" />
        <p>Café ’ €</p>
      </body>
    </html>
  );
}

describe('a page rendered once and filled in per request', () => {
  it('puts each request’s nonce and CSRF token in the page built once, everything else the same bytes', () => {
    const product = {};
    let renders = 0;
    const page = (ctx: PageContext) => {
      renders += 1;
      return <Page ctx={ctx} form title="Sticker Pack <3" />;
    };
    const first = cachedPage(product, contextFor('nonce-one', 'token.one').ctx, page).toString('utf8');
    const second = cachedPage(product, contextFor('nonce-two', 'token.two').ctx, page).toString('utf8');
    expect(renders).toBe(1);
    expect(first).toContain('<script nonce="nonce-one"');
    expect(first).toContain('name="_csrf" value="token.one"');
    expect(second).toContain('<script nonce="nonce-two"');
    expect(second).toContain('name="_csrf" value="token.two"');
    expect(second).toContain('Sticker Pack &lt;3');
    expect(second).toContain('<p>Café ’ €</p>');
    expect(second.replaceAll('two', 'one')).toBe(first);
    expect(first.startsWith('<!doctype html>')).toBe(true);
  });

  it('asks for a CSRF token (which sets its cookie) only when the page has a form', () => {
    const withForm = contextFor('n', 't');
    cachedPage({}, withForm.ctx, (ctx) => <Page ctx={ctx} form title="x" />);
    expect(withForm.issued).toEqual(['t']);
    const owner = {};
    const page = (ctx: PageContext) => <Page ctx={ctx} form={false} title="x" />;
    for (let i = 0; i < 2; i++) {
      const without = contextFor('n', 't');
      cachedPage(owner, without.ctx, page);
      expect(without.issued).toEqual([]);
    }
  });

  it('renders anew for another owner (a reloaded product), a signed-in member, another language or new shop settings', () => {
    let renders = 0;
    const page = (ctx: PageContext) => {
      renders += 1;
      return <Page ctx={ctx} form={false} title="x" />;
    };
    const owner = {};
    cachedPage(owner, contextFor('n', 't').ctx, page);
    cachedPage(owner, contextFor('n', 't').ctx, page);
    expect(renders).toBe(1);
    const member = cachedPage(owner, contextFor('n', 't', { signedIn: true }).ctx, page).toString();
    expect(member).toContain('My account');
    expect(cachedPage(owner, contextFor('n', 't').ctx, page).toString()).not.toContain('My account');
    expect(renders).toBe(2);
    cachedPage(owner, contextFor('n', 't', { locale: 'fr' }).ctx, page);
    expect(renders).toBe(3);
    cachedPage(owner, contextFor('n', 't', { shop: { ...shop } }).ctx, page);
    expect(renders).toBe(4);
    cachedPage({}, contextFor('n', 't').ctx, page);
    expect(renders).toBe(5);
  });
});
