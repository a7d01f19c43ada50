import type { PlatformContext } from '../../platform/platform-context.js';
import type { PaymentGateway } from '../../platform/payments/payment-gateway.js';
import type { MemberServices } from '../members/index.js';
import { CartService } from './cart-service.js';
import { CartStore } from './cart-store.js';
import { CheckoutService } from './checkout-service.js';
import type { InvoiceIssuer, TermsSource } from './commerce-ports.js';
import { commerceUrls } from './commerce-urls.js';
import { MoneyStore } from './money-store.js';
import type { OfferSource } from './offer-source.js';
import { OrderService } from './order-service.js';
import { OrderStore } from './order-store.js';
import { OrderUpkeep } from './order-upkeep.js';
import { SettlementService } from './settlement-service.js';

export type CommerceServices = ReturnType<typeof commerceServices>;

export interface CommerceDependencies {
  offers: OfferSource;
  invoices: InvoiceIssuer;
  terms: TermsSource;
  members: MemberServices;
  gateway: PaymentGateway;
}

/** Cart, checkout, orders and the money that moves them, built once per process. */
export function commerceServices(platform: PlatformContext, deps: CommerceDependencies) {
  const { database, now, logger } = platform;
  const shop = () => platform.shop.identity();
  const urls = commerceUrls(platform.config.publicUrl, platform.secrets);
  const orderStore = new OrderStore(database);
  const cartStore = new CartStore(database);
  const money = new MoneyStore(database);
  const carts = new CartService(cartStore, deps.offers, () => shop().currency, now);
  const settlement = new SettlementService({
    orders: orderStore,
    money,
    offers: deps.offers,
    invoices: deps.invoices,
    terms: deps.terms,
    gateway: deps.gateway,
    jobs: platform.jobs,
    mail: platform.mail,
    urls,
    shop,
    logger,
    now,
  });
  const orders = new OrderService({
    orders: orderStore,
    money,
    offers: deps.offers,
    invoices: deps.invoices,
    settlement,
    gateway: deps.gateway,
    now,
  });
  return {
    gateway: deps.gateway,
    urls,
    carts,
    checkout: new CheckoutService({
      orders: orderStore,
      carts,
      offers: deps.offers,
      terms: deps.terms,
      gateway: deps.gateway,
      urls,
      shopName: () => shop().name,
      logger,
      now,
    }),
    settlement,
    orders,
    invoices: deps.invoices,
    upkeep: new OrderUpkeep({
      orders: orderStore,
      carts: cartStore,
      offers: deps.offers,
      settlement,
      orderService: orders,
      gateway: deps.gateway,
      mail: platform.mail,
      urls,
      shop,
      logger,
      now,
    }),
    /** Creates the account a buyer asked for at checkout (members' sign-up: it mails the confirmation link). */
    signUp: deps.members.signUp.signUp.bind(deps.members.signUp),
  };
}
