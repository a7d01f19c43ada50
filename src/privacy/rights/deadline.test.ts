import { describe, expect, it } from 'vitest';
import { formatDate } from '../../platform/format.js';
import { addCalendarMonths, requestDeadline } from './deadline.js';

describe('the legal deadline of a request, in calendar months, in the shop’s days', () => {
  it('ends on the same day of the next month, at the end of that day in Paris', () => {
    // Summer: Paris is UTC+2.
    expect(requestDeadline(new Date('2026-03-15T10:00:00Z'), false).toISOString()).toBe('2026-04-15T21:59:59.999Z');
    // Winter: UTC+1.
    expect(requestDeadline(new Date('2026-11-15T10:00:00Z'), false).toISOString()).toBe('2026-12-15T22:59:59.999Z');
    expect(formatDate(requestDeadline(new Date('2026-11-15T10:00:00Z'), false).toISOString(), 'en')).toBe(
      '15 December 2026',
    );
  });

  it('counts from the day in Paris: a request at 00:30 in Paris is that day’s, though UTC still says the day before', () => {
    expect(requestDeadline(new Date('2026-01-14T23:30:00Z'), false).toISOString()).toBe('2026-02-15T22:59:59.999Z');
  });

  it('ends on the last day of a shorter month, never spilling into the one after', () => {
    expect(addCalendarMonths(new Date('2026-01-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T22:59:59.999Z');
    expect(addCalendarMonths(new Date('2028-01-31T08:00:00Z'), 1).toISOString()).toBe('2028-02-29T22:59:59.999Z');
    expect(addCalendarMonths(new Date('2026-08-31T08:00:00Z'), 1).toISOString()).toBe('2026-09-30T21:59:59.999Z');
  });

  it('runs three months once extended, across a year', () => {
    expect(requestDeadline(new Date('2026-11-30T12:00:00Z'), true).toISOString()).toBe('2027-02-28T22:59:59.999Z');
    expect(requestDeadline(new Date('2026-12-03T12:00:00Z'), true).toISOString()).toBe('2027-03-03T22:59:59.999Z');
  });
});
