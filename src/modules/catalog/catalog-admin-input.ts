import { shopTimeZone } from '../../platform/format.js';
import { AppError } from '../../platform/http/errors.js';
import { type ProductKind, productKinds } from './product.js';

/** The VAT rates a French shop may charge (CGI art. 278 ff.), in basis points. */
export const vatRates = [2000, 1000, 550, 210, 0] as const;

/** A product as staff type it: both languages, a price in euros VAT included, a VAT rate. */
export interface ProductForm {
  slug: string;
  kind: ProductKind;
  status: 'active' | 'draft';
  priceCents: number;
  vatRateBasisPoints: number;
  texts: Record<'en' | 'fr', { name: string; summary: string; description: string }>;
}

/** A new offer: a session (date, length, place or online, seats) or a variant (label, stock). */
export type OfferForm =
  | {
      kind: 'session';
      startsAt: string;
      endsAt: string | null;
      online: boolean;
      place: string | null;
      available: number;
    }
  | { kind: 'variant'; label: { en: string; fr: string }; available: number | null };

type Problems = Record<string, string>;

function text(body: Record<string, string>, name: string, max: number, problems: Problems, required = true): string {
  const value = (body[name] ?? '').trim();
  if (required && !value) problems[name] = 'required';
  else if (value.length > max) problems[name] = 'too-long';
  return value;
}

/** "49", "49.5", "49,50 €" → cents; undefined (and a problem) for anything else. */
export function euros(raw: string | undefined, name: string, problems: Problems): number {
  const value = (raw ?? '').trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value)) {
    problems[name] = 'price';
    return 0;
  }
  return Math.round(Number(value) * 100);
}

function count(raw: string | undefined, name: string, problems: Problems, allowEmpty: boolean): number | null {
  const value = (raw ?? '').trim();
  if (value === '' && allowEmpty) return null;
  if (!/^\d{1,6}$/.test(value)) {
    problems[name] = 'stock';
    return null;
  }
  return Number(value);
}

export function readProductForm(body: Record<string, string>): ProductForm {
  const problems: Problems = {};
  const slug = text(body, 'slug', 80, problems).toLowerCase();
  if (slug && !problems.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) problems.slug = 'slug';
  const kind = (productKinds as readonly string[]).includes(body.kind ?? '') ? (body.kind as ProductKind) : undefined;
  if (!kind) problems.kind = 'required';
  const status = body.status === 'active' ? 'active' : 'draft';
  const priceCents = euros(body.price, 'price', problems);
  const vat = Number(body.vat_rate);
  if (!(vatRates as readonly number[]).includes(vat)) problems.vat_rate = 'vat-rate';
  const texts = {
    en: {
      name: text(body, 'name_en', 120, problems),
      summary: text(body, 'summary_en', 300, problems),
      description: text(body, 'description_en', 8000, problems, false),
    },
    fr: {
      name: text(body, 'name_fr', 120, problems),
      summary: text(body, 'summary_fr', 300, problems),
      description: text(body, 'description_fr', 8000, problems, false),
    },
  };
  if (Object.keys(problems).length > 0) throw new AppError('VT_VALIDATION', { fields: problems });
  return { slug, kind: kind as ProductKind, status, priceCents, vatRateBasisPoints: vat, texts };
}

export function readOfferForm(body: Record<string, string>, productKind: ProductKind): OfferForm {
  const problems: Problems = {};
  if (productKind === 'product') {
    const label = { en: text(body, 'label_en', 60, problems), fr: text(body, 'label_fr', 60, problems) };
    const available = count(body.available, 'available', problems, true);
    if (Object.keys(problems).length > 0) throw new AppError('VT_VALIDATION', { fields: problems });
    return { kind: 'variant', label, available };
  }
  const startsAt = parisTime(body.starts_at ?? '');
  if (!startsAt) problems.starts_at = 'date';
  const hours = (body.hours ?? '').trim();
  if (hours && !/^\d{1,3}$/.test(hours)) problems.hours = 'hours';
  const online = body.online === '1';
  const place = online ? null : text(body, 'place', 200, problems);
  const available = count(body.available, 'available', problems, false) ?? 0;
  if (Object.keys(problems).length > 0 || !startsAt) throw new AppError('VT_VALIDATION', { fields: problems });
  const endsAt = hours ? new Date(Date.parse(startsAt) + Number(hours) * 3_600_000).toISOString() : null;
  return { kind: 'session', startsAt, endsAt, online, place, available };
}

/** A date and time typed in Paris ("2027-01-11T19:30", a datetime-local field) as a UTC instant. */
export function parisTime(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const asIfUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  if (Number.isNaN(asIfUtc) || new Date(asIfUtc).getUTCDate() !== d) return undefined;
  // Paris is one or two hours ahead of UTC, depending on the date.
  const name = new Intl.DateTimeFormat('en-US', { timeZone: shopTimeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(asIfUtc))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(asIfUtc - minutes * 60_000).toISOString();
}
