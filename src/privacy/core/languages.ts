/**
 * The languages everything published exists in. Defined here, in the lowest layer, because every
 * declaration carries its wording in each of them; the HTTP layer (platform/http/i18n.ts) routes
 * pages by the same list.
 */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A text in every language: the type makes the French mandatory wherever there is English. */
export type Wording = Record<Locale, string>;
