import { formatDate, formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, FormAlert, Notice } from '../../../web/components/form.js';
import { Layout } from '../../../web/components/layout.js';
import type { FormState } from '../../../web/form-state.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { type LineProblem, maxQuantity, type PricedCart } from '../cart-pricing.js';
import { LineName, Totals } from './order-summary.js';

export const cartNotices = ['added', 'updated', 'removed', 'merged'] as const;
export type CartNotice = (typeof cartNotices)[number];

const text = defineWording({
  en: {
    title: 'Your cart',
    empty: 'Your cart is empty.',
    browse: 'Browse the catalog',
    item: 'Item',
    price: 'Unit price',
    quantity: 'Quantity',
    total: 'Total',
    quantityOf: (name: string) => `Quantity of ${name}`,
    update: 'Update',
    remove: 'Remove',
    removeNamed: (name: string) => `Remove ${name}`,
    checkout: 'Go to checkout',
    keepShopping: 'Keep shopping',
    starts: (date: string) => `Starts ${date}`,
    problems: {
      unavailable: 'No longer on sale: remove it to order the rest.',
      'sold-out': 'Sold out since you added it: remove it to order the rest.',
      'not-enough': (n: number) => `Only ${n} left: lower the quantity.`,
    },
    fixFirst: 'Some lines cannot be ordered as they are: see the notes next to them.',
    secure: 'You pay by card on our payment provider’s secure page (PCI-DSS): your card number never reaches our site.',
    notices: {
      added: 'Added to your cart.',
      updated: 'Quantity updated.',
      removed: 'Removed from your cart.',
      merged: 'The cart you filled before signing in was added to your account’s cart.',
    },
  },
  fr: {
    title: 'Votre panier',
    empty: 'Votre panier est vide.',
    browse: 'Parcourir le catalogue',
    item: 'Article',
    price: 'Prix unitaire',
    quantity: 'Quantité',
    total: 'Total',
    quantityOf: (name: string) => `Quantité de ${name}`,
    update: 'Mettre à jour',
    remove: 'Retirer',
    removeNamed: (name: string) => `Retirer ${name}`,
    checkout: 'Passer la commande',
    keepShopping: 'Continuer mes achats',
    starts: (date: string) => `Début le ${date}`,
    problems: {
      unavailable: 'N’est plus en vente : retirez-le pour commander le reste.',
      'sold-out': 'Épuisé depuis votre ajout : retirez-le pour commander le reste.',
      'not-enough': (n: number) => `Plus que ${n} disponible(s) : diminuez la quantité.`,
    },
    fixFirst: 'Certaines lignes ne peuvent pas être commandées telles quelles : voyez les notes à côté.',
    secure:
      'Vous payez par carte sur la page sécurisée de notre prestataire de paiement (PCI-DSS) : votre numéro de carte n’arrive jamais sur notre site.',
    notices: {
      added: 'Ajouté à votre panier.',
      updated: 'Quantité mise à jour.',
      removed: 'Retiré de votre panier.',
      merged: 'Le panier rempli avant votre connexion a été ajouté au panier de votre compte.',
    },
  },
});

function problemText(locale: 'fr' | 'en', problem: LineProblem, available: number | null): string {
  const p = text[locale].problems;
  return problem === 'not-enough' ? p['not-enough'](available ?? 0) : p[problem];
}

export function CartPage(props: { ctx: PageContext; cart: PricedCart; notice?: CartNotice; state?: FormState }) {
  const { ctx, cart } = props;
  const t = text[ctx.locale];
  const money = (cents: number) => formatMoney(cents, cart.currency, ctx.locale);
  const base = paths.cart(ctx.locale);
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="container cart-page">
        <h1>{t.title}</h1>
        {props.notice && <Notice kind="success">{t.notices[props.notice]}</Notice>}
        <FormAlert ctx={ctx} code={props.state?.code} />
        {props.state?.fields && (
          <ul class="field-errors" role="alert">
            {Object.values(props.state.fields).map((problem) => (
              <li key={problem}>{fieldProblemText(problem, ctx.locale)}</li>
            ))}
          </ul>
        )}
        {cart.lines.length === 0 ? (
          <div class="panel center">
            <p>{t.empty}</p>
            <p>
              <a class="button" href={paths.catalog(ctx.locale)}>
                {t.browse}
              </a>
            </p>
          </div>
        ) : (
          <div class="cart-grid">
            <table class="data-table cart-lines">
              <thead>
                <tr>
                  <th scope="col">{t.item}</th>
                  <th scope="col" class="num">
                    {t.price}
                  </th>
                  <th scope="col">{t.quantity}</th>
                  <th scope="col" class="num">
                    {t.total}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cart.lines.map((line) => {
                  const name = line.offer?.name ?? '—';
                  return (
                    <tr key={line.offerId} class={line.problem ? 'cart-line cart-line--problem' : 'cart-line'}>
                      <td>
                        {line.offer ? (
                          <a href={paths.product(ctx.locale, line.offer.productSlug)}>
                            <LineName name={name} label={line.offer.label} />
                          </a>
                        ) : (
                          <LineName name={name} label={null} />
                        )}
                        {line.offer?.startsAt && (
                          <span class="line-label">{t.starts(formatDate(line.offer.startsAt, ctx.locale, true))}</span>
                        )}
                        {line.problem && (
                          <p class="field-error">
                            {problemText(ctx.locale, line.problem, line.offer?.available ?? null)}
                          </p>
                        )}
                      </td>
                      <td class="num">{money(line.unitPriceCents)}</td>
                      <td>
                        <form method="post" action={`${base}/update`} class="inline-form quantity-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="offer" value={line.offerId} />
                          <input
                            type="number"
                            name="quantity"
                            min="1"
                            max={String(maxQuantity)}
                            value={String(line.quantity)}
                            aria-label={t.quantityOf(name)}
                            class="quantity-input"
                          />
                          <button type="submit" class="button button--ghost">
                            {t.update}
                          </button>
                        </form>
                        <form method="post" action={`${base}/remove`} class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="offer" value={line.offerId} />
                          <button type="submit" class="link-button" aria-label={t.removeNamed(name)}>
                            {t.remove}
                          </button>
                        </form>
                      </td>
                      <td class="num">{line.problem ? '—' : money(line.totalCents)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <aside class="panel cart-summary">
              <Totals ctx={ctx} totalCents={cart.totalCents} vat={cart.vat} currency={cart.currency} />
              {cart.hasProblems ? (
                <p class="field-error">{t.fixFirst}</p>
              ) : (
                <a class="button button--large button--block" href={paths.checkout(ctx.locale)}>
                  {t.checkout}
                </a>
              )}
              <p class="muted small">{t.secure}</p>
              <p>
                <a href={paths.catalog(ctx.locale)}>{t.keepShopping}</a>
              </p>
            </aside>
          </div>
        )}
      </div>
    </Layout>
  );
}
