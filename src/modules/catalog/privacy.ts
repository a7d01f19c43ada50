import { defineData } from '../../privacy/core/declare.js';

export const catalogData = defineData({
  module: 'catalog',
  tables: {
    catalog_products: {
      about: 'the courses, workshops and products on sale: prices, dates, stock',
      nonPersonal: [
        'id', 'slug', 'kind', 'status', 'price_cents', 'currency', 'level', 'format', 'duration_hours', 'starts_at', 'seats',
        'stock', 'cover', 'featured', 'position', 'created_at', 'updated_at',
      ],
    },
    catalog_product_texts: {
      about: 'the published descriptions of the products, in each language',
      nonPersonal: ['product_id', 'locale', 'name', 'summary', 'description', 'highlights'],
    },
  },
});
