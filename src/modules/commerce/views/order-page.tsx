import { cardBrandName } from '../card-brand.js';
import { formatDate, formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, FormAlert, Notice } from '../../../web/components/form.js';
import { Layout } from '../../../web/components/layout.js';
import type { FormState } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { vatBreakdown } from '../../../platform/vat.js';
import { countryName } from '../countries.js';
import type { PostalAddress } from '../order.js';
import { failureText } from '../order-mail.js';
import type { OrderDetail } from '../order-service.js';
import type { OrderStatus } from '../order-status.js';
import { LineName, Totals } from './order-summary.js';

/** How the buyer arrived: back from the gateway after paying, or after giving up, or just looking. */
export type OrderArrival = 'paid' | 'cancelled' | undefined;

export const statusWording = defineWording({
  en: {
    awaiting_payment: 'Awaiting payment',
    paid: 'Paid',
    fulfilled: 'Fulfilled',
    partially_refunded: 'Partly refunded',
    refunded: 'Refunded',
    disputed: 'Payment disputed',
    cancelled: 'Cancelled',
    expired: 'Lapsed (not paid)',
  },
  fr: {
    awaiting_payment: 'En attente de paiement',
    paid: 'Payée',
    fulfilled: 'Traitée',
    partially_refunded: 'Remboursée en partie',
    refunded: 'Remboursée',
    disputed: 'Paiement contesté',
    cancelled: 'Annulée',
    expired: 'Expirée (non payée)',
  },
});

const text = defineWording({
  en: {
    title: (id: string) => `Order ${id}`,
    placed: (date: string) => `Placed on ${date}`,
    thanks: 'Thank you! Your payment was received.',
    thanksLead: (email: string) => `A confirmation with your invoice is on its way to ${email}.`,
    confirming: 'Thank you! We are confirming your payment with our payment provider.',
    confirmingLead: 'This takes a few seconds: reload this page in a moment. You will also receive an email.',
    notPaid: 'Your payment was not completed.',
    why: (reason: string) => `Reason: ${reason}`,
    nothingCharged: (until: string) =>
      `Nothing was charged. Your items stay reserved until ${until}: you can pay with another card.`,
    waiting: (until: string) => `This order waits for payment. Your items are reserved until ${until}.`,
    gatewayDown:
      'Our payment provider did not answer just now. Your order is kept and nothing was charged: try again in a minute.',
    pay: 'Pay now',
    items: 'Items',
    quantity: 'Qty',
    price: 'Unit price',
    vat: 'VAT',
    total: 'Total',
    billing: 'Billing address',
    shipping: 'Delivery address',
    payment: 'Payment',
    card: (brand: string, last4: string, month: number, year: number) =>
      `${brand} card ending in ${last4}, expiring ${String(month).padStart(2, '0')}/${year}`,
    paidOn: (date: string) => `Paid on ${date}`,
    documents: 'Invoice and credit notes',
    invoice: (number: string) => `Invoice ${number} (PDF)`,
    creditNote: (number: string) => `Credit note ${number} (PDF)`,
    refunded: (amount: string) => `Refunded: ${amount}`,
    owed: (amount: string) =>
      `Amount owed: ${amount}. Your bank took this payment back after a dispute; write to us to settle it.`,
    terms: 'Terms of sale accepted',
    termsOn: (date: string) => `on ${date}`,
    earlyStart: (date: string) => `You asked on ${date} that your course start within the withdrawal period.`,
    starts: (date: string) => `Starts ${date}`,
    status: 'Status',
  },
  fr: {
    title: (id: string) => `Commande ${id}`,
    placed: (date: string) => `Passée le ${date}`,
    thanks: 'Merci ! Votre paiement est bien reçu.',
    thanksLead: (email: string) => `Une confirmation avec votre facture part vers ${email}.`,
    confirming: 'Merci ! Nous confirmons votre paiement auprès de notre prestataire.',
    confirmingLead:
      'Cela prend quelques secondes : rechargez cette page dans un instant. Vous recevrez aussi un e-mail.',
    notPaid: 'Votre paiement n’a pas abouti.',
    why: (reason: string) => `Motif : ${reason}`,
    nothingCharged: (until: string) =>
      `Rien n’a été débité. Vos articles restent réservés jusqu’au ${until} : vous pouvez payer avec une autre carte.`,
    waiting: (until: string) => `Cette commande attend son paiement. Vos articles sont réservés jusqu’au ${until}.`,
    gatewayDown:
      'Notre prestataire de paiement n’a pas répondu à l’instant. Votre commande est conservée et rien n’a été débité : réessayez dans une minute.',
    pay: 'Payer maintenant',
    items: 'Articles',
    quantity: 'Qté',
    price: 'Prix unitaire',
    vat: 'TVA',
    total: 'Total',
    billing: 'Adresse de facturation',
    shipping: 'Adresse de livraison',
    payment: 'Paiement',
    card: (brand: string, last4: string, month: number, year: number) =>
      `Carte ${brand} se terminant par ${last4}, expirant le ${String(month).padStart(2, '0')}/${year}`,
    paidOn: (date: string) => `Payée le ${date}`,
    documents: 'Facture et avoirs',
    invoice: (number: string) => `Facture ${number} (PDF)`,
    creditNote: (number: string) => `Avoir ${number} (PDF)`,
    refunded: (amount: string) => `Remboursé : ${amount}`,
    owed: (amount: string) =>
      `Montant dû : ${amount}. Votre banque a repris ce paiement après une contestation ; écrivez-nous pour le régler.`,
    terms: 'Conditions générales de vente acceptées',
    termsOn: (date: string) => `le ${date}`,
    earlyStart: (date: string) =>
      `Vous avez demandé le ${date} que votre cours commence pendant le délai de rétractation.`,
    starts: (date: string) => `Début le ${date}`,
    status: 'État',
  },
});

