import { type Locale, locales } from '../../privacy/core/languages.js';

/**
 * Languages (the list is the privacy core's, where every declaration's wording needs it). The
 * language is part of every page URL (/fr/…, /en/…): no cookie is needed to remember it, links
 * can be shared, and search engines see both versions.
 */
export { type Locale, locales };
export const defaultLocale: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 §12.5.4). */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = range.split('-')[0];
    if (isLocale(primary) && (!best || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale ?? defaultLocale;
}

/** The language a URL path is in, if it starts with one. */
export function localeOfPath(url: string): Locale | undefined {
  const segment = url.split(/[?#]/, 1)[0]?.split('/')[1];
  return isLocale(segment) ? segment : undefined;
}

/**
 * Wording for one view or component in every language. The type makes the French text
 * mandatory wherever there is English text, so no page can ship half-translated.
 */
export function defineWording<T extends Record<string, unknown>>(wording: { en: T; fr: T }): Record<Locale, T> {
  return wording;
}
