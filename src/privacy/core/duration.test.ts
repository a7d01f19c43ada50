import { describe, expect, it } from 'vitest';
import { addDuration, durationSeconds, formatDuration, parseDuration, subtractDuration } from './duration.js';

describe('durations', () => {
  it('parses ISO 8601 durations and refuses anything else', () => {
    expect(parseDuration('P1Y2M3DT4H5M6S')).toEqual({
      years: 1,
      months: 2,
      weeks: 0,
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6,
    });
    for (const bad of ['', 'P', 'PT', '12 months', 'P1.5Y', 'p1y'])
      expect(() => parseDuration(bad), bad).toThrow('ISO 8601');
  });

  it('adds months on the calendar, not as 30 days', () => {
    expect(addDuration(new Date('2026-01-31T10:00:00Z'), 'P1M').toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(addDuration(new Date('2026-11-25T00:00:00Z'), 'P10Y').toISOString()).toBe('2036-11-25T00:00:00.000Z');
    expect(addDuration(new Date('2026-11-25T00:00:00Z'), 'PT30M').toISOString()).toBe('2026-11-25T00:30:00.000Z');
  });

  it('finds the start of a period that ends now', () => {
    expect(subtractDuration(new Date('2026-11-25T12:00:00Z'), 'P3M').toISOString()).toBe('2026-08-25T12:00:00.000Z');
    expect(subtractDuration(new Date('2026-11-25T12:00:00Z'), 'P7D').toISOString()).toBe('2026-11-18T12:00:00.000Z');
    expect(subtractDuration(new Date('2026-11-25T12:00:00Z'), 'PT1H').toISOString()).toBe('2026-11-25T11:00:00.000Z');
  });

  it('converts to seconds for cookie lifetimes', () => {
    expect(durationSeconds('PT30M')).toBe(1800);
    expect(durationSeconds('P12M')).toBe(360 * 86400);
  });

  it('words a duration in both languages', () => {
    expect(formatDuration('P12M', 'en')).toBe('12 months');
    expect(formatDuration('P1Y', 'fr')).toBe('1 an');
    expect(formatDuration('P10Y', 'fr')).toBe('10 ans');
    expect(formatDuration('PT1H30M', 'en')).toBe('1 hour 30 minutes');
  });
});
