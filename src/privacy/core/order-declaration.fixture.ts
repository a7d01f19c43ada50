/**
 * An orders table, as a commerce module would declare it (DESIGN.md §3): every setting a column
 * may override, a hold, a pseudonym, two subject links. The declaration tests start from it.
 */
export interface OrderRow {
  id: string;
  email: string;
  ip: string | null;
  billing_name: string;
  created_at: string;
  paid_at: string | null;
}

export const w = (en: string, fr = `${en} (fr)`) => ({ en, fr });

export const orders = {
  about: w('Your orders'),
  subject: [
    { column: 'id', kind: 'account-id', of: ['member'] },
    { column: 'email', kind: 'email', of: ['customer', 'member'] },
  ],
  purposes: ['service', 'legal'],
  basis: 'contract',
  retention: { keep: 'P10Y', from: 'created_at', after: w('the order'), reason: w('Accounting records') },
  erase: 'pseudonymize',
  columns: {
    email: { category: 'contact', says: w('Your email address'), erase: { pseudonymize: 'random' } },
    ip: {
      category: 'connection',
      says: w('Your IP address'),
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: { keep: 'P12M', reason: w('Fraud checks') },
    },
    billing_name: {
      category: 'identity',
      says: w('Your name on the invoice'),
      erase: {
        hold: 'P10Y',
        from: 'created_at',
        after: w('the order'),
        basis: 'legal-obligation',
        reason: w('French Commercial Code L123-22'),
      },
    },
  },
  nonPersonal: ['id', 'created_at', 'paid_at'],
} as const;
