import { defineWording } from '../../platform/http/i18n.js';
import { Layout } from '../../web/components/layout.js';
import { PageHeader } from '../../web/components/page-header.js';
import { ScrollTable } from '../../web/components/scroll-table.js';
import type { PageContext } from '../../web/page-context.js';
import { paths } from '../../web/paths.js';
import type { CookieDeclaration } from '../core/declare.js';
import { formatDuration } from '../core/duration.js';
import { cookieCategories } from '../core/vocabulary.js';
import { cookieNameFor } from '../../platform/http/cookie-guard.js';

const text = defineWording({
  en: {
    title: 'Cookies',
    intro:
      'This list is generated from the cookie registry of the code that runs this shop. The server refuses to set any cookie that is not on it.',
    name: 'Name',
    purpose: 'Purpose',
    duration: 'Duration',
    type: 'Type',
    session: 'Until you close your browser',
    none: 'No cookie needs your consent: we set only the essential ones listed here, and only when a page needs them.',
    language: 'Your language is part of the page address (/fr/ or /en/), so no cookie is needed to remember it.',
    policy: 'Read the privacy policy',
  },
  fr: {
    title: 'Cookies',
    intro:
      'Cette liste est générée à partir du registre des cookies du code qui fait fonctionner cette boutique. Le serveur refuse de déposer tout cookie qui n’y figure pas.',
    name: 'Nom',
    purpose: 'Finalité',
    duration: 'Durée',
    type: 'Type',
    session: 'Jusqu’à la fermeture du navigateur',
    none: 'Aucun cookie ne requiert votre consentement : nous ne déposons que les cookies essentiels listés ici, et seulement quand une page en a besoin.',
    language:
      'Votre langue fait partie de l’adresse de la page (/fr/ ou /en/) : aucun cookie n’est nécessaire pour la retenir.',
    policy: 'Lire la politique de confidentialité',
  },
});

export function CookiesPage(props: { ctx: PageContext; cookies: CookieDeclaration[]; secure: boolean }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const needsConsent = props.cookies.some((cookie) => cookie.category !== 'essential');
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeader title={t.title} lead={t.intro} narrow />
      <div class="container narrow prose">
        <ScrollTable label={t.title} headers={[t.name, t.purpose, t.duration, t.type]}>
          {props.cookies.map((cookie) => (
            <tr key={cookie.name}>
              <td>
                <code>{cookieNameFor(cookie, props.secure)}</code>
              </td>
              <td>{cookie.purpose[ctx.locale]}</td>
              <td>{cookie.duration === 'session' ? t.session : formatDuration(cookie.duration, ctx.locale)}</td>
              <td>{cookieCategories[cookie.category][ctx.locale]}</td>
            </tr>
          ))}
        </ScrollTable>
        {!needsConsent && <p>{t.none}</p>}
        <p>{t.language}</p>
        <p>
          <a href={paths.privacy(ctx.locale)}>{t.policy}</a>
        </p>
      </div>
    </Layout>
  );
}
