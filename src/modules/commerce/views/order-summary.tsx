import { formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { formatVatRate, type VatShare } from '../../../platform/vat.js';
import type { PageContext } from '../../../web/page-context.js';

const text = defineWording({
  en: {
    total: 'Total (VAT included)',
    vatAt: (rate: string) => `of which VAT at ${rate}`,
    summary: 'Summary',
  },
  fr: {
    total: 'Total TTC',
    vatAt: (rate: string) => `dont TVA à ${rate}`,
    summary: 'Récapitulatif',
  },
});

/** The totals of a cart or an order: what it costs, VAT included, and the VAT at each rate. */
export function Totals(props: { ctx: PageContext; totalCents: number; vat: VatShare[]; currency: string }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const money = (cents: number) => formatMoney(cents, props.currency, ctx.locale);
  return (
    <dl class="totals">
      {props.vat.map((share) => (
        <div class="totals-row totals-row--vat" key={share.rateBasisPoints}>
          <dt>{t.vatAt(formatVatRate(share.rateBasisPoints, ctx.locale))}</dt>
          <dd>{money(share.vatCents)}</dd>
        </div>
      ))}
      <div class="totals-row totals-row--total">
        <dt>{t.total}</dt>
        <dd>{money(props.totalCents)}</dd>
      </div>
    </dl>
  );
}

/** One line of a cart or order, as the buyer reads it. */
export function LineName(props: { name: string; label: string | null }) {
  return (
    <>
      <span class="line-name">{props.name}</span>
      {props.label && <span class="line-label">{props.label}</span>}
    </>
  );
}
