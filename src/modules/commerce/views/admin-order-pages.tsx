import { cardBrandName } from '../card-brand.js';
import { formatDate, formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import type { ErrorCode } from '../../../platform/http/errors.js';
import { vatBreakdown } from '../../../platform/vat.js';
import { CsrfField, FormAlert, Notice } from '../../../web/components/form.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { PageContext } from '../../../web/page-context.js';
import { type StaffPrincipal, StaffLayout, mayStaff } from '../../backoffice/index.js';
import type { Order } from '../order.js';
import type { OrderDetail } from '../order-service.js';
import { type OrderStatus, orderStatuses } from '../order-status.js';
import type { RefundReason } from '../settlement-service.js';
import { LineName, Totals } from './order-summary.js';
import { Address, statusWording } from './order-page.js';

/** The reasons staff choose from when they refund (the stray-payment reasons are the shop's own). */
export const staffRefundReasons = [
  'customer-request',
  'goodwill',
  'cancelled-by-shop',
] as const satisfies readonly RefundReason[];

const text = defineWording({
  en: {
    title: 'Orders',
    search: 'Order number, email or name',
    status: 'Status',
    any: 'Any status',
    find: 'Search',
    none: 'No order matches.',
    order: 'Order',
    placed: 'Placed',
    buyer: 'Buyer',
    total: 'Total',
    owed: 'Owed',
    next: 'Next page',
    previous: 'Previous page',
    back: 'All orders',
    detailTitle: (id: string) => `Order ${id}`,
    items: 'Items',
    quantity: 'Qty',
    billing: 'Billing address',
    shipping: 'Delivery address',
    contact: 'Email',
    payment: 'Payment',
    card: (brand: string, last4: string, month: number, year: number) =>
      `${brand} •••• ${last4}, expires ${String(month).padStart(2, '0')}/${year}`,
    paidOn: (date: string) => `Paid on ${date}`,
    terms: (version: string, date: string) => `Terms of sale version ${version} accepted on ${date}`,
    earlyStart: (date: string) => `Asked on ${date} that the course start before the withdrawal period ends`,
    attempts: 'Payment attempts',
    attempt: 'Attempt',
    state: 'State',
    when: 'When',
    refunds: 'Refunds',
    amount: 'Amount',
    reason: 'Reason',
    disputes: 'Disputes',
    evidence: 'Evidence notes (what you will send the bank: delivery proof, attendance, messages)',
    saveEvidence: 'Save the notes',
    documents: 'Invoices and credit notes',
    fulfil: 'Mark as fulfilled',
    fulfilLead: 'The goods were sent, or the course or workshop was given.',
    cancel: 'Cancel this unpaid order',
    cancelLead: 'Its items go back on sale and its payment page closes.',
    refund: 'Refund',
    refundLead: (max: string) =>
      `Up to ${max}. The card is refunded through the payment gateway, and a credit note is issued.`,
    refundAmount: 'Amount (€)',
    refundReason: 'Reason',
    doRefund: 'Refund',
    owedNotice: (amount: string) => `The buyer’s bank took back or holds ${amount}: that amount is owed.`,
    done: {
      fulfilled: 'The order is marked as fulfilled.',
      cancelled: 'The order is cancelled; its items are back on sale.',
      refunded: 'The refund was asked of the payment gateway. Its outcome appears below in a few seconds.',
      evidence: 'The evidence notes are saved.',
    },
    reasons: {
      'customer-request': 'The customer asked',
      goodwill: 'Goodwill gesture',
      'cancelled-by-shop': 'Cancelled by the shop (session cancelled, out of stock)',
      'duplicate-payment': 'Duplicate payment',
      'order-lapsed': 'Paid after the order lapsed',
    },
    paymentStates: {
      opening: 'Opening',
      pending: 'Waiting for the card',
      succeeded: 'Succeeded',
      failed: 'Failed',
      expired: 'Closed',
    },
    refundStates: { requested: 'Asked', succeeded: 'Refunded', failed: 'Failed' },
    disputeStates: { open: 'Open', won: 'Won', lost: 'Lost' },
    invoice: 'Invoice',
    creditNote: 'Credit note',
  },
  fr: {
    title: 'Commandes',
    search: 'Numéro de commande, e-mail ou nom',
    status: 'Statut',
    any: 'Tous les statuts',
    find: 'Rechercher',
    none: 'Aucune commande ne correspond.',
    order: 'Commande',
    placed: 'Passée le',
    buyer: 'Acheteur',
    total: 'Total',
    owed: 'Dû',
    next: 'Page suivante',
    previous: 'Page précédente',
    back: 'Toutes les commandes',
    detailTitle: (id: string) => `Commande ${id}`,
    items: 'Articles',
    quantity: 'Qté',
    billing: 'Adresse de facturation',
    shipping: 'Adresse de livraison',
    contact: 'E-mail',
    payment: 'Paiement',
    card: (brand: string, last4: string, month: number, year: number) =>
      `${brand} •••• ${last4}, expire ${String(month).padStart(2, '0')}/${year}`,
    paidOn: (date: string) => `Payée le ${date}`,
    terms: (version: string, date: string) => `Conditions générales de vente version ${version} acceptées le ${date}`,
    earlyStart: (date: string) => `A demandé le ${date} que le cours commence avant la fin du délai de rétractation`,
    attempts: 'Tentatives de paiement',
    attempt: 'Tentative',
    state: 'État',
    when: 'Quand',
    refunds: 'Remboursements',
    amount: 'Montant',
    reason: 'Motif',
    disputes: 'Contestations',
    evidence: 'Éléments de preuve (ce que vous enverrez à la banque : preuve de livraison, présence, échanges)',
    saveEvidence: 'Enregistrer',
    documents: 'Factures et avoirs',
    fulfil: 'Marquer comme traitée',
    fulfilLead: 'Les articles sont partis, ou le cours ou l’atelier a eu lieu.',
    cancel: 'Annuler cette commande non payée',
    cancelLead: 'Ses articles sont remis en vente et sa page de paiement est fermée.',
    refund: 'Rembourser',
    refundLead: (max: string) =>
      `Jusqu’à ${max}. La carte est remboursée par la passerelle de paiement, et un avoir est émis.`,
    refundAmount: 'Montant (€)',
    refundReason: 'Motif',
    doRefund: 'Rembourser',
    owedNotice: (amount: string) => `La banque de l’acheteur a repris ou retient ${amount} : ce montant est dû.`,
    done: {
      fulfilled: 'La commande est marquée comme traitée.',
      cancelled: 'La commande est annulée ; ses articles sont remis en vente.',
      refunded:
        'Le remboursement est demandé à la passerelle de paiement. Son résultat s’affiche ci-dessous d’ici quelques secondes.',
      evidence: 'Les éléments de preuve sont enregistrés.',
    },
    reasons: {
      'customer-request': 'À la demande du client',
      goodwill: 'Geste commercial',
      'cancelled-by-shop': 'Annulée par la boutique (session annulée, rupture de stock)',
      'duplicate-payment': 'Paiement en double',
      'order-lapsed': 'Payée après l’expiration de la commande',
    },
    paymentStates: {
      opening: 'Ouverture',
      pending: 'En attente de la carte',
      succeeded: 'Réussie',
      failed: 'Échouée',
      expired: 'Fermée',
    },
    refundStates: { requested: 'Demandé', succeeded: 'Remboursé', failed: 'Échoué' },
    disputeStates: { open: 'Ouverte', won: 'Gagnée', lost: 'Perdue' },
    invoice: 'Facture',
    creditNote: 'Avoir',
  },
});

export type AdminOrderNotice = keyof (typeof text)['en']['done'];
export const adminOrderNotices = [
  'fulfilled',
  'cancelled',
  'refunded',
  'evidence',
] as const satisfies readonly AdminOrderNotice[];

/** The orders list: search by number, address or name, filter by status, newest first. */
export function AdminOrdersPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  orders: Order[];
  query: { q: string; status: OrderStatus | undefined; page: number };
  more: boolean;
}) {
  const { ctx, query } = props;
  const t = text[ctx.locale];
  const money = (order: Order, cents: number) => formatMoney(cents, order.currency, ctx.locale);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    params.set('page', String(page));
    return `/admin/orders?${params}`;
  };
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      <form method="get" action="/admin/orders" class="search-form">
        <label class="visually-hidden" for="order-search">
          {t.search}
        </label>
        <input id="order-search" type="search" name="q" value={query.q} placeholder={t.search} maxLength={200} />
        <label class="visually-hidden" for="order-status">
          {t.status}
        </label>
        <select id="order-status" name="status">
          <option value="">{t.any}</option>
          {orderStatuses.map((status) => (
            <option key={status} value={status} selected={query.status === status}>
              {statusWording[ctx.locale][status]}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          {t.find}
        </button>
      </form>
      {props.orders.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ScrollTable label={t.title} headers={[t.order, t.placed, t.buyer, t.status, t.total, t.owed]}>
          {props.orders.map((order) => (
            <tr key={order.id}>
              <td>
                <a href={`/admin/orders/${order.id}`}>{order.id}</a>
              </td>
              <td>{formatDate(order.createdAt, ctx.locale, true)}</td>
              <td>
                {order.buyerName}
                <br />
                <span class="muted small">{order.email}</span>
              </td>
              <td>
                <span class={`badge badge--status-${order.status}`}>{statusWording[ctx.locale][order.status]}</span>
              </td>
              <td class="num">{money(order, order.totalCents)}</td>
              <td class="num">{order.owedCents > 0 ? money(order, order.owedCents) : '—'}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <nav class="pager" aria-label={t.title}>
        {query.page > 1 && <a href={pageLink(query.page - 1)}>{t.previous}</a>}
        {props.more && <a href={pageLink(query.page + 1)}>{t.next}</a>}
      </nav>
    </StaffLayout>
  );
}

/** One order for staff: who, what, the money's story, and what they may do with it by role. */
export function AdminOrderPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  detail: OrderDetail;
  notice?: AdminOrderNotice;
  state?: { code: ErrorCode; fields?: Record<string, string>; values?: Record<string, string> };
  documentUrl: (id: string) => string;
}) {
  const { ctx, staff, detail } = props;
  const { order } = detail;
  const t = text[ctx.locale];
  const money = (cents: number) => formatMoney(cents, order.currency, ctx.locale);
  const date = (iso: string) => formatDate(iso, ctx.locale, true);
  const vat = vatBreakdown(
    order.lines.map((line) => ({ totalCents: line.totalCents, vatRateBasisPoints: line.vatRateBasisPoints })),
  );
  const action = (what: string) => `/admin/orders/${order.id}/${what}`;
  const fieldError = (name: string) => {
    const problem = props.state?.fields?.[name];
    return problem ? fieldProblemText(problem, ctx.locale) : undefined;
  };
  const mayFulfil =
    mayStaff(staff, 'orders.fulfil') && ['paid', 'partially_refunded'].includes(order.status) && !order.fulfilledAt;
  const mayCancel = mayStaff(staff, 'orders.fulfil') && order.status === 'awaiting_payment';
  const mayRefund = mayStaff(staff, 'orders.refund') && detail.refundableCents > 0;
  const mayEvidence = mayStaff(staff, 'orders.refund') || mayStaff(staff, 'orders.fulfil');
  return (
    <StaffLayout ctx={ctx} title={t.detailTitle(order.id)} staff={staff}>
      <p>
        <a href="/admin/orders">← {t.back}</a>
      </p>
      <h1>{t.detailTitle(order.id)}</h1>
      <p>
        <span class={`badge badge--status-${order.status}`}>{statusWording[ctx.locale][order.status]}</span>{' '}
        <span class="muted">
          {t.placed} {date(order.createdAt)}
        </span>
      </p>
      {props.notice && <Notice kind="success">{t.done[props.notice]}</Notice>}
      <FormAlert ctx={ctx} code={props.state?.code} />
      {order.owedCents > 0 && <div class="notice notice--error">{t.owedNotice(money(order.owedCents))}</div>}

      <div class="order-grid">
        <section class="panel">
          <h2>{t.items}</h2>
          <table class="data-table">
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.offerId}>
                  <td>
                    <LineName name={line.name} label={line.label} />
                  </td>
                  <td class="num">× {line.quantity}</td>
                  <td class="num">{money(line.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Totals ctx={ctx} totalCents={order.totalCents} vat={vat} currency={order.currency} />
        </section>
        <section class="panel">
          <h2>{t.buyer}</h2>
          <p>
            {t.contact}: <a href={`mailto:${order.email}`}>{order.email}</a>
          </p>
          <h3>{t.billing}</h3>
          <Address ctx={ctx} name={order.buyerName} address={order.billing} />
          {order.shipping && (
            <>
              <h3>{t.shipping}</h3>
              <Address ctx={ctx} name={order.shipping.name} address={order.shipping} />
            </>
          )}
          <h3>{t.payment}</h3>
          {order.paidAt && <p>{t.paidOn(date(order.paidAt))}</p>}
          {order.card && (
            <p>{t.card(cardBrandName(order.card.brand), order.card.last4, order.card.expMonth, order.card.expYear)}</p>
          )}
          <p class="muted small">{t.terms(order.termsVersion, date(order.termsAcceptedAt))}</p>
          {order.earlyStartRequestedAt && <p class="muted small">{t.earlyStart(date(order.earlyStartRequestedAt))}</p>}
        </section>
      </div>

      {(mayFulfil || mayCancel || mayRefund) && (
        <div class="order-grid">
          {mayFulfil && (
            <form method="post" action={action('fulfil')} class="panel">
              <CsrfField ctx={ctx} />
              <p>{t.fulfilLead}</p>
              <button type="submit" class="button">
                {t.fulfil}
              </button>
            </form>
          )}
          {mayCancel && (
            <form method="post" action={action('cancel')} class="panel">
              <CsrfField ctx={ctx} />
              <p>{t.cancelLead}</p>
              <button type="submit" class="button button--danger">
                {t.cancel}
              </button>
            </form>
          )}
          {mayRefund && (
            <form method="post" action={action('refund')} class="panel" novalidate>
              <CsrfField ctx={ctx} />
              <h2>{t.refund}</h2>
              <p class="muted small">{t.refundLead(money(detail.refundableCents))}</p>
              <div class="field">
                <label for="refund-amount">{t.refundAmount}</label>
                <input
                  id="refund-amount"
                  name="amount"
                  inputMode="decimal"
                  value={props.state?.values?.amount ?? (detail.refundableCents / 100).toFixed(2)}
                  aria-invalid={fieldError('amount') ? 'true' : undefined}
                  aria-describedby={fieldError('amount') ? 'refund-amount-error' : undefined}
                />
                {fieldError('amount') && (
                  <p class="field-error" id="refund-amount-error">
                    {fieldError('amount')}
                  </p>
                )}
              </div>
              <div class="field">
                <label for="refund-reason">{t.refundReason}</label>
                <select id="refund-reason" name="reason">
                  {staffRefundReasons.map((reason) => (
                    <option key={reason} value={reason} selected={props.state?.values?.reason === reason}>
                      {t.reasons[reason]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button">
                {t.doRefund}
              </button>
            </form>
          )}
        </div>
      )}

      {detail.documents.length > 0 && (
        <section>
          <h2>{t.documents}</h2>
          <ul class="plain-list">
            {detail.documents.map((document) => (
              <li key={document.id}>
                <a href={props.documentUrl(document.id)}>
                  {document.kind === 'invoice' ? t.invoice : t.creditNote} {document.number}
                </a>{' '}
                <span class="muted small">
                  {date(document.issuedAt)} · {money(document.totalCents)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2>{t.attempts}</h2>
        <ScrollTable label={t.attempts} headers={[t.when, t.state, t.amount]}>
          {detail.payments.map((payment) => (
            <tr key={payment.id}>
              <td>{date(payment.created_at)}</td>
              <td>
                {t.paymentStates[payment.state]}
                {payment.failure && <span class="muted small"> · {payment.failure}</span>}
              </td>
              <td class="num">{money(payment.amount_cents)}</td>
            </tr>
          ))}
        </ScrollTable>
      </section>

      {detail.refunds.length > 0 && (
        <section>
          <h2>{t.refunds}</h2>
          <ScrollTable label={t.refunds} headers={[t.when, t.amount, t.reason, t.state]}>
            {detail.refunds.map((refund) => (
              <tr key={refund.id}>
                <td>{date(refund.created_at)}</td>
                <td class="num">{money(refund.amount_cents)}</td>
                <td>{t.reasons[refund.reason as RefundReason] ?? refund.reason}</td>
                <td>{t.refundStates[refund.state]}</td>
              </tr>
            ))}
          </ScrollTable>
        </section>
      )}

      {detail.disputes.length > 0 && (
        <section>
          <h2>{t.disputes}</h2>
          {detail.disputes.map((dispute) => (
            <div class="panel" key={dispute.id}>
              <p>
                {date(dispute.opened_at)} · {money(dispute.amount_cents)} · {t.disputeStates[dispute.state]}
                {dispute.reason && <span class="muted small"> · {dispute.reason}</span>}
              </p>
              {mayEvidence ? (
                <form method="post" action={action(`disputes/${dispute.id}/evidence`)}>
                  <CsrfField ctx={ctx} />
                  <div class="field">
                    <label for={`evidence-${dispute.id}`}>{t.evidence}</label>
                    <textarea id={`evidence-${dispute.id}`} name="notes" rows={5} maxLength={8000}>
                      {dispute.evidence_notes ?? ''}
                    </textarea>
                  </div>
                  <button type="submit" class="button button--secondary">
                    {t.saveEvidence}
                  </button>
                </form>
              ) : (
                dispute.evidence_notes && <p>{dispute.evidence_notes}</p>
              )}
            </div>
          ))}
        </section>
      )}
    </StaffLayout>
  );
}
