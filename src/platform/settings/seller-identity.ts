import type { Wording } from '../../privacy/core/vocabulary.js';

/**
 * Who sells, as the law asks a French shop to say it: on the legal notice (LCEN art. 6-III), the
 * terms of sale, and every invoice (CGI art. 242 nonies A). Kept apart from the shop's identity
 * because it is read by fewer pages and changes for other reasons (a new host, a new mediator).
 */
export interface SellerIdentity {
  /** The registered company name, as on the Kbis ("Code Academy SAS" may differ from the shop's name). */
  companyName: string;
  /** SAS, SARL, EI… and the share capital where the form has one ("SAS au capital de 10 000 €"). */
  legalForm: Wording;
  /** RCS or RNE registration: "RCS Paris 912 345 678". */
  registration: string;
  /** SIRET of the establishment that invoices. */
  siret: string;
  /** Intra-community VAT number ("FR12912345678"). */
  vatNumber: string;
  /** The person responsible for what the site publishes (directeur de la publication). */
  publicationDirector: string;
  phone: string;
  host: { name: string; address: string; phone: string };
  /** The consumer mediator a buyer may turn to for free (Code de la consommation L612-1). */
  mediator: { name: string; address: string; website: string };
  /** What an invoice says about late payment; the law requires it even when paid at once. */
  invoiceFooter: Wording;
  /** Where physical goods are sent from, and how long delivery takes, as the terms state it. */
  delivery: Wording;
}

export function parseSellerIdentity(value: unknown): SellerIdentity {
  const v = value as Partial<SellerIdentity> | null;
  const problem = (what: string): never => {
    throw new Error(`Seller identity is invalid: ${what}`);
  };
  if (!v || typeof v !== 'object') return problem('it is not an object');
  for (const key of ['companyName', 'registration', 'siret', 'vatNumber', 'publicationDirector', 'phone'] as const) {
    if (typeof v[key] !== 'string' || !v[key].trim()) problem(`${key} is missing`);
  }
  for (const key of ['legalForm', 'invoiceFooter', 'delivery'] as const) {
    const wording = v[key];
    if (!wording || typeof wording.en !== 'string' || typeof wording.fr !== 'string') problem(`${key} needs en and fr`);
  }
  if (!v.host || ![v.host.name, v.host.address, v.host.phone].every((part) => typeof part === 'string' && part.trim()))
    problem('host needs name, address and phone');
  if (
    !v.mediator ||
    ![v.mediator.name, v.mediator.address, v.mediator.website].every((part) => typeof part === 'string' && part.trim())
  )
    problem('mediator needs name, address and website');
  return v as SellerIdentity;
}
