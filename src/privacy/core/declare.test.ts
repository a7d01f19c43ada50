import { describe, expect, it } from 'vitest';
import { defineCookie, defineData } from './declare.js';
import { restatesDuration } from './check-declaration.js';
import { type OrderRow, orders, w } from './order-declaration.fixture.js';

/** The declaration with one part replaced, past the types: what the runtime check must refuse. */
const declare = (override: object) => () =>
  defineData<{ orders: OrderRow }>()({ module: 'shop', tables: { orders: { ...orders, ...override } } as never });
const withColumn = (column: string, spec: object) =>
  declare({ columns: { ...orders.columns, [column]: { ...orders.columns.email, ...spec } } });

describe('defineData', () => {
  it('accepts a complete declaration, and returns it as written', () => {
    expect(declare({})).not.toThrow();
    expect(declare({})().tables).toEqual({ orders });
  });

  it.each([
    [
      { nonPersonal: ['id', 'created_at', 'paid_at', 'email'] },
      'column email is declared both personal and non-personal',
    ],
    [
      { subject: [{ column: 'customer_id', kind: 'account-id', of: ['member'] }] },
      'subject column customer_id is not declared',
    ],
    [{ subject: [] }, 'names no subject link'],
    [
      { subject: [{ column: 'email', kind: 'phone', of: ['member'] }] },
      'subject column email has unknown kind "phone"',
    ],
    [{ subject: [{ column: 'email', kind: 'email', of: [] }] }, 'subject column email finds no data subject'],
    [{ subject: [{ column: 'email', kind: 'email', of: ['robot'] }] }, 'unknown data subject "robot"'],
    [{ retention: { ...orders.retention, keep: '10 years' } }, 'retention "10 years" is not an ISO 8601 duration'],
    [{ retention: { ...orders.retention, from: 'shipped_at' } }, 'retention runs from undeclared column shipped_at'],
    [
      { retention: { ...orders.retention, after: { en: 'the order' } } },
      'retention does not say from when (after) in every language',
    ],
    [
      { retention: { ...orders.retention, reason: w('Kept ten years for the accountants') } },
      'retention restates a period in words ("Kept ten years for the accountants")',
    ],
    [
      { retention: { ...orders.retention, reason: w('Accounting', 'Conservées dix ans') } },
      'restates a period in words ("Conservées dix ans")',
    ],
    [{ purposes: [] }, 'names no purpose'],
    [{ purposes: ['profit'] }, 'unknown purpose "profit"'],
    [{ basis: 'because' }, 'unknown legal basis "because"'],
    [{ erase: 'shred' }, 'unknown erase action "shred"'],
    [{ about: { en: 'Your orders' } }, 'says what it is (about) not in every language'],
    [{ columns: {} }, 'names no personal column'],
  ])('refuses %j', (override, message) => {
    expect(declare(override)).toThrow(/^Privacy declaration shop: table orders: /);
    expect(declare(override)).toThrow(message);
  });

  it.each([
    [{ category: 'shoe-size' }, 'column email has unknown category "shoe-size"'],
    [{ says: { en: 'Your email address', fr: ' ' } }, 'column email does not say what it is (says) in every language'],
    [{ purposes: ['profit'] }, 'column email has unknown purpose "profit"'],
    [{ basis: 'because' }, 'column email has unknown legal basis "because"'],
    [
      { retention: { keep: 'P10Y', reason: w('Fraud checks') } },
      'column email retention P10Y is not shorter than its row’s P10Y: it would never apply',
    ],
    [
      { retention: { keep: 'P1M', reason: w('Fraud checks'), from: 'sent_at', after: w('sending') } },
      'column email retention runs from undeclared column sent_at',
    ],
    [
      { retention: { keep: 'P1M', reason: w('Gone after a month') } },
      'column email retention restates a period in words',
    ],
    [
      { erase: { pseudonymize: 'blank' } },
      'column email pseudonymizes to something other than null, "random" or { text }',
    ],
    [
      { erase: { ...orders.columns.billing_name.erase, hold: 'P20Y' } },
      'column email hold P20Y outlasts its row’s retention P10Y: the row would be deleted first',
    ],
    [
      { erase: { ...orders.columns.billing_name.erase, basis: 'habit' } },
      'column email hold has unknown legal basis "habit"',
    ],
    [
      { erase: { ...orders.columns.billing_name.erase, from: 'paid' } },
      'column email hold runs from undeclared column paid',
    ],
    [
      { erase: { ...orders.columns.billing_name.erase, reason: w('For ten years') } },
      'column email hold restates a period in words',
    ],
  ])('refuses the column setting %j', (spec, message) => {
    expect(withColumn('email', spec)).toThrow(message);
  });

  it('tells a period stated in words from a reason that has only numbers', () => {
    for (const text of [
      'three years',
      '12 months',
      'a week',
      'an hour',
      'trois ans',
      '12 mois',
      'une semaine',
      'le lendemain',
      'deleted daily',
    ]) {
      expect(restatesDuration(text), text).toBe(true);
    }
    for (const text of [
      'French Commercial Code L123-22',
      'two-factor reset',
      'one-time link',
      'ans le registre',
      'Accounting records',
    ]) {
      expect(restatesDuration(text), text).toBe(false);
    }
  });
});

describe('defineCookie', () => {
  it('refuses a duration that is neither "session" nor ISO 8601', () => {
    expect(() =>
      defineCookie({
        name: 'x',
        category: 'essential',
        purpose: { en: '', fr: '' },
        duration: '12 months',
        httpOnly: true,
      }),
    ).toThrow('duration "12 months"');
  });

  it('refuses an unknown category', () => {
    expect(() =>
      defineCookie({
        name: 'x',
        category: 'tracking' as never,
        purpose: { en: '', fr: '' },
        duration: 'session',
        httpOnly: true,
      }),
    ).toThrow('unknown category');
  });
});
