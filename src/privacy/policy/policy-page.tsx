import { defineWording } from '../../platform/http/i18n.js';
import { Layout } from '../../web/components/layout.js';
import { PageHeader } from '../../web/components/page-header.js';
import type { PageContext } from '../../web/page-context.js';
import { paths } from '../../web/paths.js';
import type { Locale } from '../core/languages.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import { dataCategories, dataSubjects, purposes } from '../core/vocabulary.js';
import { wordBasis, wordErase, wordPeriod } from '../core/wording.js';
import { type PolicyGroup, policyGroups } from './policy-groups.js';

const text = defineWording({
  en: {
    title: 'Privacy policy',
    intro:
      'This page is generated from the declarations in the code that runs this shop: it lists exactly the personal data the system is built to keep, why, and for how long.',
    controller: 'Who is responsible for your data',
    controllerText: (name: string) => `${name} is the data controller for the personal data described here.`,
    whatTitle: 'What we keep, why, and for how long',
    whatIntro:
      'Each part below is one kind of record. For each piece of information in it: why we keep it, on what legal basis, for how long, and what happens if you ask us to erase it.',
    contents: 'Records we keep',
    whose: 'Whose data',
    why: 'Why',
    basis: 'Legal basis',
    kept: 'How long',
    onErasure: 'If you ask us to erase it',
    cookiesTitle: 'Cookies',
    cookiesText: 'We only use the cookies listed on our cookie page, each with its purpose and duration.',
    cookiesLink: 'See the cookies we use',
    rightsTitle: 'Your rights',
    rightsText:
      'You may ask to access, correct or delete the personal data we hold about you, to restrict or object to its use, and withdraw any consent you gave, at any time.',
    rightsSelf:
      'Members do it themselves on their account’s Privacy page: a copy of their data, corrections, objections, and deleting their account.',
    rightsForm: 'Without an account, use our request form',
    rightsFormAfter: ': we confirm your address by email, then answer within one month.',
    rightsHow: 'You may also write to us by email or by post:',
    complaint: 'You may also lodge a complaint with the CNIL (www.cnil.fr), the French data protection authority.',
  },
  fr: {
    title: 'Politique de confidentialité',
    intro:
      'Cette page est générée à partir des déclarations du code qui fait fonctionner cette boutique : elle liste exactement les données personnelles que le système est conçu pour conserver, pourquoi, et pour combien de temps.',
    controller: 'Qui est responsable de vos données',
    controllerText: (name: string) => `${name} est responsable du traitement des données personnelles décrites ici.`,
    whatTitle: 'Ce que nous conservons, pourquoi et combien de temps',
    whatIntro:
      'Chaque partie ci-dessous est un type d’enregistrement. Pour chaque information qu’il contient : pourquoi nous la conservons, sur quelle base légale, combien de temps, et ce qui se passe si vous en demandez l’effacement.',
    contents: 'Enregistrements conservés',
    whose: 'Personnes concernées',
    why: 'Pourquoi',
    basis: 'Base légale',
    kept: 'Durée de conservation',
    onErasure: 'Si vous en demandez l’effacement',
    cookiesTitle: 'Cookies',
    cookiesText: 'Nous n’utilisons que les cookies listés sur notre page dédiée, chacun avec sa finalité et sa durée.',
    cookiesLink: 'Voir les cookies utilisés',
    rightsTitle: 'Vos droits',
    rightsText:
      'Vous pouvez à tout moment demander l’accès, la rectification ou la suppression des données personnelles que nous détenons sur vous, en limiter l’usage ou vous y opposer, et retirer un consentement donné.',
    rightsSelf:
      'Les membres le font eux-mêmes sur la page Confidentialité de leur compte : copie de leurs données, rectifications, oppositions et suppression du compte.',
    rightsForm: 'Sans compte, utilisez notre formulaire de demande',
    rightsFormAfter: ' : nous confirmons votre adresse par e-mail, puis répondons dans un délai d’un mois.',
    rightsHow: 'Vous pouvez aussi nous écrire par e-mail ou par courrier :',
    complaint: 'Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).',
  },
});

