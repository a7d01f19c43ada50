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
import { OfferStore } from './offer-store.js';
import { Offers } from './offers.js';
import { catalogData } from './privacy.js';
import { storefrontRoutes } from './routes.js';
import { seedDemoCatalog } from './seed.js';
import { sitemapRoutes } from './sitemap-routes.js';

export type CatalogServices = ReturnType<typeof catalogServices>;

/** One service, built once: its cache is shared by every page. */
function catalogServices(platform: PlatformContext) {
  const products = new CatalogStore(platform.database);
  const offerStore = new OfferStore(platform.database);
  const catalog = new CatalogService(products, platform.now);
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
  };
}

/** Courses, workshops and products: the storefront's home, catalog and product pages, API, sitemap. */
export const catalogModule = defineModule({
  name: 'catalog',
  dependsOn: { backoffice: backofficeModule },
  migrations: { '20261125_04_catalog': catalogMigration, '20261204_48_catalog_offers': offersMigration },
  data: [catalogData],
  services: catalogServices,
  routes: async (app, { platform, services, dependencies }) => {
    storefrontRoutes(app, platform, services.catalog);
    catalogApiRoutes(app, services.catalog);
    sitemapRoutes(app, services.catalog, platform.config.publicUrl);
    await staffArea(app, { platform, backoffice: dependencies.backoffice }, (admin) =>
      catalogAdminRoutes(admin, platform, services.admin),
    );
  },
  seed: ({ platform }) => seedDemoCatalog(platform),
});
