import { defineData } from '../../privacy/core/declare.js';
import type { ShopTables } from './shop-store.js';

export const shopData = defineData<ShopTables>()({
  module: 'platform',
  tables: {
    shop_settings: {
      about: {
        en: 'The business’s own settings and public identity (its name, address and contact address), not data about a person.',
        fr: 'Les réglages de l’entreprise et son identité publique (son nom, son adresse et son adresse de contact), pas des données sur une personne.',
      },
      nonPersonal: ['key', 'value', 'updated_at'],
    },
  },
});
