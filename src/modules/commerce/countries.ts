import type { Locale } from '../../platform/http/i18n.js';

/** Where we bill (a buyer anywhere in this list) and where we ship goods (the terms of sale say it). */
const names = {
  FR: { fr: 'France', en: 'France' },
  BE: { fr: 'Belgique', en: 'Belgium' },
  LU: { fr: 'Luxembourg', en: 'Luxembourg' },
  MC: { fr: 'Monaco', en: 'Monaco' },
  CH: { fr: 'Suisse', en: 'Switzerland' },
  DE: { fr: 'Allemagne', en: 'Germany' },
  ES: { fr: 'Espagne', en: 'Spain' },
  IT: { fr: 'Italie', en: 'Italy' },
  NL: { fr: 'Pays-Bas', en: 'Netherlands' },
  PT: { fr: 'Portugal', en: 'Portugal' },
  AT: { fr: 'Autriche', en: 'Austria' },
  IE: { fr: 'Irlande', en: 'Ireland' },
  GB: { fr: 'Royaume-Uni', en: 'United Kingdom' },
  US: { fr: 'États-Unis', en: 'United States' },
  CA: { fr: 'Canada', en: 'Canada' },
} as const;

export type CountryCode = keyof typeof names;
export const billingCountries = Object.keys(names) as CountryCode[];
export const shippingCountries: readonly CountryCode[] = ['FR', 'MC', 'BE', 'LU'];

export function isCountry(code: string, list: readonly string[] = billingCountries): code is CountryCode {
  return list.includes(code);
}

export function countryName(code: string, locale: Locale): string {
  return (names as Record<string, Record<Locale, string>>)[code]?.[locale] ?? code;
}

/** A French postal code is five digits; elsewhere, letters, digits, spaces and dashes. */
export function postalCodeFits(country: string, code: string): boolean {
  if (country === 'FR' || country === 'MC') return /^\d{5}$/.test(code);
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(code);
}
