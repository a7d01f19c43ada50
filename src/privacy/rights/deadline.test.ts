import { describe, expect, it } from 'vitest';
import { addCalendarMonths, requestDeadline } from './deadline.js';

describe('the legal deadline of a request, in calendar months', () => {
  it('ends on the same day of the next month, at the end of that day', () => {
    expect(requestDeadline(new Date('2026-03-15T10:00:00Z'), false).toISOString()).toBe('2026-04-15T23:59:59.999Z');
  });

  it('ends on the last day of a shorter month, never spilling into the one after', () => {
    expect(addCalendarMonths(new Date('2026-01-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T23:59:59.999Z');
    expect(addCalendarMonths(new Date('2028-01-31T08:00:00Z'), 1).toISOString()).toBe('2028-02-29T23:59:59.999Z');
    expect(addCalendarMonths(new Date('2026-08-31T08:00:00Z'), 1).toISOString()).toBe('2026-09-30T23:59:59.999Z');
  });

  it('runs three months once extended, across a year', () => {
    expect(requestDeadline(new Date('2026-11-30T12:00:00Z'), true).toISOString()).toBe('2027-02-28T23:59:59.999Z');
    expect(requestDeadline(new Date('2026-12-03T12:00:00Z'), true).toISOString()).toBe('2027-03-03T23:59:59.999Z');
  });
});
