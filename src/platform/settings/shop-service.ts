import fs from 'node:fs';
import { projectFile } from '../project-root.js';
import { type SellerIdentity, parseSellerIdentity } from './seller-identity.js';
import { type ShopIdentity, parseShopIdentity } from './shop-identity.js';
import type { ShopStore } from './shop-store.js';

const identityKey = 'identity';
const sellerKey = 'seller';
export const demoIdentityFile = projectFile('demo/shop.json');
export const demoSellerFile = projectFile('demo/seller.json');

/**
 * The shop's identity, read once at start-up and held in memory: it is on every page, and it
 * changes only when the owner edits it.
 */
export class ShopService {
  private current: ShopIdentity | undefined;
  private currentSeller: SellerIdentity | undefined;

  constructor(private readonly store: ShopStore) {}

  /** Loads the identity, writing the demo one first on a fresh database. */
  async load(now: Date): Promise<ShopIdentity> {
    await this.store.putIfAbsent(identityKey, JSON.parse(fs.readFileSync(demoIdentityFile, 'utf8')), now);
    this.current = parseShopIdentity(await this.store.get(identityKey));
    await this.store.putIfAbsent(sellerKey, JSON.parse(fs.readFileSync(demoSellerFile, 'utf8')), now);
    this.currentSeller = parseSellerIdentity(await this.store.get(sellerKey));
    return this.current;
  }

  /** The legal identity of the seller: legal notice, terms of sale, invoices. */
  seller(): SellerIdentity {
    if (!this.currentSeller) throw new Error('ShopService.seller() called before load()');
    return this.currentSeller;
  }

  identity(): ShopIdentity {
    if (!this.current) throw new Error('ShopService.identity() called before load()');
    return this.current;
  }
}
