import { defineData } from '../../privacy/core/declare.js';
import type { LegalTables } from './legal-tables.js';

/** The legal module keeps no personal data: only the texts it published. */
export const legalData = defineData<LegalTables>()({
  module: 'legal',
  tables: {
    legal_terms_versions: {
      about: {
        en: 'Each version of the terms of sale, as published, so that what a buyer accepted can be read again. Nothing about a person.',
        fr: 'Chaque version des conditions générales de vente, telle que publiée, pour relire ce qu’un acheteur a accepté. Rien sur une personne.',
      },
      nonPersonal: ['id', 'version', 'published_at', 'body_en', 'body_fr'],
    },
  },
});
