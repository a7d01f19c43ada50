import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { signedInStaff } from '../../../test/staff.js';
import { tablesOf } from '../../platform/db/database.js';
import { fieldProblemText } from '../../web/field-wording.js';
import { coverNames, euros, parisLocal, parisTime } from './catalog-admin-input.js';
import type { CatalogTables } from './catalog-tables.js';
import { ProductCover } from './views/product-cover.js';

const english = { headers: { 'accept-language': 'en' } };
const french = { headers: { 'accept-language': 'fr' } };

const workshop = {
  slug: 'typescript-weekend',
  kind: 'workshop',
  price: '249,50',
  vat_rate: '2000',
  level: 'intermediate',
  format: 'on-site',
  duration_hours: '14',
  cover: 'js',
  name_en: 'TypeScript in a Weekend',
  summary_en: 'Two days to write typed JavaScript with confidence.',
  description_en: 'Types, generics and the compiler, on a real project.',
  highlights_en: 'Generics without fear\n\nStrict mode on an old project',
  name_fr: 'TypeScript en un week-end',
  summary_fr: 'Deux jours pour écrire du JavaScript typé sereinement.',
  description_fr: 'Types, génériques et compilateur, sur un vrai projet.',
  highlights_fr: 'Les génériques sans peur\nLe mode strict sur un vieux projet',
};

const hoodie = {
  ...workshop,
  slug: 'typed-hoodie',
  kind: 'product',
  price: '45',
  cover: 'hoodie',
  name_en: 'Typed Hoodie',
  name_fr: 'Sweat typé',
};

/** The id in the address a create form sends to: /admin/catalog/<id>?done=created. */
const createdId = (location: unknown) =>
  /^\/admin\/catalog\/([A-Za-z0-9_-]+)\?done=created$/.exec(String(location))?.[1];

