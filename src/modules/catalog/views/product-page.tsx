import { FactList } from '../../../web/components/fact-list.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/components/layout.js';
import { formatDate, formatMoney } from '../../../platform/format.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { Product, ProductOffer, ProductPhoto } from '../product.js';
import { CsrfField } from '../../../web/components/form.js';
import { ProductCover } from './product-cover.js';
import { ProductImage } from './product-photo.js';
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
    photos: 'More photos',
    fullSize: 'full size',
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
    photos: 'Autres photos',
    fullSize: 'taille réelle',
  },
});

export function ProductPage(props: { ctx: PageContext; product: Product; publicUrl: string }) {
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
      {/* The whole page is rendered once per loaded product (catalog/routes.tsx, web/page-template.ts):
          the catalog reloads a product when its stock or seats change, so what is left is current. */}
      <article class="container product">
        <div class="product-intro">
          <ProductIntro product={product} />
        </div>
        <aside class="product-aside">
          <BuyBox ctx={ctx} product={product} />
        </aside>
        <div class="product-body">
          <ProductBody product={product} />
        </div>
      </article>
      <StructuredData ctx={ctx} product={product} publicUrl={props.publicUrl} />
    </Layout>
  );
}

function ProductIntro(props: { product: Product }) {
  const { product } = props;
  const w = productWording[product.locale];
  const [main, ...more] = product.photos;
  return (
    <>
      {main ? (
        <ProductPhotos main={main} more={more} locale={product.locale} />
      ) : (
        <ProductCover cover={product.cover} id={`page-${product.slug}`} large />
      )}
      <p class="badge-row">
        <span class={`badge badge--${product.kind}`}>{w.kind[product.kind]}</span>
      </p>
      <h1>{product.name}</h1>
      <p class="lead">{product.summary}</p>
    </>
  );
}

/**
 * The main photo, large, and the others below it, smaller; each opens full size (a plain link:
 * no script needed). The main one is fetched at once, the others as they come near the screen.
 */
