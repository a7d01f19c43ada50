import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import type { Database } from '../../platform/db/database.js';
import { CatalogStore } from './catalog-store.js';
import { assetsPrepared } from '../../web/assets.js';

/** A published product straight into the catalog tables, with the same `text` in every field and language, and no offer. */
async function insertProduct(database: Database, slug: string, product: { kind: 'course' | 'product'; text: string }) {
  const store = new CatalogStore(database);
  const now = new Date().toISOString();
  const id = `${slug}-id`;
  await store.transaction().execute((trx) =>
    store.insert(
      {
        id,
        slug,
        kind: product.kind,
        status: 'active',
        price_cents: 100,
        currency: 'EUR',
        level: null,
        format: null,
        duration_hours: null,
        vat_rate_bp: 2000,
        cover: 'js',
        featured: 0,
        position: 99,
        created_at: now,
        updated_at: now,
      },
      ['en', 'fr'].map((locale) => ({
        product_id: id,
        locale,
        name: product.text,
        summary: product.text,
        description: product.text,
        highlights: JSON.stringify([product.text]),
      })),
      trx,
    ),
  );
}

describeEachEngine('storefront pages', (suite) => {
  it('sends / to the visitor’s language and tells caches it depends on Accept-Language', async () => {
    const en = await suite.app.inject({ url: '/', headers: { 'accept-language': 'en-US,en;q=0.9,fr;q=0.5' } });
    expect(en.statusCode).toBe(302);
    expect(en.headers.location).toBe('/en');
    expect(en.headers.vary).toContain('accept-language');
    const fr = await suite.app.inject({ url: '/', headers: { 'accept-language': 'de-DE,fr;q=0.8' } });
    expect(fr.headers.location).toBe('/fr');
    const none = await suite.app.inject({ url: '/' });
    expect(none.headers.location).toBe('/fr');
  });

  it('renders the home page in both languages with the seeded catalog and the shop identity', async () => {
    const fr = await suite.app.inject({ url: '/fr' });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toContain('text/html');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('Les fondamentaux de JavaScript');
    expect(fr.body).toContain('35 rue le Marois');
    expect(fr.body).toContain('info@codeacademy123.com');
    const en = await suite.app.inject({ url: '/en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('JavaScript Fundamentals');
    expect(en.body).toContain('hreflang="fr" href="http://127.0.0.1:3000/fr"');
  });

  it('lists the catalog, filtered by kind, with localized prices', async () => {
    const all = await suite.app.inject({ url: '/en/catalog' });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('10 items');
    const workshops = await suite.app.inject({ url: '/fr/catalogue?kind=workshop' });
    expect(workshops.body).toContain('3 articles');
    expect(workshops.body).toContain('Git et GitHub en une journée');
    expect(workshops.body).not.toContain('Les fondamentaux de JavaScript');
    expect(workshops.body).toContain('149,00\u00a0€');
    // The language switcher keeps the filter.
    expect(workshops.body).toContain('href="/en/catalog?kind=workshop"');
  });

  it('shows the whole catalog, "All" selected, for an unknown or repeated filter (an edited link, an old bookmark)', async () => {
    for (const url of [
      '/en/catalog?kind=bogus',
      '/en/catalog?kind=workshop&kind=course',
      `/en/catalog?kind=${encodeURIComponent('<b>\u0000')}`,
    ]) {
      const page = await suite.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('10 items');
      expect(page.body).toContain('class="chip chip--active" aria-current="page"');
      // The language switcher does not carry the unknown filter along.
      expect(page.body).toContain('hreflang="fr" href="http://127.0.0.1:3000/fr/catalogue"');
      expect(page.body).toContain('<link rel="canonical" href="http://127.0.0.1:3000/en/catalog"/>');
    }
    // The JSON API still says the request was wrong.
    expect((await suite.app.inject({ url: '/api/v1/products?kind=bogus' })).statusCode).toBe(400);
  });

  it('shows a product page with its facts, and links the same product in the other language', async () => {
    const page = await suite.app.inject({ url: '/en/catalog/fullstack-web-bootcamp' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Full-Stack Web Developer Bootcamp');
    expect(page.body).toContain('€6,900.00');
    expect(page.body).toContain('420 hours');
    expect(page.body).toContain('href="/fr/catalogue/fullstack-web-bootcamp"');
  });

  it('gives each visitor of a product page their own CSRF token in the page built once, and no cookie where nothing can be bought', async () => {
    const tokenIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const cookieOf = (setCookie: string | string[] | undefined) =>
      /XSRF-TOKEN=([^;]+)/.exec([setCookie ?? []].flat().join('\n'))?.[1];
    const first = await suite.app.inject({ url: '/en/catalog/sticker-pack' });
    const second = await suite.app.inject({ url: '/en/catalog/sticker-pack' });
    const firstToken = tokenIn(first.body);
    expect(firstToken).toBeDefined();
    expect(cookieOf(first.headers['set-cookie'])).toBe(firstToken);
    expect(tokenIn(second.body)).not.toBe(firstToken);
    expect(cookieOf(second.headers['set-cookie'])).toBe(tokenIn(second.body));
    // Everything but the token is the same page.
    expect(second.body.replace(tokenIn(second.body) ?? '', '')).toBe(first.body.replace(firstToken ?? '', ''));
    // A visitor who has a token keeps it: the same one in the form, no new cookie.
    const again = await suite.app.inject({
      url: '/en/catalog/sticker-pack',
      headers: { cookie: `XSRF-TOKEN=${firstToken}` },
    });
    expect(tokenIn(again.body)).toBe(firstToken);
    expect(cookieOf(again.headers['set-cookie'])).toBeUndefined();
    // A product with nothing on sale yet has no form to protect: no token, no cookie.
    await insertProduct(suite.database, 'nothing-on-sale', { kind: 'course', text: 'A course to come' });
    const noSession = await suite.app.inject({ url: '/en/catalog/nothing-on-sale' });
    expect(noSession.statusCode).toBe(200);
    expect(tokenIn(noSession.body)).toBeUndefined();
    expect(cookieOf(noSession.headers['set-cookie'])).toBeUndefined();
  });

  it('answers an unknown product and an unknown page with a 404 page in the visitor’s language', async () => {
    const product = await suite.app.inject({ url: '/fr/catalogue/does-not-exist' });
    expect(product.statusCode).toBe(404);
    expect(product.body).toContain('Produit introuvable');
    expect(product.body).toContain('VT_PRODUCT_NOT_FOUND');
    const page = await suite.app.inject({ url: '/en/no/such/page' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const negotiated = await suite.app.inject({ url: '/nowhere', headers: { 'accept-language': 'en' } });
    expect(negotiated.body).toContain('Page not found');
  });

  it('escapes product text from the database, including in the part rendered once', async () => {
    const hostile = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
    await insertProduct(suite.database, 'hostile', { kind: 'product', text: hostile });
    // Twice: the first render, then the page kept by cachedPage.
    for (const url of ['/en/catalog/hostile', '/en/catalog/hostile', '/fr/catalogue/hostile']) {
      const page = await suite.app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).toContain('&lt;script>alert(&quot;pwned&quot;)&lt;/script>');
    }
    const slug = await suite.app.inject({ url: `/en/catalog/${encodeURIComponent('<script>x</script>')}` });
    expect(slug.statusCode).toBe(404);
    expect(slug.body).not.toContain('<script>x');
  });

  it('serves the catalog as JSON through the storefront API, without internal ids', async () => {
    const list = await suite.app.inject({ url: '/api/v1/products?locale=en&kind=product' });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { products: { slug: string; name: string; id?: string }[] };
    expect(body.products.map((p) => p.slug)).toEqual(['developer-notebook', 'code-academy-hoodie', 'sticker-pack']);
    expect(body.products[0]?.id).toBeUndefined();
    const missing = await suite.app.inject({ url: '/api/v1/products/nope?locale=en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'VT_PRODUCT_NOT_FOUND', message: expect.stringContaining('not in our catalog') },
    });
  });

  it('lists every public page in both languages in the sitemap, and keeps robots out of /admin', async () => {
    const sitemap = await suite.app.inject({ url: '/sitemap.xml' });
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    // Four fixed pages and every product in the catalog (other tests here may have added some), in two languages.
    const products = (await suite.app.inject({ url: '/api/v1/products?locale=fr' })).json().products as unknown[];
    expect(products.length).toBeGreaterThanOrEqual(10);
    expect(locs).toHaveLength(2 * (4 + products.length));
    expect(locs).toContain('http://127.0.0.1:3000/fr/catalogue/sql-from-zero');
    expect(locs).toContain('http://127.0.0.1:3000/en/privacy');
    expect(sitemap.body).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:3000/en/catalog/sql-from-zero"/>',
    );
    const robots = await suite.app.inject({ url: '/robots.txt' });
    expect(robots.body).toContain('Disallow: /admin');
    expect(robots.body).toContain('Sitemap: http://127.0.0.1:3000/sitemap.xml');
  });

  it('serves the stylesheet with a content hash and a year-long cache', async () => {
    const home = await suite.app.inject({ url: '/en' });
    const href = /href="(\/assets\/[0-9a-f]{12}\/site\.css)"/.exec(home.body)?.[1];
    expect(href).toBeDefined();
    // Minified and compressed ahead once per process; until then the source goes out, briefly cached.
    await assetsPrepared();
    const css = await suite.app.inject({ url: href as string });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.headers['content-type']).toContain('text/css');
  });
});
