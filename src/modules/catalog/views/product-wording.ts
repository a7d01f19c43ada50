import { defineWording } from '../../../platform/http/i18n.js';

/** Words about products shared by every catalog view. */
export const productWording = defineWording({
  en: {
    kind: { course: 'Course', workshop: 'Workshop', product: 'Product' },
    kinds: { course: 'Courses', workshop: 'Workshops', product: 'Shop' },
    level: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
    format: { online: 'Online', 'on-site': 'In Paris', hybrid: 'Paris + online' },
    hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
    startsOn: (date: string) => `Starts ${date}`,
    seats: (n: number) => `${n} places`,
    inStock: 'In stock',
    outOfStock: 'Out of stock',
    vatIncluded: 'VAT included',
  },
  fr: {
    kind: { course: 'Formation', workshop: 'Atelier', product: 'Produit' },
    kinds: { course: 'Formations', workshop: 'Ateliers', product: 'Boutique' },
    level: { beginner: 'Débutant', intermediate: 'Intermédiaire', advanced: 'Avancé' },
    format: { online: 'En ligne', 'on-site': 'À Paris', hybrid: 'Paris + en ligne' },
    hours: (n: number) => (n === 1 ? '1 heure' : `${n} heures`),
    startsOn: (date: string) => `Début le ${date}`,
    seats: (n: number) => `${n} places`,
    inStock: 'En stock',
    outOfStock: 'Rupture de stock',
    vatIncluded: 'TVA incluse',
  },
});
