import { defineWording } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/components/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { Product } from '../product.js';
import { ProductCard } from './product-card.js';

const text = defineWording({
  en: {
    eyebrow: 'Coding school · Paris & online',
    headline: 'Write real code from your very first class.',
    browseCourses: 'Browse courses',
    seeWorkshops: 'One-day workshops',
    featured: 'Starting soon',
    featuredIntro: 'Evening courses, a full-time bootcamp and Saturday workshops, in small groups.',
    allCatalog: 'See the whole catalog',
    whyTitle: 'Why learn with us',
    why: [
      { title: 'Small groups', body: 'Never more than 20 learners per class, so every question gets an answer.' },
      {
        title: 'Working developers',
        body: 'Our teachers build software for a living and teach what they use every day.',
      },
      { title: 'Paris and online', body: 'Join us in the 16th arrondissement or follow live classes from anywhere.' },
    ],
    shopTitle: 'From the shop',
    questions: 'A question before you sign up?',
    writeUs: 'Write to us',
  },
  fr: {
    eyebrow: 'École de code · Paris et en ligne',
    headline: 'Écrivez du vrai code dès votre premier cours.',
    browseCourses: 'Voir les formations',
    seeWorkshops: 'Ateliers d’une journée',
    featured: 'Prochaines sessions',
    featuredIntro: 'Cours du soir, bootcamp à temps plein et ateliers du samedi, en petits groupes.',
    allCatalog: 'Voir tout le catalogue',
    whyTitle: 'Pourquoi apprendre avec nous',
    why: [
      { title: 'Petits groupes', body: 'Jamais plus de 20 apprenants par classe : chaque question trouve sa réponse.' },
      {
        title: 'Des développeurs en activité',
        body: 'Nos formateurs développent des logiciels et enseignent ce qu’ils utilisent chaque jour.',
      },
      {
        title: 'Paris et en ligne',
        body: 'Rejoignez-nous dans le 16e arrondissement ou suivez les cours en direct de n’importe où.',
      },
    ],
    shopTitle: 'La boutique',
    questions: 'Une question avant de vous inscrire ?',
    writeUs: 'Écrivez-nous',
  },
});

export function HomePage(props: { ctx: PageContext; featured: Product[]; shopItems: Product[] }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const learning = props.featured;
  const goods = props.shopItems;
  const catalog = paths.catalog(ctx.locale);
  return (
    <Layout ctx={ctx} title={ctx.shop.name}>
      <section class="hero">
        <div class="container hero-grid">
          <div>
            <p class="eyebrow">{t.eyebrow}</p>
            <h1 class="hero-title">{t.headline}</h1>
            <p class="lead">{ctx.shop.tagline[ctx.locale]}</p>
            <p class="actions">
              <a class="button button--large" href={`${catalog}?kind=course`}>
                {t.browseCourses}
              </a>
              <a class="button button--large button--ghost" href={`${catalog}?kind=workshop`}>
                {t.seeWorkshops}
              </a>
            </p>
          </div>
          <HeroArt />
        </div>
      </section>

      <section class="container section">
        <div class="section-head">
          <div>
            <h2>{t.featured}</h2>
            <p class="muted">{t.featuredIntro}</p>
          </div>
          <a href={catalog}>{t.allCatalog} →</a>
        </div>
        <div class="card-grid">
          {learning.map((product) => (
            <ProductCard key={product.id} product={product} locale={ctx.locale} />
          ))}
        </div>
      </section>

      <section class="band">
        <div class="container section">
          <h2>{t.whyTitle}</h2>
          <div class="feature-grid">
            {t.why.map((item) => (
              <div class="feature" key={item.title}>
                <h3>{item.title}</h3>
                <p>{item.body}</p>
              </div>
            ))}
          </div>
        </div>
      </section>

      {goods.length > 0 && (
        <section class="container section">
          <div class="section-head">
            <h2>{t.shopTitle}</h2>
            <a href={`${catalog}?kind=product`}>{t.allCatalog} →</a>
          </div>
          <div class="card-grid">
            {goods.map((product) => (
              <ProductCard key={product.id} product={product} locale={ctx.locale} />
            ))}
          </div>
        </section>
      )}

      <section class="container section contact-strip">
        <h2>{t.questions}</h2>
        <a class="button button--ghost" href={`mailto:${ctx.shop.email}`}>
          {t.writeUs} · {ctx.shop.email}
        </a>
      </section>
    </Layout>
  );
}

/** A code editor window, drawn in SVG. */
function HeroArt() {
  const line = (y: number, x: number, width: number, color: string) => (
    <rect x={x} y={y} width={width} height="10" rx="5" fill={color} />
  );
  return (
    <svg class="hero-art" viewBox="0 0 480 340" aria-hidden="true" focusable="false">
      <rect x="10" y="10" width="460" height="320" rx="18" fill="#0f172a" />
      <rect x="10" y="10" width="460" height="44" rx="18" fill="#1e293b" />
      <rect x="10" y="40" width="460" height="14" fill="#1e293b" />
      <circle cx="42" cy="32" r="7" fill="#f87171" />
      <circle cx="66" cy="32" r="7" fill="#fbbf24" />
      <circle cx="90" cy="32" r="7" fill="#34d399" />
      {line(80, 40, 90, '#93c5fd')}
      {line(80, 140, 150, '#e2e8f0')}
      {line(108, 70, 120, '#c4b5fd')}
      {line(108, 200, 80, '#fbbf24')}
      {line(136, 70, 200, '#e2e8f0')}
      {line(164, 100, 140, '#6ee7b7')}
      {line(192, 100, 90, '#fca5a5')}
      {line(192, 200, 110, '#e2e8f0')}
      {line(220, 70, 60, '#c4b5fd')}
      {line(248, 40, 30, '#93c5fd')}
      <rect x="80" y="272" width="14" height="24" rx="3" fill="#fbbf24" />
    </svg>
  );
}
