import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { signedInStaff } from '../../../test/staff.js';
import { tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from './catalog-tables.js';
import { parisTime } from './catalog-admin-input.js';

const english = { headers: { 'accept-language': 'en' } };

const newCourse = {
  slug: 'typescript-weekend',
  kind: 'workshop',
  status: 'active',
  price: '249,50',
  vat_rate: '2000',
  name_en: 'TypeScript in a Weekend',
  summary_en: 'Two days to write typed JavaScript with confidence.',
  description_en: 'Types, generics and the compiler, on a real project.',
  name_fr: 'TypeScript en un week-end',
  summary_fr: 'Deux jours pour écrire du JavaScript typé sereinement.',
  description_fr: 'Types, génériques et compilateur, sur un vrai projet.',
};

describeEachEngine('the catalog in the back office', (suite) => {
  const offers = (productId: string) =>
    tablesOf<CatalogTables>(suite.database)
      .selectFrom('catalog_offers')
      .selectAll()
      .where('product_id', '=', productId)
      .execute();

  it('marketing creates a workshop with two sessions and publishes it: the shop shows it, its dates and seats at once', async () => {
    const { browser } = await signedInStaff(suite, 'marketing', english);
    await browser.get('/admin/catalog/new');
    const created = await browser.post('/admin/catalog', newCourse);
    expect(created.statusCode, created.body.slice(0, 400)).toBe(303);
    const id = /\/admin\/catalog\/([^?]+)\?done=created/.exec(created.headers.location as string)?.[1] ?? '';
    await browser.get(`/admin/catalog/${id}`);
    for (const [startsAt, seats] of [
      ['2027-03-06T09:30', '12'],
      ['2027-06-12T09:30', '8'],
    ]) {
      const added = await browser.post(`/admin/catalog/${id}/offers`, {
        starts_at: startsAt as string,
        hours: '14',
        place: '35 rue le Marois, Paris',
        available: seats as string,
      });
      expect(added.statusCode).toBe(303);
    }
    const sessions = await offers(id);
    expect(sessions.map((o) => [o.starts_at, o.available])).toEqual([
      [parisTime('2027-03-06T09:30'), 12],
      [parisTime('2027-06-12T09:30'), 8],
    ]);
    // 09:30 in Paris is 08:30 UTC in March (winter time), 07:30 in June (summer time).
    expect(sessions[0]?.starts_at).toBe('2027-03-06T08:30:00.000Z');
    expect(sessions[1]?.starts_at).toBe('2027-06-12T07:30:00.000Z');

    const page = await suite.app.inject({ url: '/en/catalog/typescript-weekend' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('TypeScript in a Weekend');
    expect(page.body).toContain('€249.50');
    expect(page.body).toContain('12 seats left');
    expect(page.body).toContain('6 March 2027');

    // A new price shows at once; an archived session leaves the page.
    await browser.get(`/admin/catalog/${id}`);
    expect((await browser.post(`/admin/catalog/${id}`, { ...newCourse, price: '199' })).statusCode).toBe(303);
    await browser.post(`/admin/catalog/${id}/offers/${sessions[1]?.id}`, { available: '8', archived: '1' });
    const after = await suite.app.inject({ url: '/en/catalog/typescript-weekend' });
    expect(after.body).toContain('€199.00');
    expect(after.body).not.toContain('12 June 2027');
  });

  it('refuses a taken address and a bad price with the fields named, in the staff member’s language, and changes nothing', async () => {
    const { browser } = await signedInStaff(suite, 'owner');
    await browser.get('/admin/catalog/new');
    const before = await tablesOf<CatalogTables>(suite.database).selectFrom('catalog_products').select('id').execute();
    const taken = await browser.post('/admin/catalog', { ...newCourse, slug: 'javascript-fundamentals' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Un autre produit a déjà cette adresse');
    const badPrice = await browser.post('/admin/catalog', { ...newCourse, slug: 'cheap-course', price: 'free' });
    expect(badPrice.statusCode).toBe(400);
    expect(badPrice.body).toContain('Saisissez un prix TTC en euros');
    expect(badPrice.body).toContain('value="cheap-course"');
    const after = await tablesOf<CatalogTables>(suite.database).selectFrom('catalog_products').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('is refused to support and accountants', async () => {
    for (const role of ['support', 'accountant']) {
      const { browser } = await signedInStaff(suite, role, english);
      expect((await browser.get('/admin/catalog')).statusCode, role).toBe(403);
      expect((await browser.post('/admin/catalog', { ...newCourse, slug: `by-${role}` })).statusCode, role).toBe(403);
    }
  });

  it('archives a product: off the shop, still in the back office', async () => {
    const { browser } = await signedInStaff(suite, 'owner', english);
    const list = await browser.get('/admin/catalog');
    expect(list.statusCode).toBe(200);
    const id = /href="\/admin\/catalog\/([^"]+)">Laptop Sticker Pack</.exec(list.body)?.[1] ?? '';
    await browser.get(`/admin/catalog/${id}`);
    expect((await browser.post(`/admin/catalog/${id}/archive`)).statusCode).toBe(303);
    expect((await suite.app.inject({ url: '/en/catalog/sticker-pack' })).statusCode).toBe(404);
    expect((await browser.get('/admin/catalog')).body).toContain('Archived');
  });
});
