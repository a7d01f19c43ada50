import { AppError } from '../../platform/http/errors.js';
import { isCountry, postalCodeFits, shippingCountries } from './countries.js';
import type { PostalAddress } from './order.js';

/** The checkout form, read and checked: every problem named by field, in words web/field-wording.ts has. */
export interface CheckoutForm {
  email: string;
  name: string;
  billing: PostalAddress;
  /** Only when the cart holds goods to send. */
  shipping: (PostalAddress & { name: string }) | null;
  acceptTerms: boolean;
  earlyStart: boolean;
  /** The fingerprint of the cart the buyer saw (cart-pricing.ts). */
  cartFingerprint: string;
  /** One per rendering of the form: the same form submitted twice makes one order. */
  checkoutKey: string;
  account: { username: string; password: string } | null;
}

const emailShape = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function readCheckoutForm(body: Record<string, string>, needsShipping: boolean): CheckoutForm {
  const problems: Record<string, string> = {};
  const text = (name: string, max: number, required = true): string => {
    const value = (body[name] ?? '').trim();
    if (required && !value) problems[name] = 'required';
    else if (value.length > max) problems[name] = 'too-long';
    return value;
  };
  const email = text('email', 254);
  if (email && !problems.email && !emailShape.test(email)) problems.email = 'email-format';
  const name = text('name', 120);

  const address = (prefix: string, countries?: readonly string[]): PostalAddress => {
    const country = (body[`${prefix}_country`] ?? '').trim().toUpperCase();
    if (!isCountry(country, countries)) problems[`${prefix}_country`] = countries ? 'shipping-country' : 'country';
    const postalCode = text(`${prefix}_postal_code`, 12).toUpperCase();
    if (postalCode && !problems[`${prefix}_postal_code`] && !postalCodeFits(country, postalCode))
      problems[`${prefix}_postal_code`] = 'postal-code-format';
    const line2 = text(`${prefix}_line2`, 120, false);
    return {
      line1: text(`${prefix}_line1`, 120),
      line2: line2 || null,
      postalCode,
      city: text(`${prefix}_city`, 80),
      country,
    };
  };
  const billing = address('billing');
  let shipping: CheckoutForm['shipping'] = null;
  if (needsShipping) {
    if (body.shipping_same === '1') {
      if (!shippingCountries.includes(billing.country as never) && !problems.billing_country)
        problems.billing_country = 'shipping-country';
      shipping = { ...billing, name };
    } else {
      const shippingName = text('shipping_name', 120);
      shipping = { ...address('shipping', shippingCountries), name: shippingName };
    }
  }

  const acceptTerms = body.accept_terms === '1';
  if (!acceptTerms) problems.accept_terms = 'terms';
  const cartFingerprint = (body.cart ?? '').trim();
  const checkoutKey = (body.checkout_key ?? '').trim();
  if (!/^[A-Za-z0-9_-]{10,60}$/.test(cartFingerprint) || !/^[A-Za-z0-9_-]{16,60}$/.test(checkoutKey))
    throw new AppError('VT_CART_CHANGED');

  let account: CheckoutForm['account'] = null;
  if (body.create_account === '1') {
    const username = text('username', 30);
    const password = body.password ?? '';
    if (!password) problems.password = 'required';
    account = { username, password };
  }

  if (Object.keys(problems).length > 0) throw new AppError('VT_VALIDATION', { fields: problems });
  return {
    email,
    name,
    billing,
    shipping,
    acceptTerms,
    earlyStart: body.early_start === '1',
    cartFingerprint,
    checkoutKey,
    account,
  };
}
