/**
 * The legal deadline of a request (GDPR art. 12(3)): one month from receipt, which may be extended
 * by two further months. Months are calendar months, counted as EU Regulation 1182/71 art. 3(2)(c)
 * counts them: the period ends on the same day of the month, or on the month's last day if it has
 * no such day (31 January + 1 month = 28 or 29 February), at the end of that day.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, 23, 59, 59, 999));
}

/** The deadline of a request received at this moment: a month, or three once extended. */
export function requestDeadline(receivedAt: Date, extended: boolean): Date {
  return addCalendarMonths(receivedAt, extended ? 3 : 1);
}
