import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { firefox, memberPassword, verifiedMember } from '../../../test/members.js';
import { addToCart, offersOf } from '../../../test/shop.js';
import { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import type { CatalogTables } from '../catalog/catalog-tables.js';

describeEachEngine('the cart, without JavaScript', (suite) => {
  const catalog = () => tablesOf<CatalogTables>(suite.database);
  const setAvailable = (id: string, available: number | null) =>
    catalog().updateTable('catalog_offers').set({ available }).where('id', '=', id).execute();

  it('adds an item for a guest, shows it with its price and VAT, changes its quantity and removes it', async () => {
    const visitor = new Visitor(suite.app);
    const [offer] = await offersOf(visitor, 'git-github-one-day');
    const added = await addToCart(visitor, offer as string, 2);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/en/cart?notice=added');
    expect(visitor.cookies.has('vitrine_cart')).toBe(true);
    const cart = await visitor.get('/en/cart');
    expect(cart.statusCode).toBe(200);
    expect(cart.headers['cache-control']).toContain('no-store');
    expect(cart.body).toContain('GitHub in One Day');
    expect(cart.body).toContain('€298.00');
    expect(cart.body).toMatch(/VAT at 20/);

    const updated = await visitor.post('/en/cart/update', { offer: offer as string, quantity: '1' });
    expect(updated.statusCode).toBe(303);
    expect((await visitor.get('/en/cart')).body).toContain('€149.00');
    const removed = await visitor.post('/en/cart/remove', { offer: offer as string, quantity: '0' });
    expect(removed.statusCode).toBe(303);
    expect((await visitor.get('/en/cart')).body).not.toContain('GitHub in One Day');
  });

  it('refuses more than is left, an unknown item and a made-up quantity, in the visitor’s language, and changes nothing', async () => {
    const visitor = new Visitor(suite.app);
    const [offer] = await offersOf(visitor, 'accessible-web-pages', 'fr');
    await setAvailable(offer as string, 1);
    const tooMany = await addToCart(visitor, offer as string, 2, 'fr');
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.body).toContain('Quantité insuffisante');
    const unknown = await visitor.post('/fr/panier/ajouter', { offer: 'no-such-offer', quantity: '1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Pas en vente');
    for (const quantity of ['-1', 'abc', '1e3', '99999']) {
      const bad = await visitor.post('/fr/panier/ajouter', { offer: offer as string, quantity });
      expect(bad.statusCode, quantity).toBe(400);
      expect(bad.body).toContain('Choisissez une quantité de 1 à 20.');
    }
    expect((await visitor.get('/fr/panier')).body).not.toContain('Des pages web accessibles');
    await setAvailable(offer as string, 0);
    const soldOut = await addToCart(visitor, offer as string, 1, 'fr');
    expect(soldOut.statusCode).toBe(409);
    expect(soldOut.body).toContain('Épuisé');
    await setAvailable(offer as string, 1);
  });

  it('tells the buyer when an item in the cart sold out meanwhile', async () => {
    const visitor = new Visitor(suite.app);
    const [offer] = await offersOf(visitor, 'accessible-web-pages');
    await setAvailable(offer as string, 1);
    expect((await addToCart(visitor, offer as string, 1)).statusCode).toBe(303);
    await setAvailable(offer as string, 0);
    const cart = await visitor.get('/en/cart');
    expect(cart.body).toMatch(/Sold out|no longer available|sold out/i);
    await setAvailable(offer as string, 1);
  });

  it('joins a guest’s cart to the member’s when they sign in', async () => {
    const member = await verifiedMember(suite, `cart-${suite.engine}`);
    const memberBrowser = new Visitor(suite.app, { 'user-agent': firefox });
    await memberBrowser.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: member.username,
      password: memberPassword,
    });
    const [hoodie] = await offersOf(memberBrowser, 'code-academy-hoodie');
    expect((await addToCart(memberBrowser, hoodie as string, 1)).statusCode).toBe(303);

    const guest = new Visitor(suite.app, { 'user-agent': firefox });
    const [workshop] = await offersOf(guest, 'git-github-one-day');
    expect((await addToCart(guest, workshop as string, 1)).statusCode).toBe(303);
    expect(guest.cookies.has('vitrine_cart')).toBe(true);
    const signedIn = await guest.submit('/en/account/sign-in', '/en/account/sign-in', {
      identifier: member.username,
      password: memberPassword,
    });
    expect(signedIn.statusCode).toBe(303);
    const cart = await guest.get('/en/cart');
    expect(cart.body).toContain('GitHub in One Day');
    expect(cart.body).toContain('Code Academy Hoodie');
    expect(guest.cookies.has('vitrine_cart')).toBe(false);
    // The same cart on the member's other device.
    expect((await memberBrowser.get('/en/cart')).body).toContain('GitHub in One Day');
  });
});