export function Address(props: { ctx: PageContext; name: string; address: PostalAddress }) {
  const a = props.address;
  return (
    <address>
      {props.name}
      <br />
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {a.postalCode} {a.city}
      <br />
      {countryName(a.country, props.ctx.locale)}
    </address>
  );
}

export function OrderPage(props: {
  ctx: PageContext;
  detail: OrderDetail;
  arrival?: OrderArrival;
  /** Where the pay form posts, and the link key it carries (guests). */
  payAction: string;
  linkKey?: string;
  documentUrl: (id: string) => string;
  termsUrl: (version: string) => string;
  gatewayDown?: boolean;
  state?: FormState;
}) {
  const { ctx, detail } = props;
  const { order } = detail;
  const t = text[ctx.locale];
  const money = (cents: number) => formatMoney(cents, order.currency, ctx.locale);
  const date = (iso: string) => formatDate(iso, ctx.locale, true);
  const waiting = order.status === 'awaiting_payment';
  const paid = order.paidAt !== null;
  const vat = vatBreakdown(
    order.lines.map((line) => ({ totalCents: line.totalCents, vatRateBasisPoints: line.vatRateBasisPoints })),
  );
  return (
    <Layout ctx={ctx} title={t.title(order.id)}>
      <div class="container order-page">
        <p class="eyebrow">{t.placed(date(order.createdAt))}</p>
        <h1>{t.title(order.id)}</h1>
        <p>
          {t.status}:{' '}
          <span class={`badge badge--status-${order.status}`}>
            {statusWording[ctx.locale][order.status as OrderStatus]}
          </span>
        </p>
        <FormAlert ctx={ctx} code={props.state?.code} />
        {props.arrival === 'paid' && paid && (
          <Notice kind="success">
            <p class="notice-title">{t.thanks}</p>
            <p>{t.thanksLead(order.email)}</p>
          </Notice>
        )}
        {props.arrival === 'paid' && waiting && (
          <Notice>
            <p class="notice-title">{t.confirming}</p>
            <p>{t.confirmingLead}</p>
          </Notice>
        )}
        {waiting && props.arrival !== 'paid' && (
          <div
            class={detail.lastFailure || props.arrival === 'cancelled' ? 'notice notice--error' : 'notice'}
            role="status"
          >
            {(detail.lastFailure || props.arrival === 'cancelled') && <p class="notice-title">{t.notPaid}</p>}
            {detail.lastFailure && <p>{t.why(failureText(detail.lastFailure, ctx.locale))}</p>}
            {props.gatewayDown && <p>{t.gatewayDown}</p>}
            <p>
              {detail.lastFailure || props.arrival === 'cancelled'
                ? t.nothingCharged(date(order.expiresAt))
                : t.waiting(date(order.expiresAt))}
            </p>
            <form method="post" action={props.payAction}>
              <CsrfField ctx={ctx} />
              {props.linkKey && <input type="hidden" name="key" value={props.linkKey} />}
              <button type="submit" class="button button--large">
                {t.pay} · {money(order.totalCents)}
              </button>
            </form>
          </div>
        )}
        {order.owedCents > 0 && <div class="notice notice--error">{t.owed(money(order.owedCents))}</div>}

        <div class="order-grid">
          <section class="panel">
            <h2>{t.items}</h2>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.items}</th>
                  <th scope="col" class="num">
                    {t.quantity}
                  </th>
                  <th scope="col" class="num">
                    {t.price}
                  </th>
                  <th scope="col" class="num">
                    {t.total}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.offerId}>
                    <td>
                      <LineName name={line.name} label={line.label} />
                      {line.startsAt && <span class="line-label">{t.starts(date(line.startsAt))}</span>}
                    </td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">{money(line.unitPriceCents)}</td>
                    <td class="num">{money(line.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Totals ctx={ctx} totalCents={order.totalCents} vat={vat} currency={order.currency} />
            {order.refundedCents > 0 && <p>{t.refunded(money(order.refundedCents))}</p>}
          </section>
          <section class="panel">
            <h2>{t.billing}</h2>
            <Address ctx={ctx} name={order.buyerName} address={order.billing} />
            {order.shipping && (
              <>
                <h2>{t.shipping}</h2>
                <Address ctx={ctx} name={order.shipping.name} address={order.shipping} />
              </>
            )}
            {paid && (
              <>
                <h2>{t.payment}</h2>
                {order.paidAt && <p>{t.paidOn(date(order.paidAt))}</p>}
                {order.card && (
                  <p>
                    {t.card(cardBrandName(order.card.brand), order.card.last4, order.card.expMonth, order.card.expYear)}
                  </p>
                )}
              </>
            )}
            {detail.documents.length > 0 && (
              <>
                <h2>{t.documents}</h2>
                <ul class="plain-list">
                  {detail.documents.map((document) => (
                    <li key={document.id}>
                      <a href={props.documentUrl(document.id)}>
                        {document.kind === 'invoice' ? t.invoice(document.number) : t.creditNote(document.number)}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p class="muted small">
              <a href={props.termsUrl(order.termsVersion)}>{t.terms}</a> {t.termsOn(date(order.termsAcceptedAt))}
            </p>
            {order.earlyStartRequestedAt && (
              <p class="muted small">{t.earlyStart(date(order.earlyStartRequestedAt))}</p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}
