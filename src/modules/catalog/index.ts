import { defineModule } from '../../platform/module.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { catalogApiRoutes } from './api-routes.js';
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
  const catalog = new CatalogService(new CatalogStore(platform.database), platform.now);
  return {
    catalog,
    /** What commerce sells: offers read fresh, stock and seats reserved in the buyer's transaction. */
    offers: new Offers(new OfferStore(platform.database), () => catalog.forget(), platform.now),
  };
}

/** Courses, workshops and products: the storefront's home, catalog and product pages, API, sitemap. */
export const catalogModule = defineModule({
  name: 'catalog',
  migrations: { '20261125_04_catalog': catalogMigration, '20261204_48_catalog_offers': offersMigration },
  data: [catalogData],
  services: catalogServices,
  routes: (app, { platform, services }) => {
    storefrontRoutes(app, platform, services.catalog);
    catalogApiRoutes(app, services.catalog);
    sitemapRoutes(app, services.catalog, platform.config.publicUrl);
  },
  seed: ({ platform }) => seedDemoCatalog(platform),
});
