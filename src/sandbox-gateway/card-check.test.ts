import { describe, expect, it } from 'vitest';
import { brandOf, checkCard, passesLuhn } from './card-check.js';

const now = new Date('2026-12-03T12:00:00Z');
const good = { number: '4242 4242 4242 4242', expiry: '12/29', cvc: '123', name: 'Ada Lovelace' };

describe('checking the card typed on the hosted page', () => {
  it('passes the Luhn check on real test numbers and fails on one wrong digit or a swap', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('4242424242424224')).toBe(false);
  });

  it('names the network from the number', () => {
    expect(brandOf('4242424242424242')).toBe('visa');
    expect(brandOf('5555555555554444')).toBe('mastercard');
    expect(brandOf('2223003122003222')).toBe('mastercard');
    expect(brandOf('378282246310005')).toBe('amex');
    expect(brandOf('6011111111111117')).toBe('discover');
    expect(brandOf('9999999999999995')).toBe('unknown');
  });

  it('keeps brand, last 4 and expiry of a good card (spaces and dashes allowed), never more', () => {
    expect(checkCard({ ...good, number: '4242-4242-4242-4242' }, now)).toEqual({
      ok: true,
      card: { number: '4242424242424242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2029 },
    });
    expect(checkCard({ ...good, expiry: '1/2030' }, now)).toMatchObject({
      ok: true,
      card: { expMonth: 1, expYear: 2030 },
    });
  });

  it.each([
    [{ number: '' }, { number: 'number_missing' }],
    [{ number: '4242 4242 4242 4241' }, { number: 'number_invalid' }],
    [{ number: '4242 abcd' }, { number: 'number_invalid' }],
    [{ expiry: '' }, { expiry: 'expiry_missing' }],
    [{ expiry: '13/29' }, { expiry: 'expiry_invalid' }],
    [{ expiry: 'soon' }, { expiry: 'expiry_invalid' }],
    [{ expiry: '11/26' }, { expiry: 'expiry_past' }],
    [{ cvc: '' }, { cvc: 'cvc_missing' }],
    [{ cvc: '12' }, { cvc: 'cvc_invalid' }],
    [{ cvc: '1234' }, { cvc: 'cvc_invalid' }],
    [{ number: '3782 822463 10005', cvc: '123' }, { cvc: 'cvc_invalid' }],
    [{ name: '  ' }, { name: 'name_missing' }],
    [{ name: 'x'.repeat(101) }, { name: 'name_too_long' }],
  ])('refuses %j field by field: %j', (change, problems) => {
    expect(checkCard({ ...good, ...change }, now)).toEqual({ ok: false, problems });
  });

  it('accepts a card until the end of its expiry month, and a 4-digit code on American Express', () => {
    expect(checkCard({ ...good, expiry: '12/26' }, now).ok).toBe(true);
    expect(checkCard({ ...good, number: '378282246310005', cvc: '1234' }, now).ok).toBe(true);
  });

  it('reports every wrong field at once', () => {
    expect(checkCard({ number: '1', expiry: '00/00', cvc: 'x', name: '' }, now)).toEqual({
      ok: false,
      problems: { number: 'number_invalid', expiry: 'expiry_invalid', cvc: 'cvc_invalid', name: 'name_missing' },
    });
  });
});
