import { defineWording } from '../../platform/http/i18n.js';
import { Layout } from '../../web/components/layout.js';
import type { PageContext } from '../../web/page-context.js';
import { paths } from '../../web/paths.js';
import type { PersonalTable } from '../core/declare.js';
import { formatDuration } from '../core/duration.js';
import { dataCategories, dataSubjects, eraseStrategies, legalBases, purposes } from '../core/vocabulary.js';

const text = defineWording({
  en: {
    title: 'Privacy policy',
    intro: 'This page is generated from the declarations in the code that runs this shop: it lists exactly the personal data the system is built to keep, why, and for how long.',
    controller: 'Who is responsible for your data',
    controllerText: (name: string) => `${name} is the data controller for the personal data described here.`,
    whatTitle: 'What we keep, why, and for how long',
    about: 'About',
    data: 'Data',
    why: 'Purposes',
    basis: 'Legal basis',
    kept: 'Kept for',
    onErasure: 'On request, the data is',
    colon: ': ',
    cookiesTitle: 'Cookies',
    cookiesText: 'We only use the cookies listed on our cookie page, each with its purpose and duration.',
    cookiesLink: 'See the cookies we use',
    rightsTitle: 'Your rights',
    rightsText: 'You may ask to access, correct or delete the personal data we hold about you, to restrict or object to its use, and withdraw any consent you gave, at any time.',
    rightsHow: 'Write to us by email or by post:',
    complaint: 'You may also lodge a complaint with the CNIL (www.cnil.fr), the French data protection authority.',
  },
  fr: {
    title: 'Politique de confidentialité',
    intro: 'Cette page est générée à partir des déclarations du code qui fait fonctionner cette boutique : elle liste exactement les données personnelles que le système est conçu pour conserver, pourquoi, et pour combien de temps.',
    controller: 'Qui est responsable de vos données',
    controllerText: (name: string) => `${name} est responsable du traitement des données personnelles décrites ici.`,
    whatTitle: 'Ce que nous conservons, pourquoi et combien de temps',
    about: 'Concerne',
    data: 'Données',
    why: 'Finalités',
    basis: 'Base légale',
    kept: 'Conservées',
    onErasure: 'Sur demande, les données sont',
    colon: '\u00a0: ',
    cookiesTitle: 'Cookies',
    cookiesText: 'Nous n’utilisons que les cookies listés sur notre page dédiée, chacun avec sa finalité et sa durée.',
    cookiesLink: 'Voir les cookies utilisés',
    rightsTitle: 'Vos droits',
    rightsText: 'Vous pouvez à tout moment demander l’accès, la rectification ou la suppression des données personnelles que nous détenons sur vous, en limiter l’usage ou vous y opposer, et retirer un consentement donné.',
    rightsHow: 'Écrivez-nous par e-mail ou par courrier :',
    complaint: 'Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).',
  },
});

export function PolicyPage(props: { ctx: PageContext; tables: { name: string; declaration: PersonalTable }[] }) {
  const { ctx } = props;
  const { locale, shop } = ctx;
  const t = text[locale];
  return (
    <Layout ctx={ctx} title={t.title}>
      <section class="page-head">
        <div class="container narrow">
          <h1>{t.title}</h1>
          <p class="lead">{t.intro}</p>
        </div>
      </section>
      <div class="container narrow prose">
        <h2>{t.controller}</h2>
        <p>{t.controllerText(shop.name)}</p>
        <address>
          {shop.name}, {shop.address.street}, {shop.address.postalCode} {shop.address.city}, {shop.address.country}
          <br />
          <a href={`mailto:${shop.email}`}>{shop.email}</a>
        </address>

        <h2>{t.whatTitle}</h2>
        {props.tables.map(({ name, declaration: table }) => {
          const categories = [...new Set(Object.values(table.columns).map((column) => column.category))];
          return (
            <section class="policy-entry" key={name} id={`data-${name}`}>
              <h3>{table.description[locale]}</h3>
              <dl class="policy-facts">
                <dt>{t.about}</dt>
                <dd>{table.subjects.map((s) => dataSubjects[s][locale]).join(', ')}</dd>
                <dt>{t.data}</dt>
                <dd>{categories.map((c) => dataCategories[c][locale]).join(' ; ')}</dd>
                <dt>{t.why}</dt>
                <dd>{table.purposes.map((p) => purposes[p][locale]).join(' ; ')}</dd>
                <dt>{t.basis}</dt>
                <dd>
                  {legalBases[table.basis][locale]} (RGPD/GDPR art. {legalBases[table.basis].article})
                </dd>
                <dt>{t.kept}</dt>
                <dd>
                  {formatDuration(table.retention.keep, locale)}
                  {t.colon}
                  {table.retention.reason[locale]}
                </dd>
                <dt>{t.onErasure}</dt>
                <dd>{eraseStrategies[table.erase][locale]}</dd>
              </dl>
            </section>
          );
        })}

        <h2>{t.cookiesTitle}</h2>
        <p>
          {t.cookiesText} <a href={paths.cookies(locale)}>{t.cookiesLink}</a>
        </p>

        <h2>{t.rightsTitle}</h2>
        <p>{t.rightsText}</p>
        <p>{t.rightsHow}</p>
        <address>
          <a href={`mailto:${shop.email}`}>{shop.email}</a>
          <br />
          {shop.name}, {shop.address.street}, {shop.address.postalCode} {shop.address.city}
        </address>
        <p>{t.complaint}</p>
      </div>
    </Layout>
  );
}