/** What a visitor reads first: records about them alone, then those shared with staff, then the staff's. */
const staffRank = (table: ResolvedPersonalTable) =>
  table.subjects.every((s) => s === 'staff') ? 2 : table.subjects.includes('staff') ? 1 : 0;

/**
 * The published privacy policy, rendered from the registry's resolved model on every request:
 * one section per kind of record, and in it each piece of information, said as what it is, with
 * the purposes, basis, period and erase action of the columns behind it.
 */
export function PolicyPage(props: { ctx: PageContext; tables: readonly ResolvedPersonalTable[] }) {
  const { ctx } = props;
  const { locale, shop } = ctx;
  const t = text[locale];
  const tables = [...props.tables].sort((a, b) => staffRank(a) - staffRank(b));
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeader title={t.title} lead={t.intro} narrow />
      <div class="container narrow prose">
        <h2>{t.controller}</h2>
        <p>{t.controllerText(shop.name)}</p>
        <address>
          {shop.name}, {shop.address.street}, {shop.address.postalCode} {shop.address.city}, {shop.address.country}
          <br />
          <a href={`mailto:${shop.email}`}>{shop.email}</a>
        </address>

        <h2>{t.whatTitle}</h2>
        <p>{t.whatIntro}</p>
        <nav class="policy-contents" aria-label={t.contents}>
          <ul>
            {tables.map((table) => (
              <li key={table.name}>
                <a href={`#data-${table.name}`}>{table.about[locale]}</a>
              </li>
            ))}
          </ul>
        </nav>
        {tables.map((table) => (
          <section
            class="policy-entry"
            key={table.name}
            id={`data-${table.name}`}
            aria-labelledby={`data-${table.name}-title`}
          >
            <h3 id={`data-${table.name}-title`}>{table.about[locale]}</h3>
            <p class="policy-whose">
              {t.whose}
              {locale === 'fr' ? '\u00a0: ' : ': '}
              {table.subjects.map((subject) => dataSubjects[subject][locale]).join(', ')}
            </p>
            {table.note && <p class="policy-note">{table.note[locale]}</p>}
            {policyGroups(table).map((group) => (
              <Group key={group.items[0]?.columns[0]} group={group} locale={locale} />
            ))}
          </section>
        ))}

        <h2>{t.cookiesTitle}</h2>
        <p>
          {t.cookiesText} <a href={paths.cookies(locale)}>{t.cookiesLink}</a>
        </p>

        <h2>{t.rightsTitle}</h2>
        <p>{t.rightsText}</p>
        <p>{t.rightsSelf}</p>
        <p>
          <a href={paths.privacyRequestForm(locale)}>{t.rightsForm}</a>
          {t.rightsFormAfter}
        </p>
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

/** Some pieces of information and what is true of each of them. */
function Group(props: { group: PolicyGroup; locale: Locale }) {
  const { group, locale } = props;
  const t = text[locale];
  const { erase, retention } = group;
  return (
    <div class="policy-group">
      <ul class="policy-items">
        {group.items.map((item) => (
          <li key={item.columns[0]}>
            <span class="policy-item">{item.says[locale]}</span>{' '}
            <span class="policy-category">{dataCategories[item.category][locale]}</span>
          </li>
        ))}
      </ul>
      <dl class="policy-group-facts">
        <div>
          <dt>{t.why}</dt>
          <dd>
            <ul class="policy-purposes">
              {group.purposes.map((purpose) => (
                <li key={purpose}>{purposes[purpose][locale]}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t.basis}</dt>
          <dd class="policy-basis">{wordBasis(group.basis, locale)}</dd>
        </div>
        <div>
          <dt>{t.kept}</dt>
          <dd>
            <span class="policy-period">{wordPeriod(retention, retention.after, locale)}.</span>{' '}
            <span class="policy-reason">{retention.reason[locale]}</span>
          </dd>
        </div>
        <div>
          <dt>{t.onErasure}</dt>
          <dd>
            <span class="policy-erase">{wordErase(erase, locale)}.</span>
            {erase.action === 'hold' && (
              <>
                {' '}
                <span class="policy-reason">{erase.reason[locale]}</span>{' '}
                <span class="policy-hold-basis">
                  {t.basis}
                  {locale === 'fr' ? '\u00a0: ' : ': '}
                  {wordBasis(erase.basis, locale)}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
