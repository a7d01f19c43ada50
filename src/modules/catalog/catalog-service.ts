import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogStore } from './catalog-store.js';
import type { Product, ProductKind } from './product.js';

/**
 * What the storefront can ask of the catalog. Reads are cached for a few seconds: the catalog
 * is on every page and changes rarely. Stock and seats are read afresh where they decide
 * something (checkout), never from here.
 */
export class CatalogService {
  private readonly products = new TtlCache<Product | undefined>(10_000, 2000);
  private readonly lists = new TtlCache<Product[]>(10_000, 100);

  constructor(
    private readonly store: CatalogStore,
    private readonly now: () => Date,
  ) {}

  /** Forgets cached pages: stock or seats changed, or staff edited the catalog. */
  forget(): void {
    this.products.clear();
    this.lists.clear();
  }

  list(locale: Locale, kind?: ProductKind): Promise<Product[]> {
    return this.lists.get(`${locale}:${kind ?? 'all'}`, () => this.store.list(locale, this.now(), { kind }));
  }

  featured(locale: Locale): Promise<Product[]> {
    return this.lists.get(`${locale}:featured`, () => this.store.list(locale, this.now(), { featured: true }));
  }

  async product(slug: string, locale: Locale): Promise<Product> {
    // Unknown slugs are not cached, so random addresses cannot fill the cache.
    const product = await this.products.get(`${locale}:${slug}`, async () => {
      const found = await this.store.findBySlug(slug, locale, this.now());
      if (!found) throw new AppError('VT_PRODUCT_NOT_FOUND');
      return found;
    });
    if (!product) throw new AppError('VT_PRODUCT_NOT_FOUND');
    return product;
  }
}
