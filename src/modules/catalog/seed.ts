import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { PlatformContext } from '../../platform/platform-context.js';
import { randomId } from '../../platform/crypto/tokens.js';
import { locales } from '../../platform/http/i18n.js';
import { projectFile } from '../../platform/project-root.js';
import type { CatalogTables } from './catalog-tables.js';
import { CatalogStore } from './catalog-store.js';

interface DemoText {
  name: string;
  summary: string;
  description: string;
  highlights: string[];
}

interface DemoProduct {
  slug: string;
  kind: string;
  priceCents: number;
  level?: string;
  format?: string;
  durationHours?: number;
  startsAt?: string;
  seats?: number;
  stock?: number;
  cover: string;
  featured: boolean;
  en: DemoText;
  fr: DemoText;
}

/**
 * Writes the demo catalog (demo/catalog.json) into an empty catalog, in one transaction.
 * Idempotent: a catalog that has any product is left alone, so restarts never duplicate it, and
 * two processes starting together on PostgreSQL seed it once (the loser hits the unique slug).
 */
export async function seedDemoCatalog(context: PlatformContext) {
  const store = new CatalogStore(context.database);
  if ((await store.countAll()) > 0) return;
  const demo = JSON.parse(fs.readFileSync(projectFile('demo/catalog.json'), 'utf8')) as DemoProduct[];
  const now = context.now().toISOString();
  try {
    await store.transaction().execute(async (trx: Transaction<CatalogTables>) => {
      for (const [position, item] of demo.entries()) {
        const id = randomId();
        await store.insert(
          {
            id,
            slug: item.slug,
            kind: item.kind,
            status: 'active',
            price_cents: item.priceCents,
            currency: context.shop.identity().currency,
            level: item.level ?? null,
            format: item.format ?? null,
            duration_hours: item.durationHours ?? null,
            starts_at: item.startsAt ?? null,
            seats: item.seats ?? null,
            stock: item.stock ?? null,
            cover: item.cover,
            featured: item.featured ? 1 : 0,
            position,
            created_at: now,
            updated_at: now,
          },
          locales.map((locale) => ({
            product_id: id,
            locale,
            name: item[locale].name,
            summary: item[locale].summary,
            description: item[locale].description,
            highlights: JSON.stringify(item[locale].highlights),
          })),
          trx,
        );
      }
    });
    context.logger.info({ products: demo.length }, 'demo catalog seeded');
  } catch (error) {
    if ((await store.countAll()) > 0) return; // another process seeded it first
    throw error;
  }
}
