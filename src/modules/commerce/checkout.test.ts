import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { useSandboxGateway } from '../../../test/sandbox-gateway.js';
import { addToCart, buyer, checkoutKeysOf, offersOf } from '../../../test/shop.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from '../catalog/catalog-tables.js';
import type { CommerceTables } from './commerce-tables.js';

const payments = useSandboxGateway();

describeEachEngine(
  'the checkout, against bad input and races',
  (suite) => {
    const commerce = () => tablesOf<CommerceTables>(suite.database);
    const ordersOf = (email: string) =>
      commerce().selectFrom('commerce_orders').selectAll().where('email', '=', email).execute();
    const setAvailable = (id: string, available: number | null) =>
      tablesOf<CatalogTables>(suite.database)
        .updateTable('catalog_offers')
        .set({ available })
        .where('id', '=', id)
        .execute();

    async function cartWith(slug: string) {
      const visitor = new Visitor(suite.app);
      const [offer] = await offersOf(visitor, slug);
      expect((await addToCart(visitor, offer as string)).statusCode).toBe(303);
      const page = await visitor.get('/en/checkout');
      return { visitor, offer: offer as string, keys: checkoutKeysOf(page) };
    }

    it('makes one order of a form sent twice, and sends both to the same payment page', async () => {
      const email = `twice-${suite.engine}@example.com`;
      const { visitor, keys } = await cartWith('sticker-pack');
      const first = await visitor.post('/en/checkout', { ...buyer, ...keys, email });
      const second = await visitor.post('/en/checkout', { ...buyer, ...keys, email });
      expect(first.statusCode).toBe(303);
      expect(second.statusCode).toBe(303);
      expect(second.headers.location).toBe(first.headers.location);
      expect(await ordersOf(email)).toHaveLength(1);
    });

    it('refuses a form whose cart changed since the page was shown, or whose cart fingerprint was edited', async () => {
      const email = `changed-${suite.engine}@example.com`;
      const { visitor, keys } = await cartWith('sticker-pack');
      const edited = await visitor.post('/en/checkout', { ...buyer, ...keys, cart: `${keys.cart}x`, email });
      expect(edited.statusCode).toBe(409);
      expect(edited.body).toContain('Your cart changed');
      // Another tab adds to the cart meanwhile: the total the buyer saw is not the total any more.
      const [hoodie] = await offersOf(visitor, 'code-academy-hoodie');
      await addToCart(visitor, hoodie as string);
      const stale = await visitor.post('/en/checkout', { ...buyer, ...keys, email });
      expect(stale.statusCode).toBe(409);
      expect(await ordersOf(email)).toEqual([]);
    });

    it('ignores prices, quantities and items typed into the form: only the cart counts', async () => {
      const email = `tampered-${suite.engine}@example.com`;
      const { visitor, keys } = await cartWith('sticker-pack');
      const tampered = await visitor.post('/en/checkout', {
        ...buyer,
        ...keys,
        email,
        price: '1',
        total_cents: '1',
        quantity: '50',
        offer: 'someone-elses-offer',
      });
      // The form's extra fields are read by nothing: the order is the cart's, at the catalog's price.
      expect(tampered.statusCode).toBe(303);
      const [order] = await ordersOf(email);
      expect(order?.total_cents).toBe(900);
      expect(JSON.parse(order?.lines ?? '[]')).toMatchObject([
        { quantity: 1, unitPriceCents: 900, name: 'Laptop Sticker Pack' },
      ]);
    });

    it('treats a cart past its lifetime as empty', async () => {
      const { visitor, keys } = await cartWith('sticker-pack');
      await commerce()
        .updateTable('commerce_carts')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      const page = await visitor.get('/en/cart');
      expect(page.body).toContain('Your cart is empty');
      const late = await visitor.post('/en/checkout', { ...buyer, ...keys, email: `late-${suite.engine}@example.com` });
      expect(late.statusCode).toBe(303);
      expect(late.headers.location).toBe('/en/cart');
    });

    it('gives the last seat to one of two buyers placing their orders at once; the other is told it sold out', async () => {
      const [first, second] = await Promise.all([cartWith('accessible-web-pages'), cartWith('accessible-web-pages')]);
      await setAvailable(first?.offer as string, 1);
      const answers = await Promise.all(
        [first, second].map((one, index) =>
          one?.visitor.post('/en/checkout', {
            ...buyer,
            ...one.keys,
            email: `seat-${index}-${suite.engine}@example.com`,
            early_start: '1',
          }),
        ),
      );
      const statuses = answers.map((answer) => answer?.statusCode).sort();
      expect(statuses).toEqual([303, 409]);
      const loser = answers.find((answer) => answer?.statusCode === 409);
      expect(loser?.body).toContain('Sold out');
      const orders = await commerce()
        .selectFrom('commerce_orders')
        .select('email')
        .where('email', 'like', `seat-%-${suite.engine}@example.com`)
        .execute();
      expect(orders).toHaveLength(1);
      const left = await tablesOf<CatalogTables>(suite.database)
        .selectFrom('catalog_offers')
        .select('available')
        .where('id', '=', first?.offer as string)
        .executeTakeFirstOrThrow();
      expect(left.available).toBe(0);
    });
  },
  { env: payments.env },
);
