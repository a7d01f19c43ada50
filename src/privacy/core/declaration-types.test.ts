import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineData } from './declare.js';
import { type OrderRow, orders } from './order-declaration.fixture.js';

/**
 * The compile-time half of defineData (declaration-checks.ts). Every `@ts-expect-error` marks a
 * mistake the compiler must refuse: `tsc --noEmit` fails on a directive with no error under it,
 * so each line below proves one check. Each declaration also runs, to show which mistakes the
 * runtime check catches as well and which only the compiler (or, later, the coverage gate) sees.
 */

interface Tables {
  orders: OrderRow;
  order_lines: { order_id: string; sku: string };
}
const lines = { about: { en: 'Order lines', fr: 'Lignes de commande' }, nonPersonal: ['order_id', 'sku'] } as const;
const shop = defineData<Tables>();
const { email, ip, billing_name } = orders.columns;

describe('defineData<Tables>() types', () => {
  it('compiles a complete declaration and keeps its literal types', () => {
    const declared = shop({ module: 'shop', tables: { orders, order_lines: lines } });
    expectTypeOf(declared.tables.orders.columns.email.category).toEqualTypeOf<'contact'>();
    expectTypeOf(declared.tables.orders.retention.keep).toEqualTypeOf<'P10Y'>();
  });

  it('refuses a forgotten column (only the compiler and the coverage gate see it)', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.paid_at is not declared: add it to columns or nonPersonal
    const forgotten = () => shop({ module: 'shop', tables: { orders: { ...orders, nonPersonal: ['id', 'created_at'] }, order_lines: lines } });
    expect(forgotten).not.toThrow();
  });

  it('refuses a misspelt personal column', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.emial is not a column of the table (and orders.email is not declared)
    const misspelt = () => shop({ module: 'shop', tables: { orders: { ...orders, subject: [orders.subject[0]], columns: { emial: email, ip, billing_name } }, order_lines: lines } });
    expect(misspelt).not.toThrow();
  });

  it('refuses a misspelt non-personal column', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error Type '"paid"' is not assignable to type '"id" | "email" | …'
    const misspelt = () => shop({ module: 'shop', tables: { orders: { ...orders, nonPersonal: ['id', 'created_at', 'paid'] }, order_lines: lines } });
    expect(misspelt).not.toThrow();
  });

  it('refuses a column declared both personal and non-personal', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.email is declared both personal and non-personal
    const twice = () => shop({ module: 'shop', tables: { orders: { ...orders, nonPersonal: ['id', 'created_at', 'paid_at', 'email'] }, order_lines: lines } });
    expect(twice).toThrow('column email is declared both personal and non-personal');
  });

  it('refuses a misspelt subject link, retention start or hold start', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error Type '"emial"' is not assignable to the table's column names
    const link = () => shop({ module: 'shop', tables: { orders: { ...orders, subject: [{ column: 'emial', kind: 'email', of: ['member'] }] }, order_lines: lines } });
    expect(link).toThrow('subject column emial is not declared');
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error Type '"created"' is not assignable to the table's column names
    const start = () => shop({ module: 'shop', tables: { orders: { ...orders, retention: { ...orders.retention, from: 'created' } }, order_lines: lines } });
    expect(start).toThrow('retention runs from undeclared column created');
    const held = { ...billing_name, erase: { ...billing_name.erase, from: 'paid' } } as const;
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error Type '"paid"' is not assignable to the table's column names
    const hold = () => shop({ module: 'shop', tables: { orders: { ...orders, columns: { email, ip, billing_name: held } }, order_lines: lines } });
    expect(hold).toThrow('column billing_name hold runs from undeclared column paid');
  });

  it('refuses a missing table and a table the module does not have', () => {
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error Property 'order_lines' is missing
    const missing = () => shop({ module: 'shop', tables: { orders } });
    expect(missing).not.toThrow();
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error refunds is not one of the module's tables
    const extra = () => shop({ module: 'shop', tables: { orders, order_lines: lines, refunds: lines } });
    expect(extra).not.toThrow();
  });

  it('refuses a retention of its own on a column that is never NULL (it could not be emptied)', () => {
    const shorter = {
      ...email,
      retention: { keep: 'P1M', reason: { en: 'Fraud checks', fr: 'Contrôles anti-fraude' } },
    } as const;
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.email has a retention of its own, but cannot be emptied (it is never NULL)
    const notNull = () => shop({ module: 'shop', tables: { orders: { ...orders, columns: { email: shorter, ip, billing_name } }, order_lines: lines } });
    expect(notNull).not.toThrow();
  });

  it('refuses a kept row whose never-NULL column does not say what it becomes', () => {
    const unsaid = { category: 'contact', says: email.says } as const;
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.email stays in a row kept on erasure but cannot be emptied: say what it becomes
    const kept = () => shop({ module: 'shop', tables: { orders: { ...orders, columns: { email: unsaid, ip, billing_name } }, order_lines: lines } });
    expect(kept).not.toThrow();
    const emptied = { ...email, erase: { pseudonymize: null } } as const;
    // biome-ignore format: @ts-expect-error covers only the next line, where the whole call must stay
    // @ts-expect-error orders.email cannot become NULL on erasure
    const toNull = () => shop({ module: 'shop', tables: { orders: { ...orders, columns: { email: emptied, ip, billing_name } }, order_lines: lines } });
    expect(toNull).not.toThrow();
  });

  it('lets a column that may be NULL be emptied, on erasure or by its own retention', () => {
    // ip is nullable: it has its own retention and, in the pseudonymized row, becomes NULL unsaid.
    const declared = shop({
      module: 'shop',
      tables: {
        orders: { ...orders, columns: { email, ip: { ...ip, erase: { pseudonymize: null } }, billing_name } },
        order_lines: lines,
      },
    });
    expect(declared.tables.orders.columns.ip.erase).toEqual({ pseudonymize: null });
  });
});
