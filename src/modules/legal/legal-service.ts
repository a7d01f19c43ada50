import { createHash } from 'node:crypto';
import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { TermsStore } from './terms-store.js';
import { termsOfSale } from './terms-of-sale.js';
import { renderTermsText } from './views/terms-text.js';

/** A version of the terms of sale, as a buyer accepted it or as it stands now. */
export interface TermsVersion {
  /** A short hash of the text in both languages. */
  version: string;
  /** When the shop first served it. */
  publishedAt: string;
  /** The text as published (HTML, escaped when it was rendered), in each language. */
  text: Record<Locale, string>;
}

interface Settings {
  seller: SellerIdentity;
  shop: ShopIdentity;
}

/** What a version looks like in an address: anything else is not one, and is not looked up. */
const versionShape = /^[0-9a-f]{10}$/;

/**
 * The legal notice's facts and the terms of sale, from the shop's settings. The terms are
 * versioned by their text: when the settings change what they say (a new mediator, a new
 * address) or the text itself changes, a new version is recorded the first time it is served,
 * and the old ones stay readable, since each order names the version its buyer accepted
 * (commerce's TermsSource).
 */
export class LegalService {
  /** The version in force, for the settings it was written from (the shop loads them once, at start). */
  private current: (Settings & { terms: Promise<TermsVersion> }) | undefined;

  constructor(
    private readonly store: TermsStore,
    private readonly settings: () => Settings,
    private readonly now: () => Date,
  ) {}

  seller(): SellerIdentity {
    return this.settings().seller;
  }

  /** The terms in force: recorded as a version the first time they are read with this text. */
  currentVersion(): Promise<TermsVersion> {
    const { seller, shop } = this.settings();
    const cached = this.current;
    if (cached && cached.seller === seller && cached.shop === shop) return cached.terms;
    const entry = { seller, shop, terms: this.publish(seller, shop) };
    this.current = entry;
    // A failed write (the database away) is tried again by the next reader, not remembered.
    entry.terms.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return entry.terms;
  }

  /** What commerce records with an order: which terms the buyer accepted. */
  async currentTerms(): Promise<{ version: string; publishedAt: string }> {
    const { version, publishedAt } = await this.currentVersion();
    return { version, publishedAt };
  }

  /** A version as it was published, or undefined when there is no such version. */
  async version(version: string): Promise<TermsVersion | undefined> {
    if (!versionShape.test(version)) return undefined;
    const row = await this.store.find(version);
    return row && { version: row.version, publishedAt: row.published_at, text: { en: row.body_en, fr: row.body_fr } };
  }

  private async publish(seller: SellerIdentity, shop: ShopIdentity): Promise<TermsVersion> {
    const text = {
      en: renderTermsText(termsOfSale('en', seller, shop), 'en'),
      fr: renderTermsText(termsOfSale('fr', seller, shop), 'fr'),
    };
    const version = createHash('sha256').update(text.en).update('\0').update(text.fr).digest('hex').slice(0, 10);
    const row = await this.store.record({
      version,
      published_at: this.now().toISOString(),
      body_en: text.en,
      body_fr: text.fr,
    });
    return { version, publishedAt: row.published_at, text };
  }
}
