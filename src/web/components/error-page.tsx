import { defineWording } from '../../platform/http/i18n.js';
import type { ErrorCode } from '../../platform/http/errors.js';
import { errorCatalog } from '../../platform/http/errors.js';
import type { PageContext } from '../page-context.js';
import { paths } from '../paths.js';
import { Layout } from './layout.js';

const text = defineWording({
  en: {
    home: 'Back to the home page',
    catalog: 'Browse the catalog',
    code: 'Error code',
    fields: 'Please check:',
    reference: 'Reference to give us',
  },
  fr: {
    home: 'Retour à l’accueil',
    catalog: 'Voir le catalogue',
    code: 'Code d’erreur',
    fields: 'Veuillez vérifier :',
    reference: 'Référence à nous communiquer',
  },
});

export function ErrorPage(props: {
  ctx: PageContext;
  code: ErrorCode;
  fields?: Record<string, string>;
  reference?: string;
}) {
  const { ctx, code } = props;
  const spec = errorCatalog[code];
  const t = text[ctx.locale];
  return (
    <Layout ctx={ctx} title={spec.title[ctx.locale]}>
      <section class="container error-page">
        <p class="error-status">{spec.status}</p>
        <h1>{spec.title[ctx.locale]}</h1>
        <p class="lead">{spec.message[ctx.locale]}</p>
        {props.fields && Object.keys(props.fields).length > 0 && (
          <div class="notice">
            <p>{t.fields}</p>
            <ul>
              {Object.entries(props.fields).map(([field, problem]) => (
                <li key={field}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <p class="actions">
          <a class="button" href={paths.home(ctx.locale)}>
            {t.home}
          </a>
          <a class="button button--ghost" href={paths.catalog(ctx.locale)}>
            {t.catalog}
          </a>
        </p>
        <p class="muted small">
          {t.code}: <code>{code}</code>
          {props.reference && (
            <>
              {' · '}
              {t.reference}: <code>{props.reference}</code>
            </>
          )}
        </p>
      </section>
    </Layout>
  );
}
