import Fastify, { type FastifyInstance } from 'fastify';
import { h } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/harness.js';
import type { ShopIdentity } from '../platform/settings/shop-identity.js';
import { Layout } from './components/layout.js';
import { pageContext } from './page-context.js';
import { pageIndexing } from './page-indexing.js';
import { alternatesOf, paths } from './paths.js';
import { renderDocument } from './render.js';

const shopUrl = 'https://shop.example';

/** The links a page's head gives search engines, in order. */
function headLinks(html: string) {
  const head = html.slice(0, html.indexOf('</head>'));
  return {
    canonical: [...head.matchAll(/<link rel="canonical" href="([^"]*)"/g)].map((m) => m[1]),
    languages: [...head.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    ),
    noindex: head.includes('<meta name="robots" content="noindex"/>'),
  };
}

describeEachEngine(
  'canonical and language links of the shop’s pages',
  (suite) => {
    it('gives catalog and product pages, in both languages, absolute canonical and hreflang links', async () => {
      const cases = [
        ['/en/catalog', '/en/catalog', '/fr/catalogue', '/en/catalog'],
        ['/fr/catalogue', '/fr/catalogue', '/fr/catalogue', '/en/catalog'],
        [
          '/en/catalog/javascript-fundamentals',
          '/en/catalog/javascript-fundamentals',
          '/fr/catalogue/javascript-fundamentals',
          '/en/catalog/javascript-fundamentals',
        ],
        [
          '/fr/catalogue/javascript-fundamentals',
          '/fr/catalogue/javascript-fundamentals',
          '/fr/catalogue/javascript-fundamentals',
          '/en/catalog/javascript-fundamentals',
        ],
        ['/en', '/en', '/fr', '/en'],
      ];
      for (const [url = '', canonical, fr, en] of cases) {
        const page = await suite.app.inject({ url });
        expect(page.statusCode, url).toBe(200);
        expect(headLinks(page.body), url).toEqual({
          canonical: [shopUrl + canonical],
          languages: [`fr ${shopUrl}${fr}`, `en ${shopUrl}${en}`, `x-default ${shopUrl}${fr}`],
          noindex: false,
        });
      }
    });

    it('keeps the catalog filter in the canonical address and drops tracking parameters and unknown filters', async () => {
      const filtered = await suite.app.inject({ url: '/en/catalog?utm_source=newsletter&kind=course&fbclid=abc' });
      expect(headLinks(filtered.body)).toEqual({
        canonical: [`${shopUrl}/en/catalog?kind=course`],
        languages: [
          `fr ${shopUrl}/fr/catalogue?kind=course`,
          `en ${shopUrl}/en/catalog?kind=course`,
          `x-default ${shopUrl}/fr/catalogue?kind=course`,
        ],
        noindex: false,
      });
      const unknown = await suite.app.inject({ url: '/fr/catalogue?kind=bogus&gclid=1' });
      expect(headLinks(unknown.body).canonical).toEqual([`${shopUrl}/fr/catalogue`]);
    });

    it('asks search engines to leave out error pages and the back office', async () => {
      for (const url of ['/en/nowhere', '/fr/catalogue/no-such-course', '/admin/sign-in']) {
        const page = await suite.app.inject({ url });
        expect(page.headers['content-type'], url).toContain('text/html');
        expect(headLinks(page.body), url).toEqual({ canonical: [], languages: [], noindex: true });
      }
    });
  },
  { env: { PUBLIC_URL: `${shopUrl}/` } },
);

describe('what a route states about indexing', () => {
  const shop: ShopIdentity = {
    name: 'Test shop',
    tagline: { en: 'Tests', fr: 'Tests' },
    email: 'shop@example.org',
    address: { street: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'France' },
    currency: 'EUR',
  };
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    pageIndexing(app, shopUrl);
    const page =
      (withAlternates: boolean) =>
      async (request: Parameters<typeof pageContext>[0], reply: Parameters<typeof pageContext>[1]) => {
        const alternates = withAlternates ? alternatesOf(paths.cart) : undefined;
        const ctx = pageContext(request, reply, { locale: 'en', shop, alternates });
        return reply.type('text/html').send(renderDocument(h(Layout, { ctx, title: 'Page', children: 'content' })));
      };
    app.get('/en/cart', { config: { access: 'public', noindex: true } }, page(true));
    app.get('/en/indexed', { config: { access: 'public' } }, page(false));
    app.get('/en/members-only', { config: { access: 'member' } }, page(true));
    app.get('/en/unsaid', {}, page(true));
    await app.ready();
  });
  afterAll(() => app.close());

  it('leaves out a public page that says noindex, and any page not for the public', async () => {
    for (const url of ['/en/cart', '/en/members-only', '/en/unsaid']) {
      const response = await app.inject({ url });
      expect(headLinks(response.body), url).toEqual({ canonical: [], languages: [], noindex: true });
    }
  });

  it('makes a public page without alternates canonical without its query', async () => {
    const response = await app.inject({ url: '/en/indexed?utm_campaign=x' });
    expect(headLinks(response.body)).toEqual({
      canonical: [`${shopUrl}/en/indexed`],
      languages: [],
      noindex: false,
    });
  });
});
