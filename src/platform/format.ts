import type { Locale } from './http/i18n.js';

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The shop's time zone: its days (sessions, legal deadlines) begin and end in Paris. */
export const shopTimeZone = 'Europe/Paris';
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "690,00 €" / "€690.00". Formatters are built once per locale and currency: they are costly. */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** A date as people in Paris read it: the shop's sessions take place in Paris time. */
export function formatDate(iso: string, locale: Locale, withTime = false): string {
  const key = `${locale}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: shopTimeZone,
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
