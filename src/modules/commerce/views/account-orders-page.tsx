import { formatDate, formatMoney } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { AccountLayout } from '../../members/index.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { Order } from '../order.js';
import { statusWording } from './order-page.js';

const text = defineWording({
  en: {
    title: 'Your orders',
    lead: 'Everything you bought, with its invoice. Orders you placed as a guest with this account’s address are here too.',
    none: 'You have not ordered anything yet.',
    browse: 'Browse the catalog',
    order: 'Order',
    date: 'Date',
    items: 'Items',
    total: 'Total',
    status: 'Status',
  },
  fr: {
    title: 'Vos commandes',
    lead: 'Tout ce que vous avez acheté, avec sa facture. Les commandes passées sans compte avec l’adresse de ce compte y figurent aussi.',
    none: 'Vous n’avez encore rien commandé.',
    browse: 'Parcourir le catalogue',
    order: 'Commande',
    date: 'Date',
    items: 'Articles',
    total: 'Total',
    status: 'État',
  },
});

export function AccountOrdersPage(props: { ctx: PageContext; username: string; orders: Order[] }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <AccountLayout ctx={ctx} title={t.title} username={props.username}>
      <div>
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        {props.orders.length === 0 ? (
          <div class="panel center">
            <p>{t.none}</p>
            <a class="button" href={paths.catalog(ctx.locale)}>
              {t.browse}
            </a>
          </div>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t.order}</th>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.items}</th>
                <th scope="col" class="num">
                  {t.total}
                </th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {props.orders.map((order) => (
                <tr key={order.id}>
                  <td>
                    <a href={paths.order(ctx.locale, order.id)}>{order.id}</a>
                  </td>
                  <td>{formatDate(order.createdAt, ctx.locale)}</td>
                  <td>{order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
                  <td class="num">{formatMoney(order.totalCents, order.currency, ctx.locale)}</td>
                  <td>{statusWording[ctx.locale][order.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AccountLayout>
  );
}
