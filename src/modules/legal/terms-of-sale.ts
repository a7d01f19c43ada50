import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import { paths } from '../../web/paths.js';
import type { TermsArticle } from './terms-article.js';
import { termsOfSaleEn } from './terms-of-sale-en.js';
import { termsOfSaleFr } from './terms-of-sale-fr.js';

/**
 * The terms of sale (conditions générales de vente) of a French shop selling seats in courses and
 * workshops (services on set dates) and goods to consumers, in the buyer's language, written
 * from the seller's settings. What the law asks them to state: the seller (Consumer Code L111-1,
 * L221-5), prices, the steps of an online order (Civil Code 1127-1), payment, delivery (L216-1),
 * the 14-day withdrawal right (L221-18) with the model form, its exception for services begun at
 * the buyer's express request (L221-25, L221-28 1°), returns (L221-23), the legal guarantees in
 * the box D211-2 requires, personal data, the consumer mediator (L612-1) and the law that applies.
 */
export function termsOfSale(locale: Locale, seller: SellerIdentity, shop: ShopIdentity): TermsArticle[] {
  const facts = {
    shopName: shop.name,
    company: seller.companyName,
    legalForm: seller.legalForm[locale],
    registration: unbroken(seller.registration),
    siret: unbroken(seller.siret),
    vatNumber: seller.vatNumber,
    address: `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}, ${shop.address.country}`,
    email: shop.email,
    phone: unbroken(seller.phone),
    mediator: seller.mediator,
    delivery: seller.delivery[locale],
    privacyUrl: paths.privacy(locale),
  };
  return locale === 'fr' ? termsOfSaleFr(facts) : termsOfSaleEn(facts);
}

/** A number written in groups ("+33 1 84 60 00 00", "RCS Paris 912 345 678") stays on one line. */
const unbroken = (value: string) => value.replaceAll(' ', '\u00a0');
