import { createHash } from 'node:crypto';
import { randomId } from '../../platform/crypto/tokens.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import { type CartLine, type PricedCart, maxLines, maxQuantity, parseCartLines, priceCart } from './cart-pricing.js';
import type { CartStore } from './cart-store.js';
import type { CartRow, CommerceTables } from './commerce-tables.js';
import type { OfferSource } from './offer-source.js';

/** Whose cart: a signed-in member's, or a guest's, by the key in their cart cookie (none yet: undefined). */
export type CartOwner = { memberId: string } | { guestToken: string | undefined };

/** How long an untouched cart is kept (its cookie lives as long). */
const cartLifetimeMs = 30 * 24 * 3600 * 1000;
/** A change that lost a race with another tab's change is read again and retried, this many times. */
const attempts = 4;

/**
 * The cart: add, change a quantity, remove, merge a guest's cart into the member's at sign-in.
 * Stock and seats are checked at add (and again, for good, when the order reserves them).
 */
export class CartService {
  constructor(
    private readonly store: CartStore,
    private readonly offers: OfferSource,
    private readonly currency: () => string,
    private readonly now: () => Date,
  ) {}

  async view(owner: CartOwner, locale: Locale): Promise<PricedCart> {
    const cart = await this.find(owner);
    return this.price(cart ? parseCartLines(cart.lines) : [], locale);
  }

  async price(lines: readonly CartLine[], locale: Locale): Promise<PricedCart> {
    const offers = await this.offers.offers(
      lines.map((line) => line.offerId),
      locale,
    );
    return priceCart(lines, offers, this.currency());
  }

  /**
   * Adds `quantity` of an offer. Returns the guest key of a cart it had to create (the route sets
   * the cookie), or undefined.
   */
  async add(owner: CartOwner, offerId: string, quantity: number, locale: Locale): Promise<string | undefined> {
    checkQuantity(quantity);
    const offer = (await this.offers.offers([offerId], locale)).get(offerId);
    // Sold out is said as such (someone was quicker); anything else off sale is unavailable.
    if (offer && !offer.onSale && offer.available === 0) throw new AppError('VT_SOLD_OUT');
    if (!offer?.onSale) throw new AppError('VT_OFFER_UNAVAILABLE');
    return this.change(owner, (lines) => {
      const existing = lines.find((line) => line.offerId === offerId);
      const wanted = (existing?.quantity ?? 0) + quantity;
      if (offer.available !== null && wanted > offer.available) {
        if (offer.available === 0) throw new AppError('VT_SOLD_OUT');
        throw new AppError('VT_NOT_ENOUGH_STOCK', { available: offer.available });
      }
      if (wanted > maxQuantity) throw new AppError('VT_VALIDATION', { fields: { quantity: 'quantity' } });
      if (existing) return lines.map((line) => (line === existing ? { ...line, quantity: wanted } : line));
      if (lines.length >= maxLines) throw new AppError('VT_VALIDATION', { fields: { offer: 'cart-full' } });
      return [...lines, { offerId, quantity, addedAt: this.now().toISOString() }];
    });
  }

  /** Sets a line's quantity (0 removes it). A line not in the cart is refused: nothing to change. */
  async setQuantity(owner: CartOwner, offerId: string, quantity: number, locale: Locale): Promise<void> {
    if (quantity !== 0) checkQuantity(quantity);
    const offer = quantity > 0 ? (await this.offers.offers([offerId], locale)).get(offerId) : undefined;
    await this.change(
      owner,
      (lines) => {
        if (!lines.some((line) => line.offerId === offerId)) throw new AppError('VT_OFFER_UNAVAILABLE');
        if (quantity === 0) return lines.filter((line) => line.offerId !== offerId);
        // Lowering a quantity is always allowed (it may fix a "not enough" line); raising it is checked.
        if (offer?.available != null && quantity > offer.available) {
          const current = lines.find((line) => line.offerId === offerId)?.quantity ?? 0;
          if (quantity > current)
            throw new AppError(offer.available === 0 ? 'VT_SOLD_OUT' : 'VT_NOT_ENOUGH_STOCK', {
              available: offer.available,
            });
        }
        return lines.map((line) => (line.offerId === offerId ? { ...line, quantity } : line));
      },
      false,
    );
  }

  /**
   * At sign-in, a guest's cart joins the member's: quantities of the same offer add up (to the
   * most one may buy), and the guest cart is deleted. Idempotent: a second call finds nothing.
   */
  async merge(guestToken: string, memberId: string): Promise<void> {
    const guest = await this.unexpired(await this.store.findByTokenHash(hashOf(guestToken)));
    if (!guest) return;
    const guestLines = parseCartLines(guest.lines);
    await this.change({ memberId }, (lines) => {
      const merged = [...lines];
      for (const line of guestLines) {
        const same = merged.findIndex((mine) => mine.offerId === line.offerId);
        if (same >= 0) {
          const mine = merged[same] as CartLine;
          merged[same] = { ...mine, quantity: Math.min(maxQuantity, mine.quantity + line.quantity) };
        } else if (merged.length < maxLines) merged.push(line);
      }
      return merged;
    });
    await this.store.delete(guest.id);
  }

  /** The cart's lines as they are now (the checkout prices them again itself). */
  async lines(owner: CartOwner): Promise<{ cart: CartRow | undefined; lines: CartLine[] }> {
    const cart = await this.find(owner);
    return { cart, lines: cart ? parseCartLines(cart.lines) : [] };
  }

  /** Empties a cart once its order is placed (in the order's transaction, when given). */
  async empty(cartId: string, db?: Executor<CommerceTables>): Promise<void> {
    await this.store.delete(cartId, db);
  }

  private async find(owner: CartOwner): Promise<CartRow | undefined> {
    if ('memberId' in owner) return this.unexpired(await this.store.findByMember(owner.memberId));
    if (!owner.guestToken) return undefined;
    return this.unexpired(await this.store.findByTokenHash(hashOf(owner.guestToken)));
  }

  /** A cart left past its lifetime is gone, even before the upkeep deletes it: an empty cart. */
  private async unexpired(cart: CartRow | undefined): Promise<CartRow | undefined> {
    if (!cart || Date.parse(cart.expires_at) > this.now().getTime()) return cart;
    await this.store.delete(cart.id);
    return undefined;
  }

  /** Applies `edit` to the cart's lines by compare-and-set, creating the cart if needed. */
  private async change(
    owner: CartOwner,
    edit: (lines: CartLine[]) => CartLine[],
    create = true,
  ): Promise<string | undefined> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const now = this.now();
      const expiresAt = new Date(now.getTime() + cartLifetimeMs);
      const cart = await this.find(owner);
      if (!cart) {
        if (!create) throw new AppError('VT_CART_EMPTY');
        const token = 'memberId' in owner ? undefined : randomId();
        const created = await this.store.create({
          id: randomId(),
          token_hash: token ? hashOf(token) : null,
          member_id: 'memberId' in owner ? owner.memberId : null,
          lines: JSON.stringify(edit([])),
          version: 1,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
        });
        if (created) return token;
        continue; // a member's two first adds at once: the other created it; add to it
      }
      const lines = edit(parseCartLines(cart.lines));
      if (await this.store.replaceLines(cart.id, cart.version, JSON.stringify(lines), now, expiresAt)) return undefined;
    }
    throw new AppError('VT_CART_CHANGED');
  }
}

function checkQuantity(quantity: number) {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity)
    throw new AppError('VT_VALIDATION', { fields: { quantity: 'quantity' } });
}

export function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
