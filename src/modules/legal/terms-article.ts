import type { SellerIdentity } from '../../platform/settings/seller-identity.js';

/** A link inside a paragraph (the privacy policy, the mediator's site). */
export interface TermsLink {
  text: string;
  href: string;
}

/** A paragraph (plain text and links: the page escapes it), a list, or a framed box with its own title. */
export type TermsBlock =
  | { text: (string | TermsLink)[] }
  | { list: string[] }
  | { box: { title: string; blocks: TermsBlock[] } };

/** One article of the terms: the page numbers them and lists them at the top. */
export interface TermsArticle {
  title: string;
  blocks: TermsBlock[];
}

/** What the terms say about the seller, all of it from the settings: nothing about a company is typed in the text. */
export interface TermsFacts {
  shopName: string;
  company: string;
  legalForm: string;
  registration: string;
  siret: string;
  vatNumber: string;
  /** The registered office, where returns and letters go (the shop identity's address). */
  address: string;
  email: string;
  phone: string;
  mediator: SellerIdentity['mediator'];
  delivery: string;
  privacyUrl: string;
}

/** A paragraph. */
export const p = (...parts: (string | TermsLink)[]): TermsBlock => ({ text: parts });

/** A site from the settings, as a link only when it is a web address (never a `javascript:` one). */
export function webLink(site: string): string | TermsLink {
  return /^https?:\/\/\S+$/i.test(site)
    ? { text: site.replace(/^https?:\/\//i, '').replace(/\/$/, ''), href: site }
    : site;
}
