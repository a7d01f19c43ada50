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
  cookies: (locale: Locale) => `/${locale}/cookies`,
};

/** The same page in every language, for the switcher and <link rel="alternate">. */
export type Alternates = Record<Locale, string>;

export function alternatesOf(path: (locale: Locale) => string): Alternates {
  return { fr: path('fr'), en: path('en') };
}
