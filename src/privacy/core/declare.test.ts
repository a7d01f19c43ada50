import { describe, expect, it } from 'vitest';
import { type PersonalTable, defineCookie, defineData } from './declare.js';

const table: PersonalTable = {
  description: { en: 'Orders', fr: 'Commandes' },
  subjects: ['customer'],
  subject: { column: 'email', kind: 'email' },
  purposes: ['service', 'legal'],
  basis: 'legal-obligation',
  retention: { keep: 'P10Y', from: 'created_at', reason: { en: 'accounting', fr: 'comptabilité' } },
  erase: 'hold',
  columns: { email: { category: 'contact' }, ip: { category: 'connection', purposes: ['security'], retention: 'P12M' } },
  nonPersonal: ['id', 'created_at'],
};
const declare = (override: Partial<PersonalTable>) => () => defineData({ module: 'orders', tables: { orders: { ...table, ...override } } });

describe('defineData', () => {
  it('accepts a complete declaration', () => {
    expect(declare({})).not.toThrow();
  });

  it.each([
    [{ nonPersonal: ['id', 'created_at', 'email'] }, 'column email is declared both personal and non-personal'],
    [{ subject: { column: 'customer_id', kind: 'account-id' as const } }, 'subject column customer_id is not declared'],
    [{ retention: { ...table.retention, keep: '10 years' } }, 'retention "10 years" is not an ISO 8601 duration'],
    [{ retention: { ...table.retention, from: 'paid_at' } }, 'retention runs from undeclared column paid_at'],
    [{ purposes: [] }, 'names no purpose'],
    [{ columns: { email: { category: 'shoe-size' as never } } }, 'unknown category "shoe-size"'],
    [{ basis: 'because' as never }, 'unknown legal basis "because"'],
    [{ columns: {} }, 'names no personal column'],
  ])('refuses %j', (override, message) => {
    expect(declare(override as Partial<PersonalTable>)).toThrow(/^Privacy declaration orders: table orders: /);
    expect(declare(override as Partial<PersonalTable>)).toThrow(message);
  });
});

describe('defineCookie', () => {
  it('refuses a duration that is neither "session" nor ISO 8601', () => {
    expect(() =>
      defineCookie({ name: 'x', category: 'essential', purpose: { en: '', fr: '' }, duration: '12 months', httpOnly: true }),
    ).toThrow('duration "12 months"');
  });

  it('refuses an unknown category', () => {
    expect(() => defineCookie({ name: 'x', category: 'tracking' as never, purpose: { en: '', fr: '' }, duration: 'session', httpOnly: true })).toThrow(
      'unknown category',
    );
  });
});
