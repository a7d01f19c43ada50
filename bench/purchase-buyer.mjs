// One buyer's whole purchase, as a browser without JavaScript makes it, timed step by step:
// product page → add to cart → checkout page → place order → the sandbox gateway's card page →
// back on the shop, the order page polled until the gateway's webhook has made it paid and
// numbered its invoice. Used by purchase.mjs. Any answer the buyer would not expect (a status
// other than the form's, a missing field, an order still unpaid after `paidWithinMs`) throws.

const card = { number: '4242424242424242', cvc: '123', name: 'Ada Lovelace' };

/** What a browser keeps for one origin: its cookies. Redirects are seen, not followed. */
export class Browser {
  cookies = new Map();

  constructor(origin) {
    this.origin = origin;
  }

  get(url) {
    return this.request(url, { method: 'GET' });
  }

  post(url, form) {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The answer with its body read, and how long that took (ms). */
  async request(url, init) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const started = performance.now();
    const response = await fetch(new URL(url, this.origin), {
      ...init,
      redirect: 'manual',
      headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}), ...init.headers },
    });
    const html = await response.text();
    const ms = performance.now() - started;
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return { status: response.status, location: response.headers.get('location') ?? '', html, ms };
  }
}

const fieldOf = (html, name, step) => {
  const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  if (!value) throw new Error(`${step}: no "${name}" field on the page`);
  return value;
};

const expect = (step, answer, status) => {
  if (answer.status !== status)
    throw new Error(`${step}: ${answer.status} instead of ${status} ${answer.location} ${answer.html.slice(0, 200)}`);
  return answer;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Buys one `product` (a physical one, sold as it is) as buyer `n`; resolves with each step's time
 * (ms), the invoice number the order page shows and how many times it was asked. With `thinkMs`,
 * the buyer pauses between steps as a person would (a random 0.5–1.5 × thinkMs, so buyers do not
 * move in step); the pauses are not counted in any step's time.
 */
export async function purchase(shopUrl, n, { product, pollMs = 5, paidWithinMs = 10_000, thinkMs = 0 }) {
  const think = () => (thinkMs > 0 ? sleep(thinkMs * (0.5 + Math.random())) : undefined);
  const shop = new Browser(shopUrl);
  const productPage = expect('product page', await shop.get(`/en/catalog/${product}`), 200);
  await think();
  const added = expect(
    'add to cart',
    await shop.post('/en/cart/add', {
      _csrf: fieldOf(productPage.html, '_csrf', 'product page'),
      offer: fieldOf(productPage.html, 'offer', 'product page'),
      quantity: '1',
    }),
    303,
  );
  await think();
  const checkoutPage = expect('checkout page', await shop.get('/en/checkout'), 200);
  await think();
  const placed = expect(
    'place order',
    await shop.post('/en/checkout', {
      _csrf: fieldOf(checkoutPage.html, '_csrf', 'checkout page'),
      cart: fieldOf(checkoutPage.html, 'cart', 'checkout page'),
      checkout_key: fieldOf(checkoutPage.html, 'checkout_key', 'checkout page'),
      email: `buyer-${n}@example.com`,
      name: 'Ada Lovelace',
      billing_line1: '12 rue de la Paix',
      billing_postal_code: '75002',
      billing_city: 'Paris',
      billing_country: 'FR',
      shipping_same: '1',
      accept_terms: '1',
    }),
    303,
  );
  const payUrl = new URL(placed.location, shopUrl);
  if (payUrl.origin === new URL(shopUrl).origin) throw new Error(`place order: sent to ${payUrl} (gateway down?)`);

  // The gateway's page: its own origin, its own cookies.
  const gateway = new Browser(payUrl.origin);
  const cardPage = expect('card on the gateway', await gateway.get(payUrl.href), 200);
  const year = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
  await think();
  const paid = expect(
    'card on the gateway',
    await gateway.post(payUrl.href, {
      csrf: fieldOf(cardPage.html, 'csrf', 'card on the gateway'),
      ...card,
      expiry: `12/${year}`,
    }),
    303,
  );
  const answeredAt = performance.now();

  // Back to the shop's return URL (/en/checkout/return/<id>?outcome=paid&key=…): its order page,
  // which only reads the order, so what makes it paid is the webhook (the return page would ask
  // the gateway itself).
  const back = new URL(paid.location, shopUrl);
  const id = /\/checkout\/return\/([^/?]+)$/.exec(back.pathname)?.[1];
  const key = back.searchParams.get('key');
  if (!id || !key) throw new Error(`card on the gateway: sent back to ${back.href}`);
  const orderPath = `/en/orders/${id}?key=${encodeURIComponent(key)}`;
  for (let polls = 1; ; polls++) {
    const page = expect('webhook → paid', await shop.get(orderPath), 200);
    const invoice = /Invoice (FA-\d+) \(PDF\)/.exec(page.html)?.[1];
    if (page.html.includes('badge--status-paid"') && invoice) {
      return {
        order: id,
        invoice,
        polls,
        ms: {
          'add to cart': added.ms,
          'checkout page': checkoutPage.ms,
          'place order': placed.ms,
          'card on the gateway': cardPage.ms + paid.ms,
          'webhook → paid': performance.now() - answeredAt,
        },
      };
    }
    if (performance.now() - answeredAt > paidWithinMs)
      throw new Error(`webhook → paid: order ${id} still not paid with an invoice after ${paidWithinMs / 1000} s`);
    await sleep(pollMs);
  }
}
