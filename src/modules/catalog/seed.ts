import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { PlatformContext } from '../../platform/platform-context.js';
import { randomId } from '../../platform/crypto/tokens.js';
import { locales } from '../../platform/http/i18n.js';
import { projectFile } from '../../platform/project-root.js';
import type { CatalogTables } from './catalog-tables.js';
import { CatalogStore } from './catalog-store.js';
import { type OfferRow, OfferStore } from './offer-store.js';

interface DemoText {
  name: string;
  summary: string;
  description: string;
  highlights: string[];
}

interface DemoSession {
  /** A fixed start, or days from the seeding day (at the hour of `at`, Paris), so the demo always has courses to come. */
  startsAt?: string;
  startsInDays?: number;
  at?: string;
  hours?: number;
  seats: number;
  schedule?: { en: string; fr: string };
  place?: string;
  online?: boolean;
}

interface DemoVariant {
  label: { en: string; fr: string };
  sku: string;
  stock: number;
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
  /** VAT in basis points; 20 % unless said (books: 550). */
  vatRate?: number;
  sessions?: DemoSession[];
  variants?: DemoVariant[];
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
  const offers = new OfferStore(context.database);
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
            vat_rate_bp: item.vatRate ?? 2000,
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
        await offers.insert(demoOffers(item, id, context.now(), now), trx);
      }
    });
    context.logger.info({ products: demo.length }, 'demo catalog seeded');
  } catch (error) {
    if ((await store.countAll()) > 0) return; // another process seeded it first
    throw error;
  }
}

/** A demo product's offers: its sessions, its variants, or one offer with its stock or seats. */
function demoOffers(item: DemoProduct, productId: string, today: Date, now: string): OfferRow[] {
  const base = {
    product_id: productId,
    sku: null,
    price_cents: null,
    ends_at: null,
    schedule_en: null,
    schedule_fr: null,
    place: null,
    online: 0,
    status: 'active' as const,
    created_at: now,
    updated_at: now,
  };
  if (item.variants)
    return item.variants.map((variant, position) => ({
      ...base,
      id: randomId(),
      kind: 'variant' as const,
      label_en: variant.label.en,
      label_fr: variant.label.fr,
      sku: variant.sku,
      available: variant.stock,
      starts_at: null,
      position,
    }));
  const sessions = item.sessions ?? (item.startsAt ? [{ startsAt: item.startsAt, seats: item.seats ?? 0 }] : []);
  if (sessions.length > 0)
    return sessions.map((session: DemoSession, position) => {
      const startsAt = session.startsAt ?? startInDays(today, session.startsInDays ?? 7, session.at ?? '09:00');
      return {
        ...base,
        id: randomId(),
        kind: 'session' as const,
        label_en: null,
        label_fr: null,
        available: session.seats,
        starts_at: startsAt,
        ends_at: session.hours ? new Date(Date.parse(startsAt) + session.hours * 3_600_000).toISOString() : null,
        schedule_en: session.schedule?.en ?? null,
        schedule_fr: session.schedule?.fr ?? null,
        place: session.online || item.format === 'online' ? null : (session.place ?? '35 rue le Marois, 75016 Paris'),
        online: session.online || item.format === 'online' ? 1 : 0,
        position,
      };
    });
  return [
    {
      ...base,
      id: randomId(),
      kind: 'single',
      label_en: null,
      label_fr: null,
      available: item.stock ?? null,
      starts_at: null,
      position: 0,
    },
  ];
}

/** `days` after `today`, at `at` o'clock UTC-ish for the demo (the pages show Paris time). */
function startInDays(today: Date, days: number, at: string): string {
  const [hours, minutes] = at.split(':').map(Number);
  const day = new Date(today.getTime() + days * 86_400_000);
  day.setUTCHours((hours ?? 9) - 1, minutes ?? 0, 0, 0);
  return day.toISOString();
}
