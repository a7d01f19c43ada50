import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import type { CommerceTables } from '../src/modules/commerce/commerce-tables.js';
import { tablesOf } from '../src/platform/db/database.js';
import type { Suite } from './harness.js';
import type { Visitor } from './visitor.js';

/** The offers a product page lets a buyer choose (its add-to-cart form's `offer` inputs), in page order. */
export function offerIdsOn(html: string): string[] {
  const ids: string[] = [];
  for (const match of html.matchAll(/<(?:input|option)\b[^>]*>/g)) {
    const tag = match[0];
    if (tag.startsWith('<input') && !/\bname="offer"/.test(tag)) continue;
    if (tag.startsWith('<option') && !html.slice(0, match.index).includes('name="offer"')) continue;
    const value = /\bvalue="([^"]+)"/.exec(tag)?.[1];
    if (value && !ids.includes(value)) ids.push(value);
  }
  return ids;
}

/** Opens a product page and returns its offers (the visitor now holds the page's CSRF token). */
export async function offersOf(visitor: Visitor, slug: string, locale: 'en' | 'fr' = 'en'): Promise<string[]> {
  const page = await visitor.get(locale === 'en' ? `/en/catalog/${slug}` : `/fr/catalogue/${slug}`);
  if (page.statusCode !== 200) throw new Error(`product ${slug}: ${page.statusCode}`);
  const ids = offerIdsOn(page.body);
  if (ids.length === 0) throw new Error(`product ${slug} shows no offer to buy`);
  return ids;
}

/** Adds an offer to the cart as the product page's form does. */
export function addToCart(visitor: Visitor, offer: string, quantity = 1, locale: 'en' | 'fr' = 'en') {
  return visitor.post(locale === 'en' ? '/en/cart/add' : '/fr/panier/ajouter', { offer, quantity: String(quantity) });
}

/** The checkout form's hidden fields (cart fingerprint, one-time key) from the page. */
export function checkoutKeysOf(page: LightMyRequestResponse): { cart: string; checkout_key: string } {
  const cart = /name="cart" value="([^"]+)"/.exec(page.body)?.[1];
  const key = /name="checkout_key" value="([^"]+)"/.exec(page.body)?.[1];
  if (!cart || !key) throw new Error(`no checkout form (status ${page.statusCode})`);
  return { cart, checkout_key: key };
}

export const buyer = {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  billing_line1: '12 rue de la Paix',
  billing_postal_code: '75002',
  billing_city: 'Paris',
  billing_country: 'FR',
  shipping_same: '1',
  accept_terms: '1',
};

/**
 * Fills the cart with one offer of a product and places the order with `form` over the buyer's
 * details; returns the gateway page the shop sent the buyer to. Throws on any other answer.
 */
export async function placeOrder(visitor: Visitor, slug: string, form: Record<string, string> = {}) {
  const [offer] = await offersOf(visitor, slug);
  const added = await addToCart(visitor, offer as string);
  if (added.statusCode !== 303) throw new Error(`add to cart: ${added.statusCode}`);
  const page = await visitor.get('/en/checkout');
  const placed = await visitor.post('/en/checkout', { ...buyer, ...checkoutKeysOf(page), ...form });
  if (placed.statusCode !== 303) throw new Error(`checkout: ${placed.statusCode} ${placed.body.slice(0, 300)}`);
  return { payUrl: placed.headers.location as string, offer: offer as string };
}

/** Waits (up to 5 s) for the order of `email` to reach `status`, as webhooks arrive. */
export async function orderReaching(suite: Suite, email: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const order = await tablesOf<CommerceTables>(suite.database)
      .selectFrom('commerce_orders')
      .selectAll()
      .where('email', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (order?.status === status) return order;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the order of ${email} did not become ${status}`);
}

/** Starts the suite's shop on a port and sends the gateway's webhooks to it (they come over HTTP). */
export async function listenForWebhooks(suite: Suite, gateway: { setWebhookUrl(url: string): void }) {
  await suite.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = suite.app.server.address() as AddressInfo;
  gateway.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/payments`);
}
