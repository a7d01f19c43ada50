import { handle } from '../../platform/jobs/job-handler.js';
import { defineModule } from '../../platform/module.js';
import { createPaymentGateway } from '../../platform/payments/create-payment-gateway.js';
import { backofficeModule, staffArea } from '../backoffice/index.js';
import { catalogModule } from '../catalog/index.js';
import { invoicesModule } from '../invoices/index.js';
import { legalModule } from '../legal/index.js';
import { membersModule } from '../members/index.js';
import { cartRoutes } from './cart-routes.js';
import { checkoutRoutes } from './checkout-routes.js';
import { orderUpkeepJob, refundJob } from './commerce-jobs.js';
import { type CommerceServices, commerceServices } from './commerce-services.js';
import * as commerceMigration from './migrations/20261204_50_commerce.js';
import { orderAdminRoutes } from './order-admin-routes.js';
import { orderRoutes } from './order-routes.js';
import { cartCookie, commerceData } from './privacy.js';
import { webhookRoutes } from './webhook-routes.js';

export type { CommerceServices };

/** What an account gives once the shop sells (the sign-up page lists it: members' account-uses.ts). */
export const ordersAccountUse = {
  en: 'See your orders, pay one left unpaid, and download your invoices.',
  fr: 'Retrouver vos commandes, payer celle restée en attente et télécharger vos factures.',
};

/**
 * Selling: the cart, the checkout, the payment through the gateway (PaymentGateway, in the
 * platform), the orders and what moves them (webhooks settled exactly once, refunds, disputes),
 * the buyer's order pages and purchase history, and the upkeep that chases what is owed.
 */
export const commerceModule = defineModule({
  name: 'commerce',
  dependsOn: {
    members: membersModule,
    backoffice: backofficeModule,
    catalog: catalogModule,
    legal: legalModule,
    invoices: invoicesModule,
  },
  migrations: { '20261204_50_commerce': commerceMigration },
  data: [commerceData],
  cookies: [cartCookie],
  services: (platform, deps) => {
    deps.members.accountUses.benefits.push(ordersAccountUse);
    return commerceServices(platform, {
      offers: deps.catalog.offers,
      invoices: deps.invoices.invoices,
      terms: deps.legal.legal,
      members: deps.members,
      gateway: createPaymentGateway(platform.config, platform.secrets),
    });
  },
  jobs: ({ services }) => [
    handle(refundJob, ({ refundId }) => services.settlement.performRefund(refundId)),
    handle(orderUpkeepJob, async () => void (await services.upkeep.run())),
  ],
  schedules: [{ job: orderUpkeepJob, every: 'PT5M' }],
  routes: async (app, { platform, services, dependencies }) => {
    const findMember = (id: string) => dependencies.members.members.find(id);
    cartRoutes(app, platform, services);
    checkoutRoutes(app, platform, services, findMember);
    orderRoutes(app, platform, services, findMember);
    await webhookRoutes(app, platform, services);
    await staffArea(app, { platform, backoffice: dependencies.backoffice }, (admin) =>
      orderAdminRoutes(admin, platform, services, dependencies.backoffice),
    );
  },
});
