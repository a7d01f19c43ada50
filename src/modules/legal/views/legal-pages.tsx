import { FactList } from '../../../web/components/fact-list.js';
import { formatDate } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import type { SellerIdentity } from '../../../platform/settings/seller-identity.js';
import { Layout } from '../../../web/components/layout.js';
import { PageHeader } from '../../../web/components/page-header.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { TermsVersion } from '../legal-service.js';

const text = defineWording({
  en: {
    notice: 'Legal notice',
    noticeLead: 'Who publishes this site, and who hosts it.',
    publisher: 'Publisher',
    company: 'Company',
    form: 'Legal form',
    office: 'Registered office',
    registration: 'Registration',
    vat: 'EU VAT number',
    contact: 'Contact',
    director: 'Publication director',
    host: 'Host',
    mediator: 'Consumer mediator',
    terms: 'Terms of sale',
    termsLead: 'What you agree to when you order: prices, payment, delivery, your right of withdrawal and guarantees.',
    inForce: (version: string, date: string) => `Version ${version}, in force since ${date}.`,
    older: (version: string, date: string) =>
      `Version ${version}, published on ${date}. This is an earlier version: it applies to the orders placed while it was in force.`,
    current: 'Read the terms in force',
    contents: 'Contents',
    privacy: 'Privacy policy',
  },
  fr: {
    notice: 'Mentions légales',
    noticeLead: 'Qui édite ce site, et qui l’héberge.',
    publisher: 'Éditeur',
    company: 'Société',
    form: 'Forme juridique',
    office: 'Siège social',
    registration: 'Immatriculation',
    vat: 'N° de TVA intracommunautaire',
    contact: 'Contact',
    director: 'Directeur de la publication',
    host: 'Hébergeur',
    mediator: 'Médiateur de la consommation',
    terms: 'Conditions générales de vente',
    termsLead:
      'Ce que vous acceptez en commandant : prix, paiement, livraison, votre droit de rétractation et les garanties.',
    inForce: (version: string, date: string) => `Version ${version}, en vigueur depuis le ${date}.`,
    older: (version: string, date: string) =>
      `Version ${version}, publiée le ${date}. C’est une version antérieure : elle s’applique aux commandes passées pendant qu’elle était en vigueur.`,
    current: 'Lire les conditions en vigueur',
    contents: 'Sommaire',
    privacy: 'Politique de confidentialité',
  },
});

/** Mentions légales (LCEN art. 6-III): the publisher, the publication director, the host. */
export function LegalNoticePage(props: { ctx: PageContext; seller: SellerIdentity }) {
  const { ctx, seller } = props;
  const { locale, shop } = ctx;
  const t = text[locale];
  const address = `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}, ${shop.address.country}`;
  const facts: [string, string][] = [
    [t.company, seller.companyName],
    [t.form, seller.legalForm[locale]],
    [t.office, address],
    [t.registration, `${seller.registration} · SIRET ${seller.siret}`],
    [t.vat, seller.vatNumber],
    [t.contact, `${shop.email} · ${seller.phone}`],
    [t.director, seller.publicationDirector],
  ];
  return (
    <Layout ctx={ctx} title={t.notice}>
      <PageHeader title={t.notice} lead={t.noticeLead} narrow />
      <div class="container narrow prose">
        <h2>{t.publisher}</h2>
        <FactList facts={facts} />
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
          <a href={seller.mediator.website} rel="noopener">
            {seller.mediator.website}
          </a>
        </address>
        <p>
          <a href={paths.termsOfSale(locale)}>{t.terms}</a> · <a href={paths.privacy(locale)}>{t.privacy}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The terms of sale in force, or an earlier version a buyer accepted (`current` false). */
export function TermsPage(props: { ctx: PageContext; terms: TermsVersion; current: boolean }) {
  const { ctx, terms } = props;
  const { locale } = ctx;
  const t = text[locale];
  const date = formatDate(terms.publishedAt, locale);
  const sections = terms.sections[locale];
  return (
    <Layout ctx={ctx} title={t.terms}>
      <PageHeader title={t.terms} lead={t.termsLead} narrow />
      <div class="container narrow prose">
        {props.current ? (
          <p class="muted">{t.inForce(terms.version, date)}</p>
        ) : (
          <div class="notice" role="note">
            <p>{t.older(terms.version, date)}</p>
            <p>
              <a href={paths.termsOfSale(locale)}>{t.current}</a>
            </p>
          </div>
        )}
        <nav class="policy-contents" aria-label={t.contents}>
          <ul>
            {sections.map((section, index) => (
              <li key={section.title}>
                <a href={`#article-${index + 1}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
        {sections.map((section, index) => (
          <section key={section.title} id={`article-${index + 1}`}>
            <h2>{section.title}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  );
}
