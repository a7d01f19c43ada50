import { formatDate } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import type { SellerIdentity } from '../../../platform/settings/seller-identity.js';
import { FactList } from '../../../web/components/fact-list.js';
import { Layout } from '../../../web/components/layout.js';
import { PageHeader } from '../../../web/components/page-header.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { TermsVersion } from '../legal-service.js';

const text = defineWording({
  en: {
    notice: 'Legal notice',
    noticeLead: 'Who publishes this site, who is responsible for it, and who hosts it.',
    publisher: 'Publisher',
    publishedBy: (shop: string) => `The ${shop} website is published by:`,
    company: 'Company',
    form: 'Legal form and share capital',
    office: 'Registered office',
    registration: 'Registration',
    siret: 'SIRET',
    vat: 'EU VAT number',
    phone: 'Phone',
    email: 'Email',
    director: 'Publication director',
    host: 'Host',
    mediator: 'Consumer mediator',
    terms: 'Terms of sale',
    termsLead:
      'What you agree to when you order: prices, payment, delivery, your right of withdrawal and your guarantees.',
    inForce: (version: string, date: string) => `Version ${version}, in force since ${date}.`,
    earlier: (version: string, date: string) => `Version ${version}, published on ${date}.`,
    earlierNote: 'This version is no longer in force: it is the one accepted with the orders placed while it was.',
    current: 'Read the terms in force',
    privacy: 'Privacy policy',
    cookies: 'Cookies',
  },
  fr: {
    notice: 'Mentions légales',
    noticeLead: 'Qui édite ce site, qui en est responsable et qui l’héberge.',
    publisher: 'Éditeur',
    publishedBy: (shop: string) => `Le site ${shop} est édité par :`,
    company: 'Société',
    form: 'Forme juridique et capital social',
    office: 'Siège social',
    registration: 'Immatriculation',
    siret: 'SIRET',
    vat: 'N° de TVA intracommunautaire',
    phone: 'Téléphone',
    email: 'E-mail',
    director: 'Directeur de la publication',
    host: 'Hébergeur',
    mediator: 'Médiateur de la consommation',
    terms: 'Conditions générales de vente',
    termsLead:
      'Ce que vous acceptez en commandant : prix, paiement, livraison, votre droit de rétractation et vos garanties.',
    inForce: (version: string, date: string) => `Version ${version}, en vigueur depuis le ${date}.`,
    earlier: (version: string, date: string) => `Version ${version}, publiée le ${date}.`,
    earlierNote:
      'Cette version n’est plus en vigueur : c’est celle qui a été acceptée avec les commandes passées pendant qu’elle l’était.',
    current: 'Lire les conditions en vigueur',
    privacy: 'Politique de confidentialité',
    cookies: 'Cookies',
  },
});

/** Mentions légales (LCEN): the publisher, the publication director, the host, all from the settings. */
export function LegalNoticePage(props: { ctx: PageContext; seller: SellerIdentity }) {
  const { ctx, seller } = props;
  const { locale, shop } = ctx;
  const t = text[locale];
  const facts: [string, string][] = [
    [t.company, seller.companyName],
    [t.form, seller.legalForm[locale]],
    [t.office, `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}, ${shop.address.country}`],
    [t.registration, seller.registration],
    [t.siret, seller.siret],
    [t.vat, seller.vatNumber],
    [t.phone, seller.phone],
    [t.email, shop.email],
  ];
  const website = /^https?:\/\/\S+$/i.test(seller.mediator.website) ? seller.mediator.website : undefined;
  return (
    <Layout ctx={ctx} title={t.notice}>
      <PageHeader title={t.notice} lead={t.noticeLead} narrow />
      <div class="container narrow prose">
        <h2>{t.publisher}</h2>
        <p>{t.publishedBy(shop.name)}</p>
        <FactList facts={facts} />
        <h2>{t.director}</h2>
        <p>{seller.publicationDirector}</p>
        <h2>{t.host}</h2>
        <address>
          {seller.host.name}
          <br />
          {seller.host.address}
          <br />
          {seller.host.phone}
        </address>
        <h2>{t.mediator}</h2>
        <address>
          {seller.mediator.name}
          <br />
          {seller.mediator.address}
          <br />
          {website ? (
            <a href={website} rel="noopener">
              {website}
            </a>
          ) : (
            seller.mediator.website
          )}
        </address>
        <p>
          <a href={paths.termsOfSale(locale)}>{t.terms}</a> · <a href={paths.privacy(locale)}>{t.privacy}</a> ·{' '}
          <a href={paths.cookies(locale)}>{t.cookies}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The terms of sale in force (`current`), or an earlier version a buyer accepted, marked as such. */
export function TermsPage(props: { ctx: PageContext; terms: TermsVersion; current: boolean }) {
  const { ctx, terms } = props;
  const { locale } = ctx;
  const t = text[locale];
  const date = formatDate(terms.publishedAt, locale);
  return (
    <Layout ctx={ctx} title={t.terms}>
      <PageHeader title={t.terms} lead={t.termsLead} narrow />
      <div class="container narrow prose">
        {props.current ? (
          <p class="muted">{t.inForce(terms.version, date)}</p>
        ) : (
          <div class="notice" role="note">
            <p class="notice-title">{t.earlier(terms.version, date)}</p>
            <p>{t.earlierNote}</p>
            <p>
              <a href={paths.termsOfSale(locale)}>{t.current}</a>
            </p>
          </div>
        )}
        {/* Rendered and escaped when the version was published (views/terms-text.tsx), stored as it was read. */}
        <div dangerouslySetInnerHTML={{ __html: terms.text[locale] }} />
      </div>
    </Layout>
  );
}
