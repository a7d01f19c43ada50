import { describe, expect, it } from 'vitest';
import { defineData } from './declare.js';
import { type OrderRow, orders, w } from './order-declaration.fixture.js';
import { PrivacyRegistry } from './registry.js';
import type { ResolvedPersonalTable } from './resolved-model.js';

const registryOf = (override: object = {}) =>
  new PrivacyRegistry([
    {
      name: 'shop',
      data: [
        defineData<{ orders: OrderRow }>()({ module: 'shop', tables: { orders: { ...orders, ...override } } as never }),
      ],
    },
  ]);
const resolved = (override?: object) => registryOf(override).table('orders') as ResolvedPersonalTable;
const column = (table: ResolvedPersonalTable, name: string) => table.columns.find((c) => c.name === name);

describe('the resolved model', () => {
  it('gives each column its own settings, and its table’s where it has none', () => {
    const table = resolved();
    expect(column(table, 'email')).toMatchObject({
      category: 'contact',
      purposes: ['service', 'legal'],
      basis: 'contract',
      ownRetention: false,
      retention: orders.retention,
    });
    expect(column(table, 'ip')).toMatchObject({
      purposes: ['security'],
      basis: 'legitimate-interests',
      ownRetention: true,
      // A column's own period runs from its table's moment unless it names its own.
      retention: { keep: 'P12M', from: 'created_at', after: orders.retention.after, reason: w('Fraud checks') },
    });
    expect(table.columns.map((c) => c.name)).toEqual(['email', 'ip', 'billing_name']);
    expect(table.nonPersonal).toEqual(['id', 'created_at', 'paid_at']);
  });

  it('lists purposes in the vocabulary’s order, whatever order they were declared in', () => {
    expect(column(resolved({ purposes: ['legal', 'service'] }), 'email')?.purposes).toEqual(['service', 'legal']);
  });

  it('keeps every subject link, and finds whom the rows are about from them', () => {
    const table = resolved();
    // A link is the person's whole row unless it says it names them in one column only.
    expect(table.links).toEqual(orders.subject.map((link) => ({ ...link, scope: 'row' })));
    expect(table.subjects).toEqual(['member', 'customer']);
  });

  it('resolves each column’s erase action: a pseudonym, a hold, or emptied in a kept row', () => {
    const table = resolved();
    expect(table.keptOnErasure).toBe(true);
    expect(column(table, 'email')?.erase).toEqual({ action: 'pseudonymize', becomes: 'random' });
    expect(column(table, 'ip')?.erase).toEqual({ action: 'pseudonymize', becomes: null });
    expect(column(table, 'billing_name')?.erase).toEqual({
      action: 'hold',
      hold: 'P10Y',
      from: 'created_at',
      after: w('the order'),
      basis: 'legal-obligation',
      reason: w('French Commercial Code L123-22'),
      // When the hold ends, the column is emptied unless the declaration says otherwise (`releasedAs`).
      releasedAs: null,
    });
  });

  it('deletes the row when nothing in it is held, and empties the rest when something is', () => {
    const { email, ip, billing_name } = orders.columns;
    const plain = {
      email: { category: email.category, says: email.says },
      ip: { category: ip.category, says: ip.says },
    };
    const deleted = resolved({ erase: 'delete', columns: plain, nonPersonal: [...orders.nonPersonal, 'billing_name'] });
    expect(deleted.keptOnErasure).toBe(false);
    expect(deleted.columns.map((c) => c.erase)).toEqual([{ action: 'delete-row' }, { action: 'delete-row' }]);
    const held = resolved({ erase: 'delete', columns: { ...plain, billing_name } });
    expect(held.keptOnErasure).toBe(true);
    expect(held.columns.map((c) => c.erase.action)).toEqual(['pseudonymize', 'pseudonymize', 'hold']);
  });

  it('refuses a table declared by two modules', () => {
    const data = defineData<{ orders: OrderRow }>()({ module: 'shop', tables: { orders } });
    expect(
      () =>
        new PrivacyRegistry([
          { name: 'a', data: [data] },
          { name: 'b', data: [{ ...data, module: 'b' }] },
        ]),
    ).toThrow('Table orders is declared by both shop and b');
  });

  it('hands out non-personal tables with why they are not personal', () => {
    const registry = new PrivacyRegistry([
      {
        name: 'shop',
        data: [
          defineData<{ stock: { sku: string; count: number } }>()({
            module: 'shop',
            tables: { stock: { about: w('Stock levels'), nonPersonal: ['sku', 'count'] } },
          }),
        ],
      },
    ]);
    expect(registry.tables()).toEqual([
      { personal: false, module: 'shop', name: 'stock', about: w('Stock levels'), nonPersonal: ['sku', 'count'] },
    ]);
    expect(registry.personalTables()).toEqual([]);
  });
});
