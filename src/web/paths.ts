import type { Locale } from '../platform/http/i18n.js';

/**
 * Every public page address, in each language. Pages link through these functions only, so a
 * path is written once and the language switcher can always find the same page in the other
 * language.
 */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  catalog: (locale: Locale) => (locale === 'fr' ? '/fr/catalogue' : '/en/catalog'),
  product: (locale: Locale, slug: string) => `${paths.catalog(locale)}/${encodeURIComponent(slug)}`,
  privacy: (locale: Locale) => (locale === 'fr' ? '/fr/confidentialite' : '/en/privacy'),
  /** The privacy request form for people without an account, and the page its emailed link opens. */
  privacyRequestForm: (locale: Locale) => `${paths.privacy(locale)}/${locale === 'fr' ? 'demande' : 'request'}`,
  privacyRequestConfirm: (locale: Locale) =>
    `${paths.privacyRequestForm(locale)}/${locale === 'fr' ? 'confirmer' : 'confirm'}`,
  cookies: (locale: Locale) => `/${locale}/cookies`,
  account: (locale: Locale) => (locale === 'fr' ? '/fr/compte' : '/en/account'),
  signUp: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'inscription' : 'sign-up'}`,
  signIn: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'connexion' : 'sign-in'}`,
  signOut: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'deconnexion' : 'sign-out'}`,
  verifyEmail: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'verification' : 'verify'}`,
  forgotPassword: (locale: Locale) =>
    `${paths.account(locale)}/${locale === 'fr' ? 'mot-de-passe-oublie' : 'forgot-password'}`,
  resetPassword: (locale: Locale) =>
    `${paths.account(locale)}/${locale === 'fr' ? 'nouveau-mot-de-passe' : 'reset-password'}`,
  devices: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'appareils' : 'devices'}`,
  security: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'securite' : 'security'}`,
  confirmEmail: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'confirmer-email' : 'confirm-email'}`,
  deleteAccount: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'suppression' : 'delete'}`,
  /** The cart (guests and members) and the checkout that follows it. */
  cart: (locale: Locale) => (locale === 'fr' ? '/fr/panier' : '/en/cart'),
  /** POST here (fields `offer`, `quantity`) to put an offer in the cart: the product page's form. */
  cartAdd: (locale: Locale) => `${paths.cart(locale)}/${locale === 'fr' ? 'ajouter' : 'add'}`,
  checkout: (locale: Locale) => (locale === 'fr' ? '/fr/commande' : '/en/checkout'),
  /** Where the payment gateway sends the buyer back, for one order. */
  checkoutReturn: (locale: Locale, orderId: string) =>
    `${paths.checkout(locale)}/${locale === 'fr' ? 'retour' : 'return'}/${segment(orderId)}`,
  /** One order, for a guest (the emailed link adds its signature) or a member. */
  order: (locale: Locale, orderId: string) =>
    `/${locale}/${locale === 'fr' ? 'commandes' : 'orders'}/${segment(orderId)}`,
  /** A member's purchase history. */
  accountOrders: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'commandes' : 'orders'}`,
  /** Mentions légales and the terms of sale (CGV), from the shop's settings. */
  legalNotice: (locale: Locale) => (locale === 'fr' ? '/fr/mentions-legales' : '/en/legal-notice'),
  termsOfSale: (locale: Locale) => (locale === 'fr' ? '/fr/conditions-generales-de-vente' : '/en/terms-of-sale'),
  /** The member's Privacy area: a copy of their data, corrections, objections, who accessed their data. */
  accountPrivacy: (locale: Locale) => `${paths.account(locale)}/${locale === 'fr' ? 'confidentialite' : 'privacy'}`,
};

/** The same page in every language, for the switcher and <link rel="alternate">. */
export type Alternates = Record<Locale, string>;

export function alternatesOf(path: (locale: Locale) => string): Alternates {
  return { fr: path('fr'), en: path('en') };
}

/** A value in a path, encoded; a route pattern's parameter (`:id`, when routes are registered) as it is. */
function segment(value: string): string {
  return /^:[a-z]+$/.test(value) ? value : encodeURIComponent(value);
}
