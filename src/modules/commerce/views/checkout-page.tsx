import type { ComponentChildren } from 'preact';
import { formatDate, formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { Checkbox, CsrfField, Field, FormAlert, SelectField } from '../../../web/components/form.js';
import { Layout } from '../../../web/components/layout.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { FormState } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { PricedCart } from '../cart-pricing.js';
import { billingCountries, countryName, shippingCountries } from '../countries.js';
import { LineName, Totals } from './order-summary.js';

const text = defineWording({
  en: {
    title: 'Checkout',
    contact: 'Your details',
    email: 'Email address',
    emailHint: 'For the confirmation, the invoice and news of your order.',
    name: 'Full name',
    billing: 'Billing address',
    shipping: 'Delivery address',
    sameAddress: 'Deliver to my billing address',
    shippingHint: 'We deliver to France, Monaco, Belgium and Luxembourg. Fill this in only if it differs.',
    shippingName: 'Recipient’s name',
    line1: 'Street address',
    line2: 'Apartment, building, floor (optional)',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    account: 'Create an account (optional)',
    accountLead: 'To find your orders and invoices later without the link we email you.',
    createAccount: 'Create an account with this email address',
    username: 'Username',
    password: 'Password',
    passwordHint: 'At least 12 characters.',
    signedInAs: 'You are signed in: this order will be in your purchase history.',
    haveAccount: 'Already have an account?',
    signIn: 'Sign in',
    earlyStartTitle: 'Starting within 14 days',
    earlyStart:
      'I ask that the course start before the end of my 14-day withdrawal period. I understand that if I withdraw I will pay for the part already provided, and that I lose my right of withdrawal once the course has been fully provided.',
    terms: 'I have read and accept the',
    termsLink: 'terms of sale',
    termsAnd: ', including the right of withdrawal.',
    summary: 'Your order',
    // The button that commits the buyer says so (Code de la consommation L221-14).
    pay: 'Order with obligation to pay',
    payHint: (until: string) =>
      `Your card is entered on our payment provider’s secure page, never on our site. Your items are reserved until ${until}.`,
    backToCart: 'Change my cart',
    starts: (date: string) => `Starts ${date}`,
  },
  fr: {
    title: 'Commande',
    contact: 'Vos coordonnées',
    email: 'Adresse e-mail',
    emailHint: 'Pour la confirmation, la facture et le suivi de votre commande.',
    name: 'Nom complet',
    billing: 'Adresse de facturation',
    shipping: 'Adresse de livraison',
    sameAddress: 'Livrer à mon adresse de facturation',
    shippingHint:
      'Nous livrons en France, à Monaco, en Belgique et au Luxembourg. À remplir seulement si elle diffère.',
    shippingName: 'Nom du destinataire',
    line1: 'Adresse',
    line2: 'Appartement, bâtiment, étage (facultatif)',
    postalCode: 'Code postal',
    city: 'Ville',
    country: 'Pays',
    account: 'Créer un compte (facultatif)',
    accountLead: 'Pour retrouver vos commandes et factures sans le lien que nous vous envoyons.',
    createAccount: 'Créer un compte avec cette adresse e-mail',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    passwordHint: 'Au moins 12 caractères.',
    signedInAs: 'Vous êtes connecté : cette commande figurera dans votre historique d’achats.',
    haveAccount: 'Vous avez déjà un compte ?',
    signIn: 'Se connecter',
    earlyStartTitle: 'Début dans moins de 14 jours',
    earlyStart:
      'Je demande que le cours commence avant la fin de mon délai de rétractation de 14 jours. Je comprends que si je me rétracte, je paierai la part déjà fournie, et que je perds mon droit de rétractation une fois le cours entièrement fourni.',
    terms: 'J’ai lu et j’accepte les',
    termsLink: 'conditions générales de vente',
    termsAnd: ', y compris le droit de rétractation.',
    summary: 'Votre commande',
    pay: 'Commander avec obligation de paiement',
    payHint: (until: string) =>
      `Votre carte est saisie sur la page sécurisée de notre prestataire de paiement, jamais sur notre site. Vos articles sont réservés jusqu’au ${until}.`,
    backToCart: 'Modifier mon panier',
    starts: (date: string) => `Début le ${date}`,
  },
});

export interface CheckoutPrefill {
  email?: string | null;
  name?: string | null;
  line1?: string | null;
  line2?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

function Fieldset(props: { legend: string; children: ComponentChildren; hint?: string }) {
  return (
    <fieldset class="checkout-section">
      <legend>{props.legend}</legend>
      {props.hint && <p class="field-hint">{props.hint}</p>}
      {props.children}
    </fieldset>
  );
}

export function CheckoutPage(props: {
  ctx: PageContext;
  cart: PricedCart;
  signedIn: boolean;
  needsEarlyStart: boolean;
  /** A fresh key per rendering: the same form sent twice makes one order. */
  checkoutKey: string;
  holdUntil: string;
  prefill?: CheckoutPrefill;
  state?: FormState;
}) {
  const { ctx, cart, state } = props;
  const t = text[ctx.locale];
  const values = state?.values ?? {};
  const value = (name: string, fallback?: string | null) => values[name] ?? fallback ?? '';
  const error = (name: string) => {
    const problem = state?.fields?.[name];
    return problem ? fieldProblemText(problem, ctx.locale) : undefined;
  };
  const money = (cents: number) => formatMoney(cents, cart.currency, ctx.locale);
  const address = (prefix: 'billing' | 'shipping', countries: readonly string[], prefill?: CheckoutPrefill) => (
    <>
      {prefix === 'shipping' && (
        <Field
          name="shipping_name"
          label={t.shippingName}
          value={value('shipping_name')}
          error={error('shipping_name')}
          autocomplete="shipping name"
          maxLength={120}
        />
      )}
      <Field
        name={`${prefix}_line1`}
        label={t.line1}
        value={value(`${prefix}_line1`, prefill?.line1)}
        error={error(`${prefix}_line1`)}
        autocomplete={`${prefix} address-line1`}
        maxLength={120}
        required={prefix === 'billing'}
      />
      <Field
        name={`${prefix}_line2`}
        label={t.line2}
        value={value(`${prefix}_line2`, prefill?.line2)}
        error={error(`${prefix}_line2`)}
        autocomplete={`${prefix} address-line2`}
        maxLength={120}
      />
      <div class="field-row">
        <Field
          name={`${prefix}_postal_code`}
          label={t.postalCode}
          value={value(`${prefix}_postal_code`, prefill?.postalCode)}
          error={error(`${prefix}_postal_code`)}
          autocomplete={`${prefix} postal-code`}
          maxLength={12}
          required={prefix === 'billing'}
        />
        <Field
          name={`${prefix}_city`}
          label={t.city}
          value={value(`${prefix}_city`, prefill?.city)}
          error={error(`${prefix}_city`)}
          autocomplete={`${prefix} address-level2`}
          maxLength={80}
          required={prefix === 'billing'}
        />
      </div>
      <SelectField
        name={`${prefix}_country`}
        label={t.country}
        selected={value(`${prefix}_country`, 'FR')}
        options={countries.map((code) => [code, countryName(code, ctx.locale)] as const)}
        autocomplete={`${prefix} country`}
        error={error(`${prefix}_country`)}
      />
    </>
  );
  const termsError = error('accept_terms');
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="container checkout-page">
        <h1>{t.title}</h1>
        <FormAlert ctx={ctx} code={state?.code} />
        <form method="post" action={paths.checkout(ctx.locale)} class="checkout-grid" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="cart" value={cart.fingerprint} />
          <input type="hidden" name="checkout_key" value={props.checkoutKey} />
          <div class="checkout-form">
            <Fieldset legend={t.contact}>
              <Field
                name="email"
                type="email"
                label={t.email}
                hint={t.emailHint}
                value={value('email', props.prefill?.email)}
                error={error('email')}
                autocomplete="email"
                maxLength={254}
                required
              />
              <Field
                name="name"
                label={t.name}
                value={value('name', props.prefill?.name)}
                error={error('name')}
                autocomplete="name"
                maxLength={120}
                required
              />
            </Fieldset>
            <Fieldset legend={t.billing}>{address('billing', billingCountries, props.prefill)}</Fieldset>
            {cart.needsShipping && (
              <Fieldset legend={t.shipping} hint={t.shippingHint}>
                <Checkbox
                  name="shipping_same"
                  label={t.sameAddress}
                  checked={state ? values.shipping_same === '1' : true}
                />
                {address('shipping', shippingCountries)}
              </Fieldset>
            )}
            {props.signedIn ? (
              <p class="notice">{t.signedInAs}</p>
            ) : (
              <Fieldset legend={t.account} hint={t.accountLead}>
                <Checkbox name="create_account" label={t.createAccount} checked={values.create_account === '1'} />
                <div class="field-row">
                  <Field
                    name="username"
                    label={t.username}
                    value={value('username')}
                    error={error('username')}
                    autocomplete="username"
                    maxLength={30}
                  />
                  <Field
                    name="password"
                    type="password"
                    label={t.password}
                    hint={t.passwordHint}
                    error={error('password')}
                    autocomplete="new-password"
                  />
                </div>
                <p class="muted small">
                  {t.haveAccount}{' '}
                  <a href={`${paths.signIn(ctx.locale)}?next=${encodeURIComponent(paths.checkout(ctx.locale))}`}>
                    {t.signIn}
                  </a>
                </p>
              </Fieldset>
            )}
            {props.needsEarlyStart && (
              <Fieldset legend={t.earlyStartTitle}>
                <Checkbox
                  name="early_start"
                  label={t.earlyStart}
                  checked={values.early_start === '1'}
                  error={error('early_start')}
                />
              </Fieldset>
            )}
            <div class={`field field--check${termsError ? ' field--invalid' : ''}`}>
              <input
                type="checkbox"
                id="field-accept_terms"
                name="accept_terms"
                value="1"
                checked={values.accept_terms === '1'}
                aria-describedby={termsError ? 'field-accept_terms-error' : undefined}
              />
              <label for="field-accept_terms">
                {t.terms} <a href={paths.termsOfSale(ctx.locale)}>{t.termsLink}</a>
                {t.termsAnd}
              </label>
              {termsError && (
                <p class="field-error" id="field-accept_terms-error">
                  {termsError}
                </p>
              )}
            </div>
          </div>
          <aside class="panel checkout-summary">
            <h2>{t.summary}</h2>
            <ul class="plain-list summary-lines">
              {cart.lines.map((line) => (
                <li key={line.offerId}>
                  <span>
                    {line.quantity} × <LineName name={line.offer?.name ?? '—'} label={line.offer?.label ?? null} />
                    {line.offer?.startsAt && (
                      <span class="line-label">{t.starts(formatDate(line.offer.startsAt, ctx.locale, true))}</span>
                    )}
                  </span>
                  <span class="num">{money(line.totalCents)}</span>
                </li>
              ))}
            </ul>
            <Totals ctx={ctx} totalCents={cart.totalCents} vat={cart.vat} currency={cart.currency} />
            <button type="submit" class="button button--large button--block">
              {t.pay}
            </button>
            <p class="muted small">{t.payHint(formatDate(props.holdUntil, ctx.locale, true))}</p>
            <p>
              <a href={paths.cart(ctx.locale)}>{t.backToCart}</a>
            </p>
          </aside>
        </form>
      </div>
    </Layout>
  );
}
