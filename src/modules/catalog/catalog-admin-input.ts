import { shopTimeZone } from '../../platform/format.js';
import { AppError } from '../../platform/http/errors.js';
import type { CatalogTables } from './catalog-tables.js';
import { type ProductKind, formats, levels, productKinds } from './product.js';

/**
 * The back office's catalog forms read and checked (catalog-admin-routes.tsx): every problem is
 * collected with its field's name and a code of src/web/field-wording.ts, and thrown at once as
 * VT_VALIDATION, so the form comes back with each problem next to its field.
 */

/** The VAT rates a French shop may charge (CGI art. 278 ff.), in basis points. */
export const vatRates = [2000, 1000, 550, 210, 0] as const;

/** The cover art product-cover.tsx draws (catalog-admin.test.ts checks each is one it knows). */
export const coverNames = [
  'js',
  'stack',
  'py',
  'react',
  'git',
  'a11y',
  'sql',
  'notebook',
  'hoodie',
  'stickers',
] as const;

export type ProductStatus = CatalogTables['catalog_products']['status'];
export const productStatuses = ['active', 'draft', 'archived'] as const satisfies readonly ProductStatus[];

export interface ProductText {
  name: string;
  summary: string;
  description: string;
  highlights: string[];
}

/** A product as staff type it: both languages, a price in euros VAT included, a VAT rate. */
export interface ProductForm {
  slug: string;
  kind: ProductKind;
  priceCents: number;
  vatRateBasisPoints: number;
  level: (typeof levels)[number] | null;
  format: (typeof formats)[number] | null;
  durationHours: number | null;
  cover: string;
  featured: boolean;
  /** On a new product only: published at once rather than kept as a draft. */
  publish: boolean;
  texts: Record<'en' | 'fr', ProductText>;
}

/** An offer's fields as staff set them (catalog_offers' columns). */
export type OfferForm = Pick<
  CatalogTables['catalog_offers'],
  | 'kind'
  | 'label_en'
  | 'label_fr'
  | 'sku'
  | 'price_cents'
  | 'available'
  | 'starts_at'
  | 'ends_at'
  | 'schedule_en'
  | 'schedule_fr'
  | 'place'
  | 'online'
>;

type Problems = Record<string, string>;
type Body = Record<string, string | undefined>;

const limits = { highlights: 12, highlight: 200, available: 999_999, hours: 9999 };

function refuseIfAny(problems: Problems) {
  if (Object.keys(problems).length > 0) throw new AppError('VT_VALIDATION', { fields: problems });
}

function text(body: Body, name: string, max: number, problems: Problems, required = true): string {
  const value = (body[name] ?? '').trim();
  if (required && !value) problems[name] = 'required';
  else if (value.length > max) problems[name] = 'too-long';
  return value;
}

function optionalText(body: Body, name: string, max: number, problems: Problems): string | null {
  return text(body, name, max, problems, false) || null;
}

function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined;
}

/** "49", "49.5", "49,50", "1 490,00 €" → cents; a problem for anything else (zero included: a card cannot pay it). */
export function euros(raw: string | undefined, name: string, problems: Problems): number {
  const value = (raw ?? '').replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value)) {
    problems[name] = 'price';
    return 0;
  }
  // Digits, not floats: "0.29" * 100 is 28.999999999999996.
  const [whole = '0', fraction = ''] = value.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents === 0) problems[name] = 'price-zero';
  return cents;
}

/** A whole number from 0 to `max`; empty is null when allowed (unlimited, unknown). */
function whole(body: Body, name: string, problems: Problems, code: string, max: number): number | null {
  const value = (body[name] ?? '').trim();
  if (value === '') return null;
  if (!/^\d{1,7}$/.test(value) || Number(value) > max) {
    problems[name] = code;
    return null;
  }
  return Number(value);
}

/** Highlights typed one per line; blank lines left out. */
function highlights(body: Body, name: string, problems: Problems): string[] {
  const lines = (body[name] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > limits.highlights || lines.some((line) => line.length > limits.highlight))
    problems[name] = 'too-long';
  return lines;
}

export function readProductForm(body: Body): ProductForm {
  const problems: Problems = {};
  const slug = text(body, 'slug', 80, problems).toLowerCase();
  if (slug && !problems.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) problems.slug = 'slug';
  const kind = oneOf(body.kind, productKinds);
  if (!kind) problems.kind = 'required';
  const priceCents = euros(body.price, 'price', problems);
  const vat = Number(body.vat_rate ?? 'none');
  if (!(vatRates as readonly number[]).includes(vat)) problems.vat_rate = 'vat-rate';
  // A course or workshop has a level, a format and a length; goods have none.
  const taught = kind !== 'product';
  const level = body.level ? oneOf(body.level, levels) : null;
  if (level === undefined) problems.level = 'required';
  const format = body.format ? oneOf(body.format, formats) : null;
  if (format === undefined) problems.format = 'required';
  const durationHours = whole(body, 'duration_hours', problems, 'hours', limits.hours);
  const cover = oneOf(body.cover, coverNames);
  if (!cover) problems.cover = 'required';
  const texts = {
    en: productText(body, 'en', problems),
    fr: productText(body, 'fr', problems),
  };
  refuseIfAny(problems);
  return {
    slug,
    kind: kind as ProductKind,
    priceCents,
    vatRateBasisPoints: vat,
    level: taught ? (level ?? null) : null,
    format: taught ? (format ?? null) : null,
    durationHours: taught && durationHours ? durationHours : null,
    cover: cover as string,
    featured: body.featured === '1',
    publish: body.publish === '1',
    texts,
  };
}

