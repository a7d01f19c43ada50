import type { Locale } from '../../platform/http/i18n.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { safeEqual } from '../../platform/crypto/tokens.js';
import { paths } from '../../web/paths.js';

/**
 * The absolute addresses commerce sends buyers to (the gateway's return, mails), built once by
 * the module's wiring: the services ask this and never import the web layer's paths.
 *
 * A guest's order page is reached by a link that carries a signature of the order id (HMAC under
 * its own key): it is the guest's way back to their order and invoice, as an order-status link is
 * on any shop. Members reach their orders by signing in.
 */
export function commerceUrls(publicUrl: string, secrets: Secrets) {
  const signature = (orderId: string) => secrets.sign('order-link', orderId).slice(0, 32);
  return {
    checkoutReturn: (locale: Locale, orderId: string, outcome: 'paid' | 'cancelled') =>
      `${publicUrl}${paths.checkoutReturn(locale, orderId)}?outcome=${outcome}&key=${signature(orderId)}`,
    /** The order's page for whoever holds the link (the buyer's mails). */
    order: (locale: Locale, orderId: string) => `${publicUrl}${paths.order(locale, orderId)}?key=${signature(orderId)}`,
    orderPath: (locale: Locale, orderId: string) => `${paths.order(locale, orderId)}?key=${signature(orderId)}`,
    accountOrders: (locale: Locale) => publicUrl + paths.accountOrders(locale),
    cart: (locale: Locale) => publicUrl + paths.cart(locale),
    /** Whether a link's key is this order's. */
    keyFits: (orderId: string, key: string | undefined) =>
      typeof key === 'string' && safeEqual(key, signature(orderId)),
  };
}

export type CommerceUrls = ReturnType<typeof commerceUrls>;
