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
    /** VAT rate in basis points (2000 = 20 %, 550 = 5,5 %): prices include it. */
    vat_rate_bp: number;
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
  /**
   * What a buyer puts in the cart: a product's single offer, one of its variants (a size), or
   * one session of a course or workshop. `available` is the stock or the seats left (null:
   * unlimited); it is decremented by reservations in the buyer's transaction, never below 0.
   */
  catalog_offers: {
    id: string;
    product_id: string;
    kind: 'single' | 'variant' | 'session';
    label_en: string | null;
    label_fr: string | null;
    sku: string | null;
    /** Null: the product's price. */
    price_cents: number | null;
    available: number | null;
    starts_at: string | null;
    ends_at: string | null;
    schedule_en: string | null;
    schedule_fr: string | null;
    /** Where a session takes place; null online. */
    place: string | null;
    online: number;
    status: 'active' | 'archived';
    position: number;
    created_at: string;
    updated_at: string;
  };
  /**
   * A product's photos, first the main one. The file (DATA_DIR/media/products/<file_name>) is
   * named by the SHA-256 of its bytes, stored without their metadata (no GPS, no device).
   */
  catalog_product_images: {
    id: string;
    product_id: string;
    /** `<sha256>.<jpg|png|webp>`. */
    file_name: string;
    content_type: string;
    /** As the photo shows (a quarter-turned phone photo: its width is the stored height). */
    width: number;
    height: number;
    /** The stored file's size. */
    bytes: number;
    alt_en: string;
    alt_fr: string;
    position: number;
    created_at: string;
  };
}
