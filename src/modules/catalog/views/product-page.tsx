import { defineWording } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/components/layout.js';
import { formatDate, formatMoney } from '../../../platform/format.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { renderOnce } from '../../../web/render-once.js';
import type { Product } from '../product.js';
import { ProductCover } from './product-cover.js';
import { productWording } from './product-wording.js';

const text = defineWording({
  en: {
    home: 'Home',
    catalog: 'Catalog',
    breadcrumb: 'Breadcrumb',
    learn: 'What you will learn',
    inside: 'Details',
    level: 'Level',
    format: 'Format',
    duration: 'Duration',
    start: 'Next session',
    seats: 'Group size',
    availability: 'Availability',
    ask: 'Ask us about it',
    askSubject: (name: string) => `Question about ${name}`,
    reply: 'We answer within one working day.',
  },
  fr: {
    home: 'Accueil',
    catalog: 'Catalogue',
    breadcrumb: 'Fil d’Ariane',
    learn: 'Ce que vous apprendrez',
    inside: 'Détails',
    level: 'Niveau',
    format: 'Format',
    duration: 'Durée',
    start: 'Prochaine session',
    seats: 'Taille du groupe',
    availability: 'Disponibilité',
    ask: 'Nous poser une question',
    askSubject: (name: string) => `Question sur ${name}`,
    reply: 'Nous répondons sous un jour ouvré.',
  },
});

export function ProductPage(props: { ctx: PageContext; product: Product }) {
  const { ctx, product } = props;
  const t = text[ctx.locale];
  const w = productWording[ctx.locale];
  return (
    <Layout ctx={ctx} title={product.name} description={product.summary}>
      <div class="container">
        <nav class="breadcrumb" aria-label={t.breadcrumb}>
          <a href={paths.home(ctx.locale)}>{t.home}</a>
          <span aria-hidden="true">/</span>
          <a href={paths.catalog(ctx.locale)}>{t.catalog}</a>
          <span aria-hidden="true">/</span>
          <a href={`${paths.catalog(ctx.locale)}?kind=${product.kind}`}>{w.kinds[product.kind]}</a>
        </nav>
      </div>
      {/* The product itself is the same for every visitor: rendered once per loaded product. */}
      <article
        class="container product"
        dangerouslySetInnerHTML={{
          __html: renderOnce(product, `product:${ctx.shop.email}`, () => (
            <ProductDetails product={product} shopEmail={ctx.shop.email} />
          )),
        }}
      />
    </Layout>
  );
}

function ProductDetails(props: { product: Product; shopEmail: string }) {
  const { product } = props;
  const locale = product.locale;
  const t = text[locale];
  const w = productWording[locale];
  const learning = product.kind !== 'product';
  const facts: [string, string][] = [];
  if (product.level) facts.push([t.level, w.level[product.level]]);
  if (product.format) facts.push([t.format, w.format[product.format]]);
  if (product.durationHours) facts.push([t.duration, w.hours(product.durationHours)]);
  if (product.startsAt) facts.push([t.start, formatDate(product.startsAt, locale, true)]);
  if (product.seats) facts.push([t.seats, w.seats(product.seats)]);
  if (product.stock !== null) facts.push([t.availability, product.stock > 0 ? w.inStock : w.outOfStock]);
  const mailto = `mailto:${props.shopEmail}?subject=${encodeURIComponent(t.askSubject(product.name))}`;

  return (
    <>
      <div class="product-intro">
        <ProductCover cover={product.cover} id={`page-${product.slug}`} large />
        <p class="badge-row">
          <span class={`badge badge--${product.kind}`}>{w.kind[product.kind]}</span>
        </p>
        <h1>{product.name}</h1>
        <p class="lead">{product.summary}</p>
      </div>
      {/* Before the description in the page, so phones show the price right after the summary. */}
      <aside class="product-aside">
        <div class="buy-box">
          <p class="price">{formatMoney(product.priceCents, product.currency, locale)}</p>
          <p class="muted small">{w.vatIncluded}</p>
          <dl class="facts">
            {facts.map(([label, value]) => (
              <div class="fact" key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <a class="button button--block" href={mailto}>
            {t.ask}
          </a>
          <p class="muted small center">{t.reply}</p>
        </div>
      </aside>
      <div class="product-body">
        {product.description.split(/\n\s*\n/).map((paragraph) => (
          <p key={paragraph.slice(0, 24)}>{paragraph}</p>
        ))}
        {product.highlights.length > 0 && (
          <>
            <h2>{learning ? t.learn : t.inside}</h2>
            <ul class="checklist">
              {product.highlights.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
