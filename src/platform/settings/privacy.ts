import { defineData } from '../../privacy/core/declare.js';

export const shopData = defineData({
  module: 'platform',
  tables: {
    shop_settings: {
      about: 'the business’s own settings and public identity (its name, address and contact address), not data about a person',
      nonPersonal: ['key', 'value', 'updated_at'],
    },
  },
});
