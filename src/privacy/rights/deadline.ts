import { shopTimeZone } from '../../platform/format.js';

/**
 * The legal deadline of a request (GDPR art. 12(3)): one month from receipt, which may be extended
 * by two further months. Months are calendar months, counted as EU Regulation 1182/71 art. 3(2)(c)
 * counts them: the period ends on the same day of the month, or on the month's last day if it has
 * no such day (31 January + 1 month = 28 or 29 February), at the end of that day — the shop's
 * day, in Paris, so that the date shown is the date meant.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const { year, month, day } = dayIn(shopTimeZone, from);
  const target = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  return endOfDayIn(shopTimeZone, year, target, Math.min(day, lastDay));
}

/** The deadline of a request received at this moment: a month, or three once extended. */
export function requestDeadline(receivedAt: Date, extended: boolean): Date {
  return addCalendarMonths(receivedAt, extended ? 3 : 1);
}

/** The calendar day a moment falls on in a time zone (month 1–12). */
function dayIn(zone: string, moment: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(moment)
    .split('-')
    .map(Number);
  return { year: parts[0] ?? 0, month: parts[1] ?? 1, day: parts[2] ?? 1 };
}

/** The last millisecond of a day (month 0–11, may overflow into the next years) in a time zone. */
function endOfDayIn(zone: string, year: number, month: number, day: number): Date {
  const asIfUtc = Date.UTC(year, month, day, 23, 59, 59, 999);
  // The zone's offset at that moment (+01:00 or +02:00 in Paris): its 23:59 is that much earlier in UTC.
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(asIfUtc))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(asIfUtc - offsetMinutes * 60_000);
}