/** Many requests come from one address here: the rate limits are raised, so every one reaches the forms. */
const unlimited = { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000', RATE_LIMIT_WRITES_PER_MINUTE: '1000000' };

describeEachEngine(
  'the catalog in the back office',
  (suite) => {
    const db = () => tablesOf<CatalogTables>(suite.database);
    const offersOf = (productId: string) =>
      db().selectFrom('catalog_offers').selectAll().where('product_id', '=', productId).orderBy('position').execute();
    const productBySlug = (slug: string) =>
      db().selectFrom('catalog_products').selectAll().where('slug', '=', slug).executeTakeFirst();
    const everything = async () => ({
      products: await db().selectFrom('catalog_products').selectAll().orderBy('id').execute(),
      texts: await db()
        .selectFrom('catalog_product_texts')
        .selectAll()
        .orderBy('product_id')
        .orderBy('locale')
        .execute(),
      offers: await db().selectFrom('catalog_offers').selectAll().orderBy('id').execute(),
    });

    it('marketing creates a workshop with two sessions and publishes it: the shop shows it, its sessions and seats, a new price at once, and not an archived session', async () => {
      const { browser } = await signedInStaff(suite, 'marketing', english);
      expect((await browser.get('/admin/catalog/new')).statusCode).toBe(200);
      const created = await browser.post('/admin/catalog', workshop);
      expect(created.statusCode, created.body.slice(0, 400)).toBe(303);
      const id = createdId(created.headers.location) ?? '';
      // A draft until published: not on the shop.
      expect((await suite.app.inject({ url: '/en/catalog/typescript-weekend' })).statusCode).toBe(404);

      await browser.get(`/admin/catalog/${id}`);
      for (const [startsAt, endsAt, seats] of [
        ['2027-03-06T09:30', '2027-03-07T17:30', '12'],
        ['2027-06-12T09:30', '', '8'],
      ] as const) {
        const added = await browser.post(`/admin/catalog/${id}/offers`, {
          starts_at: startsAt,
          ends_at: endsAt,
          schedule_en: 'Saturday and Sunday, 9.30 am to 5.30 pm',
          schedule_fr: 'Samedi et dimanche, 9 h 30 – 17 h 30',
          place: '35 rue le Marois, Paris',
          available: seats,
        });
        expect(added.statusCode, added.body.slice(0, 400)).toBe(303);
      }
      const sessions = await offersOf(id);
      expect(sessions.map((o) => [o.kind, o.starts_at, o.ends_at, o.available, o.price_cents])).toEqual([
        // 09:30 in Paris is 08:30 UTC in March (winter time), 07:30 in June (summer time).
        ['session', '2027-03-06T08:30:00.000Z', '2027-03-07T16:30:00.000Z', 12, null],
        ['session', '2027-06-12T07:30:00.000Z', null, 8, null],
      ]);

      const published = await browser.post(`/admin/catalog/${id}/status`, { status: 'active' });
      expect(published.headers.location).toBe(`/admin/catalog/${id}?done=status`);
      const page = await suite.app.inject({ url: '/en/catalog/typescript-weekend' });
      expect(page.statusCode).toBe(200);
      for (const shown of [
        'TypeScript in a Weekend',
        '€249.50',
        '6 March 2027',
        '12 June 2027',
        '12 seats left',
        '8 seats left',
        'Saturday and Sunday, 9.30 am to 5.30 pm',
        '35 rue le Marois, Paris',
        'Strict mode on an old project',
        'Intermediate',
      ])
        expect(page.body, shown).toContain(shown);
      const fr = await suite.app.inject({ url: '/fr/catalogue/typescript-weekend' });
      expect(fr.body).toContain('249,50');
      expect(fr.body).toContain('Le mode strict sur un vieux projet');

      // A new price shows at once (the storefront's cache is cleared); an archived session leaves the page.
      await browser.get(`/admin/catalog/${id}`);
      expect((await browser.post(`/admin/catalog/${id}`, { ...workshop, price: '199' })).statusCode).toBe(303);
      expect((await suite.app.inject({ url: '/en/catalog/typescript-weekend' })).body).toContain('€199.00');
      await browser.get(`/admin/catalog/${id}/offers/${sessions[1]?.id}`);
      const archived = await browser.post(`/admin/catalog/${id}/offers/${sessions[1]?.id}/status`, {
        status: 'archived',
      });
      expect(archived.statusCode).toBe(303);
      const after = await suite.app.inject({ url: '/en/catalog/typescript-weekend' });
      expect(after.body).toContain('6 March 2027');
      expect(after.body).not.toContain('12 June 2027');

      // Seats set as counted, and a session moved, show at once too.
      await browser.get(`/admin/catalog/${id}`);
      expect(
        (await browser.post(`/admin/catalog/${id}/offers/${sessions[0]?.id}/available`, { available: '3' })).statusCode,
      ).toBe(303);
      expect((await suite.app.inject({ url: '/en/catalog/typescript-weekend' })).body).toContain('3 seats left');
      await browser.get(`/admin/catalog/${id}/offers/${sessions[0]?.id}`);
      const moved = await browser.post(`/admin/catalog/${id}/offers/${sessions[0]?.id}`, {
        starts_at: '2027-04-10T10:00',
        online: '1',
        available: '3',
        price: '179,00',
      });
      expect(moved.statusCode, moved.body.slice(0, 400)).toBe(303);
      const last = await suite.app.inject({ url: '/en/catalog/typescript-weekend' });
      expect(last.body).toContain('10 April 2027');
      expect(last.body).toContain('€179.00');
      expect(last.body).not.toContain('6 March 2027');
      const list = await browser.get('/admin/catalog');
      expect(list.body).toContain('TypeScript in a Weekend');
    });

    it('refuses a taken address and a bad price with the fields named, in the staff member’s language, keeps what was typed, and changes nothing', async () => {
      const { browser } = await signedInStaff(suite, 'owner', french);
      await browser.get('/admin/catalog/new');
      const before = await everything();
      const taken = await browser.post('/admin/catalog', { ...workshop, slug: 'javascript-fundamentals' });
      expect(taken.statusCode).toBe(409);
      expect(taken.body).toContain('Adresse déjà utilisée');
      expect(taken.body).toMatch(/id="field-slug-error">Un autre produit a déjà cette adresse/);
      const badPrice = await browser.post('/admin/catalog', { ...workshop, slug: 'cheap-course', price: 'free' });
      expect(badPrice.statusCode).toBe(400);
      expect(badPrice.body).toMatch(/id="field-price-error">Saisissez un prix TTC en euros/);
      expect(badPrice.body).toContain('value="cheap-course"');
      expect(badPrice.body).toContain('value="free"');
      expect(badPrice.body).toContain('Le mode strict sur un vieux projet');
      const zero = await browser.post('/admin/catalog', { ...workshop, slug: 'free-course', price: '0,00' });
      expect(zero.statusCode).toBe(400);
      expect(zero.body).toContain('id="field-price-error"');

      // Editing an existing product to another's address: refused, its own unchanged.
      const sql = await productBySlug('sql-from-zero');
      const edit = `/admin/catalog/${sql?.id}`;
      const page = await browser.get(edit);
      expect(page.body).toContain('value="sql-from-zero"');
      const stolen = await browser.post(edit, { ...workshop, slug: 'javascript-fundamentals' });
      expect(stolen.statusCode).toBe(409);
      expect(stolen.body).toContain('id="field-slug-error"');
      const missing = await browser.post(edit, { ...workshop, slug: 'sql-from-zero', name_en: ' ', vat_rate: '1900' });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('id="field-name_en-error"');
      expect(missing.body).toContain('id="field-vat_rate-error"');
      expect(await everything()).toEqual(before);
    });

    it('is refused to support and accountants, who change nothing', async () => {
      const sql = await productBySlug('sql-from-zero');
      const before = await everything();
      for (const role of ['support', 'accountant']) {
        const { browser } = await signedInStaff(suite, role, english);
        expect((await browser.get('/admin/catalog')).statusCode, role).toBe(403);
        expect((await browser.get(`/admin/catalog/${sql?.id}`)).statusCode, role).toBe(403);
        expect((await browser.post('/admin/catalog', { ...workshop, slug: `by-${role}` })).statusCode, role).toBe(403);
        expect((await browser.post(`/admin/catalog/${sql?.id}/status`, { status: 'archived' })).statusCode).toBe(403);
      }
      expect(await everything()).toEqual(before);
    });

    it('sells goods as one item or in sizes, never both; stock set as counted, never below 0', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      await browser.get('/admin/catalog/new');
      const id = createdId((await browser.post('/admin/catalog', { ...hoodie, publish: '1' })).headers.location) ?? '';
      const product = await productBySlug('typed-hoodie');
      // Goods have no level, format or length, whatever the form carried.
      expect([product?.status, product?.level, product?.format, product?.duration_hours]).toEqual([
        'active',
        null,
        null,
        null,
      ]);

      await browser.get(`/admin/catalog/${id}`);
      expect((await browser.post(`/admin/catalog/${id}/offers`, { available: '20' })).statusCode).toBe(303);
      const both = await browser.post(`/admin/catalog/${id}/offers`, { label_en: 'M', label_fr: 'M', available: '5' });
      expect(both.statusCode).toBe(400);
      expect(both.body).toContain('id="field-label_en-error"');
      const [single] = await offersOf(id);
      expect([single?.kind, single?.available, await offersOf(id).then((o) => o.length)]).toEqual(['single', 20, 1]);

      // Archive the single offer, then sell sizes.
      await browser.post(`/admin/catalog/${id}/offers/${single?.id}/status`, { status: 'archived' });
      for (const size of ['S', 'M'])
        expect(
          (await browser.post(`/admin/catalog/${id}/offers`, { label_en: size, label_fr: size, available: '4' }))
            .statusCode,
        ).toBe(303);
      const [, small, medium] = await offersOf(id);
      expect([small?.kind, small?.label_en, medium?.label_fr]).toEqual(['variant', 'S', 'M']);
      // Nor can a new single offer, or the archived one, come beside the sizes.
      const single2 = await browser.post(`/admin/catalog/${id}/offers`, { available: '3' });
      expect(single2.statusCode).toBe(400);
      expect(single2.body).toContain('not both');
      await browser.get(`/admin/catalog/${id}/offers/${single?.id}`);
      const back = await browser.post(`/admin/catalog/${id}/offers/${single?.id}/status`, { status: 'active' });
      expect(back.statusCode).toBe(400);

      await browser.get(`/admin/catalog/${id}`);
      for (const bad of ['-1', '2.5', 'lots', '99999999']) {
        const refused = await browser.post(`/admin/catalog/${id}/offers/${small?.id}/available`, { available: bad });
        expect(refused.statusCode, bad).toBe(400);
        expect(refused.body).toContain(`id="available-${small?.id}-error"`);
        expect(refused.body).toContain(`value="${bad}"`);
      }
      expect((await offersOf(id))[1]?.available).toBe(4);
      await browser.post(`/admin/catalog/${id}/offers/${small?.id}/available`, { available: '0' });
      const shop = await suite.app.inject({ url: '/en/catalog/typed-hoodie' });
      expect(shop.body).toContain('Sold out');
      expect(shop.body).toContain('Only 4 left');

      // Goods with sizes on sale cannot become a course; an offer of another product is not found.
      await browser.get(`/admin/catalog/${id}`);
      const course = await browser.post(`/admin/catalog/${id}`, { ...hoodie, kind: 'course' });
      expect(course.statusCode).toBe(400);
      expect(course.body).toContain('id="field-kind-error"');
      const other = await productBySlug('sql-from-zero');
      expect(
        (await browser.post(`/admin/catalog/${other?.id}/offers/${small?.id}/available`, { available: '9' }))
          .statusCode,
      ).toBe(404);
      expect((await browser.get(`/admin/catalog/${other?.id}/offers/${small?.id}`)).statusCode).toBe(404);
    });

    it('checks a session’s dates and place, and keeps what was typed', async () => {
      const { browser } = await signedInStaff(suite, 'marketing', english);
      const git = await productBySlug('git-github-one-day');
      const before = await everything();
      await browser.get(`/admin/catalog/${git?.id}`);
      const refused = await browser.post(`/admin/catalog/${git?.id}/offers`, {
        starts_at: '2027-13-01T10:00',
        ends_at: '2027-01-01T10:00',
        place: '',
        available: '10',
        schedule_en: 'Evenings',
      });
      expect(refused.statusCode).toBe(400);
      for (const field of ['starts_at', 'place']) expect(refused.body).toContain(`id="field-${field}-error"`);
      expect(refused.body).toContain('value="Evenings"');
      const backwards = await browser.post(`/admin/catalog/${git?.id}/offers`, {
        starts_at: '2027-05-01T10:00',
        ends_at: '2027-05-01T09:00',
        online: '1',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.body).toContain('The end must come after the start.');
      expect(await everything()).toEqual(before);
    });

    it('withstands hostile values in every field of every form of a real product and offer: never a 5xx, and what is refused changes nothing', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      const git = await productBySlug('git-github-one-day');
      const [session] = await offersOf(git?.id ?? '');
      const base = `/admin/catalog/${git?.id}`;
      const forms: [string, Record<string, string>][] = [
        [base, { ...workshop, slug: 'git-github-one-day' }],
        [`${base}/status`, { status: 'active' }],
        [`${base}/offers`, { starts_at: '2027-05-01T10:00', place: 'Paris', available: '5' }],
        [`${base}/offers/${session?.id}`, { starts_at: '2027-05-01T10:00', place: 'Paris', available: '5' }],
        [`${base}/offers/${session?.id}/available`, { available: '5' }],
        [`${base}/offers/${session?.id}/status`, { status: 'active' }],
      ];
      const hostile = [
        '\u0000',
        'a\u0000b',
        '\ud800',
        'x'.repeat(5000),
        'x'.repeat(25_000),
        '<script>alert(1)</script>',
        "' OR '1'='1",
        '99999999999999999999',
        '-1',
        ' ',
        '2027-05-01T10:00\n',
        '١٢',
      ];
      const failures: string[] = [];
      await browser.get(base);
      for (const [action, form] of forms)
        for (const field of Object.keys(form))
          for (const value of hostile) {
            const before = await everything();
            const response = await browser.post(action, { ...form, [field]: value });
            const label = `${action} ${field}=${JSON.stringify(value.slice(0, 20))}`;
            if (response.statusCode >= 500 || response.statusCode === 429)
              failures.push(`${label}: ${response.statusCode}`);
            else if (response.statusCode >= 400 && JSON.stringify(await everything()) !== JSON.stringify(before))
              failures.push(`${label}: refused, yet changed the catalog`);
            else if (response.statusCode >= 400 && !response.body.includes('<h1')) failures.push(`${label}: no page`);
          }
      expect(failures).toEqual([]);
    });
    it('archives a product: off the shop, still in the back office, and restored as a draft', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      const list = await browser.get('/admin/catalog');
      expect(list.statusCode).toBe(200);
      const id = /href="\/admin\/catalog\/([^"]+)">Laptop Sticker Pack</.exec(list.body)?.[1] ?? '';
      await browser.get(`/admin/catalog/${id}`);
      expect((await browser.post(`/admin/catalog/${id}/status`, { status: 'archived' })).statusCode).toBe(303);
      expect((await suite.app.inject({ url: '/en/catalog/sticker-pack' })).statusCode).toBe(404);
      expect((await browser.get('/admin/catalog')).body).toContain('Archived');
      const page = await browser.get(`/admin/catalog/${id}`);
      expect(page.body).toContain('Restore as a draft');
      await browser.post(`/admin/catalog/${id}/status`, { status: 'draft' });
      expect((await productBySlug('sticker-pack'))?.status).toBe('draft');
      expect((await browser.post(`/admin/catalog/${id}/status`, { status: 'deleted' })).statusCode).toBe(400);
      expect((await productBySlug('sticker-pack'))?.status).toBe('draft');
    });
  },
  { env: unlimited },
);

