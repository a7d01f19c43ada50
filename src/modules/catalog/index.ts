import { defineModule } from '../../platform/module.js';
import { catalogApiRoutes } from './api-routes.js';
import { CatalogService } from './catalog-service.js';
import { CatalogStore } from './catalog-store.js';
import * as catalogMigration from './migrations/20261125_04_catalog.js';
import { catalogData } from './privacy.js';
import { storefrontRoutes } from './routes.js';
import { seedDemoCatalog } from './seed.js';
import { sitemapRoutes } from './sitemap-routes.js';

/** Courses, workshops and products: the storefront's home, catalog and product pages, API, sitemap. */
export const catalogModule = defineModule({
  name: 'catalog',
  migrations: { '20261125_04_catalog': catalogMigration },
  data: [catalogData],
  routes: (app, context) => {
    const catalog = new CatalogService(new CatalogStore(context.database));
    storefrontRoutes(app, context, catalog);
    catalogApiRoutes(app, catalog);
    sitemapRoutes(app, catalog, context.config.publicUrl);
  },
  seed: seedDemoCatalog,
});