function productText(body: Body, locale: 'en' | 'fr', problems: Problems): ProductText {
  return {
    name: text(body, `name_${locale}`, 120, problems),
    summary: text(body, `summary_${locale}`, 300, problems),
    description: text(body, `description_${locale}`, 8000, problems, false),
    highlights: highlights(body, `highlights_${locale}`, problems),
  };
}

export function readProductStatus(body: Body): ProductStatus {
  const status = oneOf(body.status, productStatuses);
  if (!status) throw new AppError('VT_VALIDATION', { fields: { status: 'required' } });
  return status;
}

export function readOfferStatus(body: Body): CatalogTables['catalog_offers']['status'] {
  const status = oneOf(body.status, ['active', 'archived'] as const);
  if (!status) throw new AppError('VT_VALIDATION', { fields: { status: 'required' } });
  return status;
}

/**
 * An offer's form. A new offer's kind follows from its product: a course or workshop sells
 * sessions; goods are sold as one item (no label) or in sizes (a label each). An offer being
 * edited keeps its kind.
 */
export function readOfferForm(body: Body, productKind: ProductKind, kind?: OfferForm['kind']): OfferForm {
  const problems: Problems = {};
  const offerKind =
    kind ??
    (productKind !== 'product' ? 'session' : body.label_en?.trim() || body.label_fr?.trim() ? 'variant' : 'single');
  const available = whole(body, 'available', problems, 'stock', limits.available);
  const price = (body.price ?? '').trim() ? euros(body.price, 'price', problems) : null;
  const common = { kind: offerKind, available, price_cents: price, sku: optionalText(body, 'sku', 40, problems) };
  if (offerKind !== 'session') {
    const variant = offerKind === 'variant';
    const labels = {
      label_en: variant ? text(body, 'label_en', 60, problems) : null,
      label_fr: variant ? text(body, 'label_fr', 60, problems) : null,
    };
    refuseIfAny(problems);
    const none = { starts_at: null, ends_at: null, schedule_en: null, schedule_fr: null, place: null, online: 0 };
    return { ...common, ...labels, ...none };
  }
  const startsAt = parisTime(body.starts_at ?? '');
  if (!startsAt) problems.starts_at = 'date';
  const endsAt = (body.ends_at ?? '').trim() ? parisTime(body.ends_at ?? '') : null;
  if (endsAt === undefined) problems.ends_at = 'date';
  else if (endsAt && startsAt && endsAt <= startsAt) problems.ends_at = 'ends-before-start';
  const online = body.online === '1';
  const place = online ? null : text(body, 'place', 200, problems);
  const session = {
    label_en: null,
    label_fr: null,
    starts_at: startsAt ?? '',
    ends_at: endsAt ?? null,
    schedule_en: optionalText(body, 'schedule_en', 200, problems),
    schedule_fr: optionalText(body, 'schedule_fr', 200, problems),
    place,
    online: online ? 1 : 0,
  };
  refuseIfAny(problems);
  return { ...common, sku: null, ...session };
}

/** Stock or seats left to sell, as counted: a whole number, or empty for unlimited. */
export function readAvailable(body: Body): number | null {
  const problems: Problems = {};
  const available = whole(body, 'available', problems, 'stock', limits.available);
  refuseIfAny(problems);
  return available;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: shopTimeZone, timeZoneName: 'longOffset' });

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function parisOffset(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value;
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
}

/** A date and time typed in Paris ("2027-01-11T19:30", a datetime-local field) as a UTC instant. */
export function parisTime(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/.exec(local.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (y < 2000 || y > 2199 || h > 23 || mi > 59) return undefined;
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asIfUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  // The offset at the instant itself (one guess, then corrected): right on the days the clocks change.
  const guess = asIfUtc - parisOffset(asIfUtc) * 60_000;
  return new Date(asIfUtc - parisOffset(guess) * 60_000).toISOString();
}

/** A UTC instant as a datetime-local field shows it in Paris: "2027-01-11T19:30". */
export function parisLocal(iso: string): string {
  const at = Date.parse(iso);
  return new Date(at + parisOffset(at) * 60_000).toISOString().slice(0, 16);
}
