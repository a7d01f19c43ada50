import type { Locale } from '../../../platform/http/i18n.js';
import { formatDate, formatMoney } from '../../../platform/format.js';
import { paths } from '../../../web/paths.js';
import type { Product } from '../product.js';
import { ProductCover } from './product-cover.js';
import { ProductImage } from './product-photo.js';
import { productWording } from './product-wording.js';

export function ProductCard(props: { product: Product; locale: Locale }) {
  const { product, locale } = props;
  const w = productWording[locale];
  const facts = [
    product.startsAt ? w.startsOn(formatDate(product.startsAt, locale)) : undefined,
    product.format ? w.format[product.format] : undefined,
    product.durationHours ? w.hours(product.durationHours) : undefined,
  ].filter(Boolean);
  return (
    <article class="card">
      <a class="card-link" href={paths.product(locale, product.slug)}>
        {product.photos[0] ? (
          <ProductImage photo={product.photos[0]} class="cover cover--photo" />
        ) : (
          <ProductCover cover={product.cover} id={`card-${product.slug}`} />
        )}
        <div class="card-body">
          <p class="badge-row">
            <span class={`badge badge--${product.kind}`}>{w.kind[product.kind]}</span>
            {product.level && <span class="badge badge--quiet">{w.level[product.level]}</span>}
          </p>
          <h3 class="card-title">{product.name}</h3>
          <p class="card-summary">{product.summary}</p>
          {facts.length > 0 && <p class="card-facts">{facts.join(' · ')}</p>}
          <p class="card-price">{formatMoney(product.priceCents, product.currency, locale)}</p>
        </div>
      </a>
    </article>
  );
}
