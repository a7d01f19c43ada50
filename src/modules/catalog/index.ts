import path from 'node:path';
import { ContentFiles } from '../../platform/media/content-files.js';
import { defineModule } from '../../platform/module.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { backofficeModule, staffArea } from '../backoffice/index.js';
import { catalogApiRoutes } from './api-routes.js';
import { CatalogAdminService } from './catalog-admin-service.js';
import { catalogAdminRoutes } from './catalog-admin-routes.js';
import { CatalogService } from './catalog-service.js';
import { CatalogStore } from './catalog-store.js';
import * as catalogMigration from './migrations/20261125_04_catalog.js';
import * as offersMigration from './migrations/20261204_48_catalog_offers.js';
import * as imagesMigration from './migrations/20261204_52_catalog_product_images.js';
import { mediaRoutes } from './media-routes.js';
import { OfferStore } from './offer-store.js';
import { Offers } from './offers.js';
import { catalogData } from './privacy.js';
import { ProductImageStore } from './product-image-store.js';
import { ProductPhotos } from './product-photos.js';
import { storefrontRoutes } from './routes.js';
import { seedDemoCatalog } from './seed.js';
import { sitemapRoutes } from './sitemap-routes.js';

export type CatalogServices = ReturnType<typeof catalogServices>;

/** One service, built once: its cache is shared by every page. */
function catalogServices(platform: PlatformContext) {
  const products = new CatalogStore(platform.database);
  const offerStore = new OfferStore(platform.database);
  const catalog = new CatalogService(products, platform.now);
  const photoFiles = new ContentFiles(path.join(platform.config.dataDir, 'media', 'products'));
  return {
    catalog,
    /** What commerce sells: offers read fresh, stock and seats reserved in the buyer's transaction. */
    offers: new Offers(offerStore, () => catalog.forget(), platform.now),
    /** Staff's changes to products and offers (the back office's /admin/catalog). */
    admin: new CatalogAdminService(
      products,
      offerStore,
      () => catalog.forget(),
      platform.now,
      () => platform.shop.identity().currency,
    ),
    /** Product photos: staff's changes, and their files (served by media-routes.ts). */
    photos: new ProductPhotos(
      new ProductImageStore(platform.database),
      photoFiles,
      () => catalog.forget(),
      platform.now,
    ),
    photoFiles,
  };
}

/** Courses, workshops and products: the storefront's home, catalog and product pages, their photos, API, sitemap. */
export const catalogModule = defineModule({
  name: 'catalog',
  dependsOn: { backoffice: backofficeModule },
  migrations: {
    '20261125_04_catalog': catalogMigration,
    '20261204_48_catalog_offers': offersMigration,
    '20261204_52_catalog_product_images': imagesMigration,
  },
  data: [catalogData],
  services: catalogServices,
  routes: async (app, { platform, services, dependencies }) => {
    storefrontRoutes(app, platform, services.catalog);
    catalogApiRoutes(app, services.catalog);
    sitemapRoutes(app, services.catalog, platform.config.publicUrl);
    mediaRoutes(app, services.photoFiles);
    await staffArea(app, { platform, backoffice: dependencies.backoffice }, (admin) =>
      catalogAdminRoutes(admin, platform, services.admin, services.photos),
    );
  },
  seed: ({ platform }) => seedDemoCatalog(platform),
});
