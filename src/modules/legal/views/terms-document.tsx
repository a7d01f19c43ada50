import { renderToString } from 'preact-render-to-string';
import { formatDate } from '../../../platform/format.js';
import { defineWording, type Locale } from '../../../platform/http/i18n.js';

/** A version of the terms as a file: what a buyer keeps, on a durable medium (Code de la consommation L221-13). */
export interface TermsDocument {
  filename: string;
  contentType: string;
  content: string;
}

const text = defineWording({
  en: {
    title: (version: string) => `Terms of sale — version ${version}`,
    heading: 'Terms of sale',
    inForce: (version: string, date: string) => `Version ${version}, in force from ${date}.`,
    filename: (version: string) => `terms-of-sale-${version}.html`,
  },
  fr: {
    title: (version: string) => `Conditions générales de vente — version ${version}`,
    heading: 'Conditions générales de vente',
    inForce: (version: string, date: string) => `Version ${version}, en vigueur à compter du ${date}.`,
    filename: (version: string) => `conditions-generales-de-vente-${version}.html`,
  },
});

// Enough to read it comfortably in any browser, offline: no stylesheet, font or image to fetch.
const style = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.55;color:#1b1b1b;max-width:46rem;margin:2rem auto;padding:0 1rem}',
  'h1{font-size:1.7rem;margin-bottom:.25rem}',
  'h2{font-size:1.2rem;margin-top:2rem}',
  '.muted{color:#555}',
  '.notice{border:1px solid #999;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}',
  '.notice-title{font-weight:bold}',
  'a{color:#0b57d0}',
  '@media print{body{margin:0;max-width:none}a{color:inherit}}',
].join('');

/**
 * A version of the terms as a complete standalone HTML document in one language, for the order
 * confirmation to carry: its title, the version and the date it came into force, and the text as
 * it was published (stored rendered and escaped: views/terms-text.tsx), unchanged but for its
 * links to the shop's own pages (the privacy policy), made absolute with `siteUrl` so they still
 * lead there from a saved file. The contents' links within the document stay as they are.
 */
export function renderTermsDocument(
  terms: { version: string; publishedAt: string; text: Record<Locale, string> },
  locale: Locale,
  siteUrl: string,
): TermsDocument {
  const t = text[locale];
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.title(terms.version)}</title>
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        <h1>{t.heading}</h1>
        <p class="muted">{t.inForce(terms.version, formatDate(terms.publishedAt, locale))}</p>
        <main dangerouslySetInnerHTML={{ __html: terms.text[locale].replaceAll('href="/', `href="${siteUrl}/`) }} />
      </body>
    </html>
  );
  return {
    filename: t.filename(terms.version),
    contentType: 'text/html; charset=utf-8',
    content: `<!doctype html>\n${renderToString(page)}\n`,
  };
}
