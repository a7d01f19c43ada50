export interface LegalTables {
  /**
   * Each version of the terms of sale the shop has published, as it was: an order records the
   * version its buyer accepted, and this is what that version said.
   */
  legal_terms_versions: {
    id: string;
    /** A short hash of the text in both languages: the same text is the same version. Unique. */
    version: string;
    /** When the shop first served this text: the version is in force from then. */
    published_at: string;
    /** The text as the page showed it, rendered and escaped once (views/terms-text.tsx), in each language. */
    body_en: string;
    body_fr: string;
  };
}
