import { createHash } from 'node:crypto';
import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { TermsStore } from './terms-store.js';
import { type TermsSection, termsOfSale } from './terms-of-sale.js';

/** A version of the terms of sale, as a buyer accepted it or as it stands now. */
export interface TermsVersion {
  version: string;
  publishedAt: string;
  sections: Record<Locale, TermsSection[]>;
}

/**
 * The legal notice's facts and the terms of sale, from the shop's settings. The terms are
 * versioned by their text: when the settings change what they say (a new mediator, a new
 * address), a new version is recorded the first time it is served, and the old ones stay
 * readable, since each order names the version its buyer accepted (commerce's TermsSource).
 */
export class LegalService {
  /** The current version, once recorded in this process: settings change only with a restart. */
  private current: Promise<TermsVersion> | undefined;
  private currentKey: string | undefined;

  constructor(
    private readonly store: TermsStore,
    private readonly settings: () => { seller: SellerIdentity; shop: ShopIdentity },
    private readonly now: () => Date,
  ) {}

  seller(): SellerIdentity {
    return this.settings().seller;
  }

  /** The terms in force: recorded as a version the first time they are read with this text. */
  currentVersion(): Promise<TermsVersion> {
    const { seller, shop } = this.settings();
    const sections = { en: termsOfSale('en', seller, shop), fr: termsOfSale('fr', seller, shop) };
    const body = { en: JSON.stringify(sections.en), fr: JSON.stringify(sections.fr) };
    const version = createHash('sha256').update(body.en).update('\n').update(body.fr).digest('hex').slice(0, 10);
    if (this.current && this.currentKey === version) return this.current;
    this.currentKey = version;
    this.current = (async () => {
      await this.store.record({ version, published_at: this.now().toISOString(), body_en: body.en, body_fr: body.fr });
      // Recorded once, by whichever process came first: its date is the version's.
      const row = await this.store.find(version);
      return { version, publishedAt: row?.published_at ?? this.now().toISOString(), sections };
    })();
    this.current.catch(() => {
      this.current = undefined;
    });
    return this.current;
  }

  /** What commerce records with an order: which terms the buyer accepted. */
  async currentTerms(): Promise<{ version: string; publishedAt: string }> {
    const { version, publishedAt } = await this.currentVersion();
    return { version, publishedAt };
  }

  /** A version as it was published, or undefined when there is no such version. */
  async version(version: string): Promise<TermsVersion | undefined> {
    if (!/^[0-9a-f]{10}$/.test(version)) return undefined;
    const row = await this.store.find(version);
    if (!row) return undefined;
    return {
      version: row.version,
      publishedAt: row.published_at,
      sections: { en: JSON.parse(row.body_en) as TermsSection[], fr: JSON.parse(row.body_fr) as TermsSection[] },
    };
  }
}
