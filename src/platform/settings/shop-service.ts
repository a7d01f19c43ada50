import fs from 'node:fs';
import { projectFile } from '../project-root.js';
import { type ShopIdentity, parseShopIdentity } from './shop-identity.js';
import type { ShopStore } from './shop-store.js';

const identityKey = 'identity';
export const demoIdentityFile = projectFile('demo/shop.json');

/**
 * The shop's identity, read once at start-up and held in memory: it is on every page, and it
 * changes only when the owner edits it.
 */
export class ShopService {
  private current: ShopIdentity | undefined;

  constructor(private readonly store: ShopStore) {}

  /** Loads the identity, writing the demo one first on a fresh database. */
  async load(now: Date): Promise<ShopIdentity> {
    await this.store.putIfAbsent(identityKey, JSON.parse(fs.readFileSync(demoIdentityFile, 'utf8')), now);
    this.current = parseShopIdentity(await this.store.get(identityKey));
    return this.current;
  }

  identity(): ShopIdentity {
    if (!this.current) throw new Error('ShopService.identity() called before load()');
    return this.current;
  }
}
