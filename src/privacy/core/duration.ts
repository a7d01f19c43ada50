import type { Locale } from './languages.js';

/**
 * ISO 8601 durations ("P12M", "P10Y", "PT30M"), the one way retention periods and cookie
 * lifetimes are written, so they can be both enforced (added to a date) and published (worded).
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const pattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): Duration {
  const match = pattern.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new Error(`"${text}" is not an ISO 8601 duration such as P12M, P10Y or PT30M`);
  }
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { years, months, weeks, days, hours, minutes, seconds };
}

export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** The instant `duration` after `from`, calendar-aware (months and years keep the day of month). */
export function addDuration(from: Date, text: string): Date {
  const d = parseDuration(text);
  const result = new Date(from.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + d.years, result.getUTCMonth() + d.months);
  result.setUTCDate(result.getUTCDate() + d.weeks * 7 + d.days);
  result.setTime(result.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return result;
}

/** The instant `duration` before `to`: the start of a period that ends now. */
export function subtractDuration(to: Date, text: string): Date {
  const d = parseDuration(text);
  const result = new Date(to.getTime());
  result.setUTCFullYear(result.getUTCFullYear() - d.years, result.getUTCMonth() - d.months);
  result.setUTCDate(result.getUTCDate() - d.weeks * 7 - d.days);
  result.setTime(result.getTime() - ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return result;
}

/** Seconds in a duration, counting months as 30 days and years as 365: for cookie Max-Age. */
export function durationSeconds(text: string): number {
  const d = parseDuration(text);
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  return ((days * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds;
}

const units: Record<keyof Duration, Record<Locale, [string, string]>> = {
  years: { en: ['year', 'years'], fr: ['an', 'ans'] },
  months: { en: ['month', 'months'], fr: ['mois', 'mois'] },
  weeks: { en: ['week', 'weeks'], fr: ['semaine', 'semaines'] },
  days: { en: ['day', 'days'], fr: ['jour', 'jours'] },
  hours: { en: ['hour', 'hours'], fr: ['heure', 'heures'] },
  minutes: { en: ['minute', 'minutes'], fr: ['minute', 'minutes'] },
  seconds: { en: ['second', 'seconds'], fr: ['seconde', 'secondes'] },
};

/** "12 months", "10 ans", "1 hour 30 minutes". */
export function formatDuration(text: string, locale: Locale): string {
  const d = parseDuration(text);
  const parts = (Object.keys(units) as (keyof Duration)[])
    .filter((unit) => d[unit] > 0)
    .map((unit) => `${d[unit]} ${units[unit][locale][d[unit] === 1 ? 0 : 1]}`);
  return parts.join(' ') || (locale === 'fr' ? 'immédiatement' : 'immediately');
}
