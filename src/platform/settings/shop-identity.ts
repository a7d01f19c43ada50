import type { Wording } from '../../privacy/core/vocabulary.js';

/** Who runs the shop: shown in the footer, the policy (as data controller) and every email. */
export interface ShopIdentity {
  name: string;
  tagline: Wording;
  email: string;
  address: { street: string; postalCode: string; city: string; country: string };
  currency: string;
}

export function parseShopIdentity(value: unknown): ShopIdentity {
  const v = value as Partial<ShopIdentity> | null;
  const problem = (what: string): never => {
    throw new Error(`Shop identity is invalid: ${what}`);
  };
  if (!v || typeof v !== 'object') return problem('it is not an object');
  if (typeof v.name !== 'string' || !v.name.trim()) problem('name is missing');
  if (typeof v.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(v.email)) problem('email is missing or invalid');
  if (!v.tagline || typeof v.tagline.en !== 'string' || typeof v.tagline.fr !== 'string')
    problem('tagline needs en and fr');
  const a = v.address;
  if (!a || ![a.street, a.postalCode, a.city, a.country].every((part) => typeof part === 'string' && part.trim())) {
    problem('address needs street, postalCode, city and country');
  }
  if (typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency))
    problem('currency must be an ISO 4217 code such as EUR');
  return v as ShopIdentity;
}
