import { formatDate } from '../../platform/format.js';
import { defineWording } from '../../platform/http/i18n.js';
import { renderDocument } from '../../web/render.js';
import type { Locale, Wording } from '../core/languages.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import { dataCategories, purposes } from '../core/vocabulary.js';
import { wordBasis, wordErase, wordPeriod } from '../core/wording.js';
import { type PolicyGroup, policyGroups } from '../policy/policy-groups.js';

/** One table's rows as written in a module's file: the person's own rows, or others' rows that name them in one column. */
export interface IndexedPart {
  table: ResolvedPersonalTable;
  /** Where the rows are: the file, then the path inside it. */
  file: string;
  path: readonly string[];
  /** The column that names the person in someone else's row (a link of scope 'column'). */
  named?: string;
  columns: readonly string[];
  rows: number;
  /** The first rows, as written to the file, for a glance without opening it. */
  sample: readonly Record<string, unknown>[];
}

export interface IndexedExtra {
  file: string;
  title: Wording;
  rows: number;
  sample: readonly Record<string, unknown>[];
}

export interface ExportIndex {
  subject: { label: string };
  createdAt: Date;
  locale: Locale;
  shopName: string;
  modules: readonly { module: string; file: string; parts: readonly IndexedPart[] }[];
  extras: readonly IndexedExtra[];
}

const text = defineWording({
  en: {
    title: (shop: string) => `Your data at ${shop}`,
    lead: (shop: string, who: string, when: string) =>
      `The personal data ${shop} holds about ${who}, as it stood on ${when}.`,
    howTo:
      'This archive holds one JSON file per part of the shop, machine-readable, to keep or to take elsewhere, and this page, which says for each piece of information why we keep it, on what legal basis and for how long.',
    contents: 'Contents',
    file: 'File',
    records: (n: string) => `${n} record${n === '1' ? '' : 's'}`,
    where: 'in',
    namedIntro:
      'Records about other people that name you: only the column that names you is shown, with what is not personal.',
    information: 'Information',
    why: 'Why we keep it',
    basis: 'Legal basis',
    kept: 'How long',
    onErasure: 'If you ask us to erase it',
    first: (shown: number, total: string) => `The first ${shown} of ${total}:`,
    all: 'As the file holds them:',
    nothing: 'Nothing about you in',
    empty: 'This archive holds no record about you.',
  },
  fr: {
    title: (shop: string) => `Vos données chez ${shop}`,
    lead: (shop: string, who: string, when: string) =>
      `Les données personnelles que ${shop} détient sur ${who}, telles qu’elles étaient le ${when}.`,
    howTo:
      'Cette archive contient un fichier JSON par partie de la boutique, lisible par une machine, à conserver ou à emporter ailleurs, et cette page, qui dit pour chaque information pourquoi nous la conservons, sur quelle base légale et combien de temps.',
    contents: 'Sommaire',
    file: 'Fichier',
    records: (n: string) => `${n} enregistrement${n === '0' || n === '1' ? '' : 's'}`,
    where: 'dans',
    namedIntro:
      'Enregistrements concernant d’autres personnes qui vous nomment : seule la colonne qui vous nomme est montrée, avec ce qui n’est pas personnel.',
    information: 'Information',
    why: 'Pourquoi nous la conservons',
    basis: 'Base légale',
    kept: 'Durée de conservation',
    onErasure: 'Si vous en demandez l’effacement',
    first: (shown: number, total: string) => `Les ${shown} premiers sur ${total} :`,
    all: 'Tels que le fichier les contient :',
    nothing: 'Rien vous concernant dans',
    empty: 'Cette archive ne contient aucun enregistrement vous concernant.',
  },
});

