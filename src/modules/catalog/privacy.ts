import { defineData } from '../../privacy/core/declare.js';
import type { CatalogTables } from './catalog-tables.js';

export const catalogData = defineData<CatalogTables>()({
  module: 'catalog',
  tables: {
    catalog_products: {
      about: {
        en: 'The courses, workshops and products on sale: prices, dates, stock. Nothing about a person.',
        fr: 'Les cours, ateliers et produits en vente : prix, dates, stock. Rien sur une personne.',
      },
      nonPersonal: [
        'id',
        'slug',
        'kind',
        'status',
        'price_cents',
        'currency',
        'level',
        'format',
        'duration_hours',
        'vat_rate_bp',
        'cover',
        'featured',
        'position',
        'created_at',
        'updated_at',
      ],
    },
    catalog_product_texts: {
      about: {
        en: 'The published descriptions of the products, in each language.',
        fr: 'Les descriptions publiées des produits, dans chaque langue.',
      },
      nonPersonal: ['product_id', 'locale', 'name', 'summary', 'description', 'highlights'],
    },
    catalog_offers: {
      about: {
        en: 'What can be bought of each product: sizes, course sessions, their stock or seats left. Nothing about a person.',
        fr: 'Ce qui peut être acheté de chaque produit : tailles, sessions de cours, leur stock ou places restantes. Rien sur une personne.',
      },
      nonPersonal: [
        'id',
        'product_id',
        'kind',
        'label_en',
        'label_fr',
        'sku',
        'price_cents',
        'available',
        'starts_at',
        'ends_at',
        'schedule_en',
        'schedule_fr',
        'place',
        'online',
        'status',
        'position',
        'created_at',
        'updated_at',
      ],
    },
    catalog_product_images: {
      about: {
        en: 'The photos of the products and their descriptions, stored without the metadata a camera adds (no location, no device). Nothing about a person.',
        fr: 'Les photos des produits et leurs descriptions, conservées sans les métadonnées qu’ajoute un appareil (ni lieu, ni appareil). Rien sur une personne.',
      },
      nonPersonal: [
        'id',
        'product_id',
        'file_name',
        'content_type',
        'width',
        'height',
        'bytes',
        'alt_en',
        'alt_fr',
        'position',
        'created_at',
      ],
    },
  },
});
