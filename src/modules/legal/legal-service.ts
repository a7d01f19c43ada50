import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { TermsStore } from './terms-store.js';
import { termsOfSale } from './terms-of-sale.js';
import type { LegalTables } from './legal-tables.js';
import { type TermsDocument, renderTermsDocument } from './views/terms-document.js';
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
  /** Versions already read: a version never changes, and there are only a handful. */
  private readonly versions = new Map<string, TermsVersion>();

  constructor(
    private readonly store: TermsStore,
    private readonly settings: () => Settings,
    private readonly now: () => Date,
    /** The shop's public address (PUBLIC_URL): a saved copy of the terms links to its pages. */
    private readonly siteUrl = '',
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

  /**
   * A version as it was published, or undefined when there is no such version. `executor`: the
   * caller's open transaction, when it has one, read through (on SQLite a read beside an open
   * transaction waits for it forever); a version already read is not read again.
   */
  async version<T>(version: string, executor?: Executor<T>): Promise<TermsVersion | undefined> {
    if (!versionShape.test(version)) return undefined;
    const known = this.versions.get(version);
    if (known) return known;
    const row = await this.store.find(version, executor as Executor<LegalTables> | undefined);
    if (!row) return undefined;
    const found = { version: row.version, publishedAt: row.published_at, text: { en: row.body_en, fr: row.body_fr } };
    this.versions.set(version, found);
    return found;
  }

  /**
   * A version the buyer accepted as a standalone HTML file in their language, for the order's
   * confirmation mail to carry (Code de la consommation L221-13: the contract on a durable
   * medium), or undefined when there is no such version.
   */
  async termsDocument<T>(version: string, locale: Locale, executor?: Executor<T>): Promise<TermsDocument | undefined> {
    const terms = await this.version(version, executor);
    return terms && renderTermsDocument(terms, locale, this.siteUrl);
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
    const published = { version, publishedAt: row.published_at, text };
    this.versions.set(version, published);
    return published;
  }
}