describe('what staff type', () => {
  it('reads prices in euros with a dot or a comma, to the cent', () => {
    const read = (raw: string) => {
      const problems: Record<string, string> = {};
      const cents = euros(raw, 'price', problems);
      return problems.price ?? cents;
    };
    expect(['49', '49.50', '49,50', '49,5', ' 1 490,00 € ', '0.29', '0,01'].map(read)).toEqual([
      4900, 4950, 4950, 4950, 149_000, 29, 1,
    ]);
    expect(['free', '-5', '49.999', '4,9,0', '', '1e3', '0', '0,00'].map(read)).toEqual([
      'price',
      'price',
      'price',
      'price',
      'price',
      'price',
      'price-zero',
      'price-zero',
    ]);
  });

  it('reads Paris times on either side of the clock changes, and refuses dates that do not exist', () => {
    expect(parisTime('2027-01-11T19:30')).toBe('2027-01-11T18:30:00.000Z');
    expect(parisTime('2027-07-14T22:00')).toBe('2027-07-14T20:00:00.000Z');
    // 28 March 2027: 02:00 becomes 03:00 (01:00 UTC). 31 October 2027: 03:00 becomes 02:00 (01:00 UTC).
    expect(parisTime('2027-03-28T01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(parisTime('2027-03-28T03:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(parisTime('2027-10-31T01:30')).toBe('2027-10-30T23:30:00.000Z');
    expect(parisTime('2027-10-31T03:30')).toBe('2027-10-31T02:30:00.000Z');
    for (const bad of ['2027-13-01T10:00', '2027-02-30T10:00', '2027-01-01T24:00', '0027-01-01T10:00', '11/01/2027'])
      expect(parisTime(bad), bad).toBeUndefined();
    for (const iso of ['2027-01-11T18:30:00.000Z', '2027-07-14T20:00:00.000Z', '2027-10-30T23:30:00.000Z'])
      expect(parisTime(parisLocal(iso))).toBe(iso);
  });

  it('has words for every problem its forms name, in both languages', () => {
    const codes = ['slug', 'slug-taken', 'price', 'price-zero', 'vat-rate', 'stock', 'date', 'hours'];
    const more = ['ends-before-start', 'offer-mix', 'kind-locked', 'too-long'];
    for (const locale of ['en', 'fr'] as const)
      for (const code of [...codes, ...more])
        expect(fieldProblemText(code, locale), code).not.toBe(fieldProblemText('required', locale));
  });

  it('offers only cover art the product pages draw', () => {
    const fallback = renderToString(ProductCover({ cover: 'no-such-cover', id: 'x' }));
    for (const cover of coverNames) expect(renderToString(ProductCover({ cover, id: 'x' })), cover).not.toBe(fallback);
  });
});
