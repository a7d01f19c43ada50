import type { ComponentChildren } from 'preact';
import { type Locale, defineWording, locales } from '../../platform/http/i18n.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { PageContext } from '../page-context.js';
import { paths } from '../paths.js';
import { Logo } from './logo.js';
import { renderOnce } from '../render-once.js';

const text = defineWording({
  en: {
    skip: 'Skip to content',
    menu: 'Main menu',
    courses: 'Courses',
    workshops: 'Workshops',
    products: 'Shop',
    language: 'Language',
    contact: 'Contact',
    legal: 'Legal',
    privacy: 'Privacy policy',
    cookies: 'Cookies',
    myData: 'Your data: a copy, a correction, an erasure',
    legalNotice: 'Legal notice',
    termsOfSale: 'Terms of sale',
    noTracking: 'No advertising or third-party trackers on this site.',
    signIn: 'Sign in',
    account: 'My account',
    cart: 'Cart',
  },
  fr: {
    skip: 'Aller au contenu',
    menu: 'Menu principal',
    courses: 'Formations',
    workshops: 'Ateliers',
    products: 'Boutique',
    language: 'Langue',
    contact: 'Contact',
    legal: 'Informations légales',
    privacy: 'Politique de confidentialité',
    cookies: 'Cookies',
    myData: 'Vos données : copie, rectification, effacement',
    legalNotice: 'Mentions légales',
    termsOfSale: 'Conditions générales de vente',
    noTracking: 'Aucun traceur publicitaire ni tiers sur ce site.',
    signIn: 'Se connecter',
    account: 'Mon compte',
    cart: 'Panier',
  },
});

const languageNames = { fr: 'Français', en: 'English' } as const;

export function Layout(props: { ctx: PageContext; title: string; description?: string; children: ComponentChildren }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const catalog = paths.catalog(ctx.locale);
  const year = new Date().getUTCFullYear();
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === ctx.shop.name ? props.title : `${props.title} · ${ctx.shop.name}`}</title>
        <meta name="description" content={props.description ?? ctx.shop.tagline[ctx.locale]} />
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/favicon.ico" />
        {ctx.indexing.noindex ? (
          <meta name="robots" content="noindex" />
        ) : (
          <>
            <link rel="canonical" href={ctx.indexing.canonical} />
            {ctx.indexing.languages.map((language) => (
              <link key={language.hreflang} rel="alternate" hrefLang={language.hreflang} href={language.href} />
            ))}
          </>
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skip}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={paths.home(ctx.locale)}>
              <Logo />
              <span>{ctx.shop.name}</span>
            </a>
            <nav class="main-nav" aria-label={t.menu}>
              <a href={`${catalog}?kind=course`}>{t.courses}</a>
              <a href={`${catalog}?kind=workshop`}>{t.workshops}</a>
              <a href={`${catalog}?kind=product`}>{t.products}</a>
            </nav>
            <nav class="language-switch" aria-label={t.language}>
              {locales.map((locale) =>
                locale === ctx.locale ? (
                  <span key={locale} class="current" aria-current="true" title={languageNames[locale]}>
                    {locale.toUpperCase()}
                  </span>
                ) : (
                  <a
                    key={locale}
                    href={ctx.alternates?.[locale] ?? paths.home(locale)}
                    hrefLang={locale}
                    lang={locale}
                    title={languageNames[locale]}
                  >
                    {locale.toUpperCase()}
                  </a>
                ),
              )}
            </nav>
            <a class="header-account" href={ctx.signedIn ? paths.account(ctx.locale) : paths.signIn(ctx.locale)}>
              <AccountIcon />
              {ctx.signedIn ? t.account : t.signIn}
            </a>
            <a class="header-cart" href={paths.cart(ctx.locale)}>
              <CartIcon />
              {t.cart}
            </a>
          </div>
        </header>
        <main id="main">{props.children}</main>
        {/* The same for every visitor in a language: rendered once per shop identity and year. */}
        <footer
          class="site-footer"
          dangerouslySetInnerHTML={{
            __html: renderOnce(ctx.shop, `footer:${ctx.locale}:${year}`, () => (
              <FooterContent locale={ctx.locale} shop={ctx.shop} year={year} />
            )),
          }}
        />
      </body>
    </html>
  );
}

/** A 20 px line icon of the header, drawn in the text's colour. */
function HeaderIcon(props: { children: ComponentChildren }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {props.children}
    </svg>
  );
}

function CartIcon() {
  return (
    <HeaderIcon>
      <path d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h9.3a1 1 0 0 0 1-.8L21 8H6.2" />
      <circle cx="9.5" cy="20" r="1.3" />
      <circle cx="17.5" cy="20" r="1.3" />
    </HeaderIcon>
  );
}

function AccountIcon() {
  return (
    <HeaderIcon>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8" />
    </HeaderIcon>
  );
}

function FooterContent(props: { locale: Locale; shop: ShopIdentity; year: number }) {
  const { locale, shop } = props;
  const t = text[locale];
  return (
    <>
      <div class="container footer-grid">
        <div>
          <a class="brand brand--footer" href={paths.home(locale)}>
            <Logo />
            <span>{shop.name}</span>
          </a>
          <p class="muted">{shop.tagline[locale]}</p>
        </div>
        <div>
          <h2 class="footer-title">{t.contact}</h2>
          <address>
            {shop.address.street}
            <br />
            {shop.address.postalCode} {shop.address.city}, {shop.address.country}
            <br />
            <a href={`mailto:${shop.email}`}>{shop.email}</a>
          </address>
        </div>
        <div>
          <h2 class="footer-title">{t.legal}</h2>
          <ul class="plain-list">
            <li>
              <a href={paths.privacy(locale)}>{t.privacy}</a>
            </li>
            <li>
              <a href={paths.cookies(locale)}>{t.cookies}</a>
            </li>
            <li>
              <a href={paths.privacyRequestForm(locale)}>{t.myData}</a>
            </li>
            <li>
              <a href={paths.termsOfSale(locale)}>{t.termsOfSale}</a>
            </li>
            <li>
              <a href={paths.legalNotice(locale)}>{t.legalNotice}</a>
            </li>
          </ul>
        </div>
      </div>
      <div class="container footer-bottom">
        <p class="muted small">{t.noTracking}</p>
        <p class="muted small">
          © {props.year} {shop.name}
        </p>
      </div>
    </>
  );
}
