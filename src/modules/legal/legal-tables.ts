export interface LegalTables {
  /**
   * Each version of the terms of sale the shop has published, as it was: an order records the
   * version its buyer accepted, and this is what that version said.
   */
  legal_terms_versions: {
    /** A short hash of the text in both languages: the same text is the same version. */
    version: string;
    published_at: string;
    /** The sections as JSON ({ title, paragraphs }[]), in each language. */
    body_en: string;
    body_fr: string;
  };
}
