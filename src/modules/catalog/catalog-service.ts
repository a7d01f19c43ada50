import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { CatalogStore } from './catalog-store.js';
import type { Product, ProductKind } from './product.js';

/** What the storefront can ask of the catalog. */
export class CatalogService {
  constructor(private readonly store: CatalogStore) {}

  list(locale: Locale, kind?: ProductKind): Promise<Product[]> {
    return this.store.list(locale, { kind });
  }

  featured(locale: Locale): Promise<Product[]> {
    return this.store.list(locale, { featured: true });
  }

  async product(slug: string, locale: Locale): Promise<Product> {
    const product = await this.store.findBySlug(slug, locale);
    if (!product) throw new AppError('VT_PRODUCT_NOT_FOUND');
    return product;
  }
}
