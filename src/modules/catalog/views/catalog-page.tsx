import { defineWording } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/components/layout.js';
import { PageHeader } from '../../../web/components/page-header.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { type Product, type ProductKind, productKinds } from '../product.js';
import { ProductCard } from './product-card.js';
import { productWording } from './product-wording.js';

const text = defineWording({
  en: {
    title: 'Catalog',
    intro: 'Courses, workshops and a few things for your desk. Prices include VAT.',
    all: 'Everything',
    filter: 'Filter the catalog',
    empty: 'Nothing here at the moment. Come back soon, or write to us.',
    count: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  },
  fr: {
    title: 'Catalogue',
    intro: 'Formations, ateliers et quelques objets pour votre bureau. Prix TTC.',
    all: 'Tout',
    filter: 'Filtrer le catalogue',
    empty: 'Rien pour le moment. Revenez bientôt, ou écrivez-nous.',
    count: (n: number) => (n === 1 ? '1 article' : `${n} articles`),
  },
});

export function CatalogPage(props: { ctx: PageContext; products: Product[]; kind: ProductKind | undefined }) {
  const { ctx, kind } = props;
  const t = text[ctx.locale];
  const w = productWording[ctx.locale];
  const base = paths.catalog(ctx.locale);
  const title = kind ? w.kinds[kind] : t.title;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader title={title} lead={t.intro}>
        <nav class="filters" aria-label={t.filter}>
          <a href={base} class={kind ? 'chip' : 'chip chip--active'} aria-current={kind ? undefined : 'page'}>
            {t.all}
          </a>
          {productKinds.map((k) => (
            <a
              key={k}
              href={`${base}?kind=${k}`}
              class={k === kind ? 'chip chip--active' : 'chip'}
              aria-current={k === kind ? 'page' : undefined}
            >
              {w.kinds[k]}
            </a>
          ))}
        </nav>
      </PageHeader>
      <section class="container section">
        <p class="muted small">{t.count(props.products.length)}</p>
        {props.products.length === 0 ? (
          <p class="notice">{t.empty}</p>
        ) : (
          <div class="card-grid">
            {props.products.map((product) => (
              <ProductCard key={product.id} product={product} locale={ctx.locale} />
            ))}
          </div>
        )}
      </section>
    </Layout>
  );
}
