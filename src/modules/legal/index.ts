import { defineModule } from '../../platform/module.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { LegalService } from './legal-service.js';
import * as termsMigration from './migrations/20261204_47_legal_terms.js';
import { legalData } from './privacy.js';
import { legalRoutes } from './routes.js';
import { TermsStore } from './terms-store.js';

export type { LegalService, TermsVersion } from './legal-service.js';
export { termsVersionPath } from './routes.js';
export type LegalServices = ReturnType<typeof legalServices>;

function legalServices(platform: PlatformContext) {
  return {
    /** The terms in force and their versions (commerce's TermsSource), and the seller's identity. */
    legal: new LegalService(
      new TermsStore(platform.database),
      () => ({ seller: platform.shop.seller(), shop: platform.shop.identity() }),
      platform.now,
      platform.config.publicUrl,
    ),
  };
}

/** The legal notice (mentions légales) and the versioned terms of sale, from the shop's settings. */
export const legalModule = defineModule({
  name: 'legal',
  migrations: { '20261204_47_legal_terms': termsMigration },
  data: [legalData],
  services: legalServices,
  routes: (app, { platform, services }) => legalRoutes(app, platform, services.legal),
});
