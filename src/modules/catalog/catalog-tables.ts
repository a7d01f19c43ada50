export interface CatalogTables {
  catalog_products: {
    id: string;
    slug: string;
    kind: string;
    status: 'active' | 'draft' | 'archived';
    price_cents: number;
    currency: string;
    level: string | null;
    format: string | null;
    duration_hours: number | null;
    starts_at: string | null;
    seats: number | null;
    stock: number | null;
    cover: string;
    featured: number;
    position: number;
    created_at: string;
    updated_at: string;
  };
  catalog_product_texts: {
    product_id: string;
    locale: string;
    name: string;
    summary: string;
    description: string;
    highlights: string;
  };
}
