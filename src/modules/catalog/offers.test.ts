import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from './catalog-tables.js';
import { catalogModule } from './index.js';

describeEachEngine('offers: what can be bought, and stock and seats taken exactly', (suite) => {
  const offers = () => suite.context.servicesOf(catalogModule).offers;
  const tables = () => tablesOf<CatalogTables>(suite.database);
  const offerOf = async (slug: string, label?: string) => {
    const rows = await tables()
      .selectFrom('catalog_offers as o')
      .innerJoin('catalog_products as p', 'p.id', 'o.product_id')
      .select(['o.id', 'o.available', 'o.label_en'])
      .where('p.slug', '=', slug)
      .orderBy('o.position')
      .execute();
    const row = label ? rows.find((r) => r.label_en === label) : rows[0];
    if (!row) throw new Error(`no offer for ${slug} ${label ?? ''}`);
    return row;
  };
  const setAvailable = (id: string, available: number | null) =>
    tables().updateTable('catalog_offers').set({ available }).where('id', '=', id).execute();
  const availableOf = async (id: string) =>
    (await tables().selectFrom('catalog_offers').select('available').where('id', '=', id).executeTakeFirstOrThrow())
      .available;
  const reserveAlone = (lines: { offerId: string; quantity: number }[]) =>
    suite.database.db.transaction().execute((trx) => offers().reserve(trx, lines));

  it('reads offers fresh, in the buyer’s language, with price, VAT rate and what is left; unknown ids are left out', async () => {
    const hoodie = await offerOf('code-academy-hoodie', 'M');
    const session = await offerOf('javascript-fundamentals');
    const found = await offers().offers([hoodie.id, session.id, 'no-such-offer'], 'fr');
    expect(found.size).toBe(2);
    expect(found.get(hoodie.id)).toMatchObject({
      kind: 'product',
      shipped: true,
      name: 'Sweat à capuche Code Academy',
      vatRateBasisPoints: 2000,
      currency: 'EUR',
      onSale: true,
    });
    expect(found.get(hoodie.id)?.label).toContain('M');
    const course = found.get(session.id);
    expect(course).toMatchObject({ kind: 'course', shipped: false, onSale: true });
    expect(course?.startsAt).toEqual(expect.any(String));
    expect(course?.label).toContain('en ligne');
  });

  it('of 20 buyers racing for the last 5 seats, exactly 5 get one; the count never goes below zero', async () => {
    const session = await offerOf('javascript-fundamentals');
    await setAvailable(session.id, 5);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserveAlone([{ offerId: session.id, quantity: 1 }])),
    );
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(15);
    for (const result of lost) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        code: 'VT_SOLD_OUT',
        details: { offerIds: [session.id] },
      });
    }
    expect(await availableOf(session.id)).toBe(0);
    await setAvailable(session.id, 16);
  });

  it('takes all the lines or none: when one runs short, the others are given back with the transaction', async () => {
    const small = await offerOf('code-academy-hoodie', 'S');
    const large = await offerOf('code-academy-hoodie', 'L');
    await setAvailable(small.id, 10);
    await setAvailable(large.id, 1);
    await expect(
      reserveAlone([
        { offerId: small.id, quantity: 3 },
        { offerId: large.id, quantity: 2 },
      ]),
    ).rejects.toMatchObject({ code: 'VT_SOLD_OUT', details: { offerIds: [large.id] } });
    expect(await availableOf(small.id)).toBe(10);
    expect(await availableOf(large.id)).toBe(1);
  });

  it('gives back what an unpaid order held, and the product page shows it at once', async () => {
    const workshop = await offerOf('accessible-web-pages');
    await setAvailable(workshop.id, 1);
    const page = () => suite.app.inject({ url: '/en/catalog/accessible-web-pages' });
    expect((await page()).body).toContain('1 seat left');
    await reserveAlone([{ offerId: workshop.id, quantity: 1 }]);
    expect(await availableOf(workshop.id)).toBe(0);
    expect((await page()).body).toContain('Sold out');
    expect((await offers().offers([workshop.id], 'en')).get(workshop.id)?.onSale).toBe(false);
    await suite.database.db
      .transaction()
      .execute((trx) => offers().release(trx, [{ offerId: workshop.id, quantity: 1 }]));
    expect(await availableOf(workshop.id)).toBe(1);
    expect((await page()).body).toContain('1 seat left');
  });

  it('never sells a session that has started, nor an archived offer', async () => {
    const session = await offerOf('javascript-fundamentals');
    const startsAt = (
      await tables()
        .selectFrom('catalog_offers')
        .select('starts_at')
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow()
    ).starts_at;
    await tables()
      .updateTable('catalog_offers')
      .set({ starts_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('id', '=', session.id)
      .execute();
    expect((await offers().offers([session.id], 'en')).get(session.id)?.onSale).toBe(false);
    await expect(reserveAlone([{ offerId: session.id, quantity: 1 }])).rejects.toMatchObject({ code: 'VT_SOLD_OUT' });
    await tables()
      .updateTable('catalog_offers')
      .set({ starts_at: startsAt, status: 'archived' })
      .where('id', '=', session.id)
      .execute();
    expect((await offers().offers([session.id], 'en')).get(session.id)?.onSale).toBe(false);
    await expect(reserveAlone([{ offerId: session.id, quantity: 1 }])).rejects.toMatchObject({ code: 'VT_SOLD_OUT' });
    await tables().updateTable('catalog_offers').set({ status: 'active' }).where('id', '=', session.id).execute();
    expect((await offers().offers([session.id], 'en')).get(session.id)?.onSale).toBe(true);
  });
});