/** No external asset: the page must read the same offline, years later, from the unzipped folder. */
const style = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1c1c;background:#fff;margin:0}
main{max-width:62rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.8rem;margin:0 0 .5rem}h2{margin-top:2.5rem;border-bottom:2px solid #ddd;padding-bottom:.25rem}
h3{margin:1.75rem 0 .25rem}code{font:.9em ui-monospace,Menlo,Consolas,monospace;background:#f3f3f3;padding:0 .2em}
.where,.muted{color:#555}.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}td ul{margin:0;padding-left:1.1rem}
.sample td{white-space:pre-wrap;word-break:break-word;max-width:24rem}
@media print{.scroll{overflow:visible}}
`;

const sampleLength = 200;
const colon = (locale: Locale) => (locale === 'fr' ? '\u00a0: ' : ': ');
const rowsOf = (parts: readonly IndexedPart[]) => parts.reduce((sum, part) => sum + part.rows, 0);
const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * The readable index of a data export (index.html in the ZIP): per module file, each kind of
 * record the person has, said from the resolved model the way the policy says it (purposes, legal
 * basis with its article, period, fate on erasure), with the number of rows, where they are, and
 * the first few. Rendered with preact, so a value can never become markup.
 */
export function renderExportIndex(index: ExportIndex): string {
  return renderDocument(<ExportIndexPage index={index} />);
}

function ExportIndexPage(props: { index: ExportIndex }) {
  const { subject, createdAt, locale, shopName, modules, extras } = props.index;
  const t = text[locale];
  const held = modules.filter((module) => module.parts.some((part) => part.rows > 0));
  const extrasHeld = extras.filter((extra) => extra.rows > 0);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.title(shopName)}</title>
        {/* A constant, not data: nothing the archive holds reaches this element. */}
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        <main>
          <h1>{t.title(shopName)}</h1>
          <p>{t.lead(shopName, subject.label, formatDate(createdAt.toISOString(), locale, true))}</p>
          <p class="muted">{t.howTo}</p>
          {held.length + extrasHeld.length === 0 && <p>{t.empty}</p>}
          <nav aria-label={t.contents}>
            <h2>{t.contents}</h2>
            <ul>
              {modules.map((module) => (
                <li key={module.file}>
                  <a href={`#${module.file}`}>
                    <code>{module.file}</code>
                  </a>{' '}
                  <span class="muted">({t.records(count(rowsOf(module.parts), locale))})</span>
                </li>
              ))}
              {extras.map((extra) => (
                <li key={extra.file}>
                  <a href={`#${extra.file}`}>{extra.title[locale]}</a> <code>{extra.file}</code>{' '}
                  <span class="muted">({t.records(count(extra.rows, locale))})</span>
                </li>
              ))}
            </ul>
          </nav>
          {modules.map((module) => {
            const empty = module.parts.filter((part) => part.rows === 0);
            return (
              <section key={module.file} id={module.file}>
                <h2>
                  {t.file} <code>{module.file}</code>
                </h2>
                {module.parts
                  .filter((part) => part.rows > 0)
                  .map((part) => (
                    <Part key={[part.file, ...part.path].join('/')} part={part} locale={locale} />
                  ))}
                {empty.length > 0 && (
                  <p class="muted">
                    {t.nothing}
                    {colon(locale)}
                    {[...new Set(empty.map((part) => part.table.about[locale]))].join(', ')}.
                  </p>
                )}
              </section>
            );
          })}
          {extras.map((extra) => (
            <section key={extra.file} id={extra.file}>
              <h2>{extra.title[locale]}</h2>
              <Where file={extra.file} path={['rows']} rows={extra.rows} locale={locale} />
              <Sample rows={extra.sample} total={extra.rows} locale={locale} />
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

/** One kind of record: what it is, what each piece of information in it is for, and the first rows. */
function Part(props: { part: IndexedPart; locale: Locale }) {
  const { part, locale } = props;
  const t = text[locale];
  const shown = new Set(part.columns);
  const groups = policyGroups({ ...part.table, columns: part.table.columns.filter((c) => shown.has(c.name)) });
  return (
    <>
      <h3>{part.table.about[locale]}</h3>
      {part.named !== undefined && <p class="muted">{t.namedIntro}</p>}
      {part.table.note && <p>{part.table.note[locale]}</p>}
      <Where file={part.file} path={part.path} rows={part.rows} locale={locale} />
      <div class="scroll">
        <table class="facts">
          <thead>
            <tr>
              <th scope="col">{t.information}</th>
              <th scope="col">{t.why}</th>
              <th scope="col">{t.basis}</th>
              <th scope="col">{t.kept}</th>
              <th scope="col">{t.onErasure}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <Facts key={group.items[0]?.columns[0]} group={group} locale={locale} />
            ))}
          </tbody>
        </table>
      </div>
      <Sample rows={part.sample} total={part.rows} locale={locale} />
    </>
  );
}

/** One row of the facts table: some pieces of information and what is true of all of them. */
function Facts(props: { group: PolicyGroup; locale: Locale }) {
  const { group, locale } = props;
  const { erase, retention } = group;
  return (
    <tr>
      <td>
        <ul>
          {group.items.map((item) => (
            <li key={item.columns[0]}>
              {item.says[locale]} <span class="muted">({dataCategories[item.category][locale]})</span>{' '}
              {item.columns.map((column) => (
                <code key={column}>{column}</code>
              ))}
            </li>
          ))}
        </ul>
      </td>
      <td>
        <ul>
          {group.purposes.map((purpose) => (
            <li key={purpose}>{purposes[purpose][locale]}</li>
          ))}
        </ul>
      </td>
      <td class="basis">{wordBasis(group.basis, locale)}</td>
      <td class="period">
        {wordPeriod(retention, retention.after, locale)}. <span class="muted">{retention.reason[locale]}</span>
      </td>
      <td class="erase">
        {wordErase(erase, locale)}.
        {erase.action === 'hold' && (
          <>
            {' '}
            <span class="muted">
              {erase.reason[locale]} {text[locale].basis}
              {colon(locale)}
              {wordBasis(erase.basis, locale)}.
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

/** "12 records, in members.json › tables › accounts_members › rows". */
function Where(props: { file: string; path: readonly string[]; rows: number; locale: Locale }) {
  const t = text[props.locale];
  return (
    <p class="where">
      {t.records(count(props.rows, props.locale))}, {t.where} <code>{props.file}</code>
      {props.path.map((step) => (
        <span key={step}>
          {' › '}
          <code>{step}</code>
        </span>
      ))}
    </p>
  );
}

function Sample(props: { rows: readonly Record<string, unknown>[]; total: number; locale: Locale }) {
  const { rows, total, locale } = props;
  if (rows.length === 0) return null;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <>
      <p class="muted">
        {rows.length === total ? text[locale].all : text[locale].first(rows.length, count(total, locale))}
      </p>
      <div class="scroll">
        <table class="sample">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  <code>{column}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((column) => (
                  <td key={column}>{shown(row[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A value as text, cut short: the file holds it whole. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const full = typeof value === 'string' ? value : JSON.stringify(value);
  return full.length > sampleLength ? `${full.slice(0, sampleLength)}…` : full;
}