function ProductPhotos(props: { main: ProductPhoto; more: ProductPhoto[]; locale: Product['locale'] }) {
  const t = text[props.locale];
  return (
    <div class="product-photos">
      <a class="product-photo-link" href={props.main.url}>
        <ProductImage photo={props.main} class="product-photo" eager />
        <span class="visually-hidden"> ({t.fullSize})</span>
      </a>
      {props.more.length > 0 && (
        <ul class="product-gallery" aria-label={t.photos}>
          {props.more.map((photo) => (
            <li key={photo.url}>
              <a class="product-photo-link" href={photo.url}>
                <ProductImage photo={photo} class="product-gallery-photo" />
                <span class="visually-hidden"> ({t.fullSize})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProductBody(props: { product: Product }) {
  const { product } = props;
  const t = text[product.locale];
  return (
    <>
      {product.description.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph.slice(0, 24)}>{paragraph}</p>
      ))}
      {product.highlights.length > 0 && (
        <>
          <h2>{product.kind !== 'product' ? t.learn : t.inside}</h2>
          <ul class="checklist">
            {product.highlights.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** How many are left, in words: "3 seats left", "Sold out", "In stock". */
function availabilityText(locale: PageContext['locale'], offer: ProductOffer, session: boolean): string {
  const w = productWording[locale];
  if (!offer.onSale) return offer.available === 0 ? w.soldOut : w.closed;
  if (offer.available === null) return w.inStock;
  if (session) return w.seatsLeft(offer.available);
  return offer.available <= 5 ? w.fewLeft(offer.available) : w.inStock;
}

/** Price, facts, the choice of session or size, quantity and the Add to cart button: a plain form. */
function BuyBox(props: { ctx: PageContext; product: Product }) {
  const { ctx, product } = props;
  const locale = ctx.locale;
  const t = text[locale];
  const w = productWording[locale];
  const session = product.kind !== 'product';
  const facts: [string, string][] = [];
  if (product.level) facts.push([t.level, w.level[product.level]]);
  if (product.format) facts.push([t.format, w.format[product.format]]);
  if (product.durationHours) facts.push([t.duration, w.hours(product.durationHours)]);
  const offers = product.offers;
  const buyable = offers.filter((offer) => offer.onSale);
  const single = offers.length === 1 ? offers[0] : undefined;
  const prices = offers.map((offer) => offer.priceCents);
  const from = Math.min(...(prices.length ? prices : [product.priceCents]));
  const mailto = `mailto:${ctx.shop.email}?subject=${encodeURIComponent(t.askSubject(product.name))}`;
  return (
    <div class="buy-box">
      <p class="price">
        {prices.some((price) => price !== from) && <span class="small">{w.from} </span>}
        {formatMoney(from, product.currency, locale)}
      </p>
      <p class="muted small">{w.vatIncluded}</p>
      <FactList facts={facts} />
      {offers.length === 0 ? (
        <p>{w.noSession}</p>
      ) : (
        <form method="post" action={paths.cartAdd(locale)} class="buy-form">
          <CsrfField ctx={ctx} />
          {single ? (
            <>
              {single.onSale && <input type="hidden" name="offer" value={single.id} />}
              {session && single.startsAt && <SessionFacts locale={locale} offer={single} />}
              <p class={single.onSale ? 'availability' : 'availability availability--out'}>
                {availabilityText(locale, single, session)}
              </p>
            </>
          ) : (
            <fieldset class="offer-choice">
              <legend>{session ? w.chooseSession : w.chooseSize}</legend>
              {offers.map((offer) => (
                <label key={offer.id} class={offer.onSale ? 'offer-option' : 'offer-option offer-option--out'}>
                  <input
                    type="radio"
                    name="offer"
                    value={offer.id}
                    disabled={!offer.onSale}
                    checked={offer.id === buyable[0]?.id}
                    required
                  />
                  <span class="offer-text">
                    {session && offer.startsAt ? (
                      <SessionFacts locale={locale} offer={offer} />
                    ) : (
                      <span class="offer-label">{offer.label}</span>
                    )}
                    <span class={offer.onSale ? 'availability' : 'availability availability--out'}>
                      {availabilityText(locale, offer, session)}
                      {offer.priceCents !== from && ` · ${formatMoney(offer.priceCents, product.currency, locale)}`}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {buyable.length > 0 && (
            <>
              <div class="field quantity-field">
                <label for="buy-quantity">{session ? w.seatsWanted : w.quantity}</label>
                <input
                  id="buy-quantity"
                  class="quantity-input"
                  type="number"
                  name="quantity"
                  min="1"
                  max="20"
                  value="1"
                />
              </div>
              <button type="submit" class="button button--block button--large">
                {w.addToCart}
              </button>
            </>
          )}
        </form>
      )}
      <p class="muted small center">
        <a href={mailto}>{t.ask}</a> · {t.reply}
      </p>
    </div>
  );
}

function SessionFacts(props: { locale: PageContext['locale']; offer: ProductOffer }) {
  const { locale, offer } = props;
  const w = productWording[locale];
  return (
    <span class="session-facts">
      <strong>{formatDate(offer.startsAt as string, locale, true)}</strong>
      {offer.schedule && <span class="offer-label">{offer.schedule}</span>}
      <span class="offer-label">{offer.online ? w.online : (offer.place ?? '')}</span>
    </span>
  );
}

/**
 * What search engines read (schema.org): a Product with its offers, or a Course with its
 * sessions (CourseInstance). Prices as decimal strings; "<" escaped so the JSON cannot end the
 * script element.
 */
function StructuredData(props: { ctx: PageContext; product: Product; publicUrl: string }) {
  // A data block, not a script: the browser never runs it, so it needs no nonce.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: structuredDataJson(props) }} />;
}

function structuredDataJson(props: { ctx: PageContext; product: Product; publicUrl: string }): string {
  const { ctx, product } = props;
  const url = props.publicUrl + paths.product(ctx.locale, product.slug);
  // Search engines want the photos' absolute addresses; a product without photos names none.
  const image = product.photos.length > 0 ? { image: product.photos.map((photo) => props.publicUrl + photo.url) } : {};
  const price = (cents: number) => (cents / 100).toFixed(2);
  const availability = (offer: ProductOffer) =>
    !offer.onSale
      ? 'https://schema.org/SoldOut'
      : offer.available !== null && offer.available <= 5
        ? 'https://schema.org/LimitedAvailability'
        : 'https://schema.org/InStock';
  const offerData = (offer: ProductOffer) => ({
    '@type': 'Offer',
    price: price(offer.priceCents),
    priceCurrency: product.currency,
    availability: availability(offer),
    url,
    ...(offer.label ? { name: offer.label } : {}),
  });
  const data =
    product.kind === 'product'
      ? {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: product.name,
          description: product.summary,
          url,
          ...image,
          brand: { '@type': 'Brand', name: ctx.shop.name },
          offers: product.offers.map(offerData),
        }
      : {
          '@context': 'https://schema.org',
          '@type': 'Course',
          name: product.name,
          description: product.summary,
          url,
          ...image,
          provider: { '@type': 'Organization', name: ctx.shop.name },
          offers: product.offers.map(offerData),
          hasCourseInstance: product.offers
            .filter((offer) => offer.startsAt)
            .map((offer) => ({
              '@type': 'CourseInstance',
              courseMode: offer.online ? 'online' : 'onsite',
              startDate: offer.startsAt,
              ...(offer.endsAt ? { endDate: offer.endsAt } : {}),
              ...(offer.online
                ? { location: { '@type': 'VirtualLocation', url } }
                : offer.place
                  ? { location: { '@type': 'Place', address: offer.place } }
                  : {}),
              offers: offerData(offer),
            })),
        };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
