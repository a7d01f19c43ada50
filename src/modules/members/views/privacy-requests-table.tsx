import { formatDate } from '../../../platform/format.js';
import { defineWording, type Locale } from '../../../platform/http/i18n.js';
import type { PrivacyRequestRow, RequestKind, RequestStatus } from '../../../privacy/rights/rights-tables.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';

/** What each kind of request is, as the member asked for it. */
export const requestKindWording = defineWording<Record<RequestKind, string>>({
  en: {
    access: 'A copy of my data',
    correction: 'A correction',
    erasure: 'Erasure of my data',
    restriction: 'Restriction of processing',
    objection: 'An objection',
  },
  fr: {
    access: 'Une copie de mes données',
    correction: 'Une rectification',
    erasure: 'L’effacement de mes données',
    restriction: 'La limitation du traitement',
    objection: 'Une opposition',
  },
});

const statusWording = defineWording<Record<RequestStatus, string>>({
  en: { received: 'Received', verified: 'Received', 'in-progress': 'In progress', done: 'Done', refused: 'Refused' },
  fr: { received: 'Reçue', verified: 'Reçue', 'in-progress': 'En cours', done: 'Traitée', refused: 'Refusée' },
});

const text = defineWording({
  en: {
    title: 'My requests',
    none: 'You have not made any request yet.',
    headers: ['Request', 'Status', 'Received', 'Answer due by', 'The shop’s answer'],
    on: 'on',
    noAnswer: 'Not yet',
    downloaded: 'Downloaded on',
  },
  fr: {
    title: 'Mes demandes',
    none: 'Vous n’avez encore fait aucune demande.',
    headers: ['Demande', 'État', 'Reçue le', 'Réponse au plus tard le', 'La réponse de la boutique'],
    on: 'le',
    noAnswer: 'Pas encore',
    downloaded: 'Téléchargée le',
  },
});

/** The longest part of the member's own words shown in the list (they wrote it; a reminder is enough). */
const wordsShown = 140;

/** Every request the member made, with where it stands and what the shop answered (a correction's result, a refusal's reason). */
export function RequestsPanel(props: { locale: Locale; requests: readonly PrivacyRequestRow[] }) {
  const { locale } = props;
  const t = text[locale];
  return (
    <section class="panel" id="requests" aria-labelledby="requests-title">
      <h2 id="requests-title">{t.title}</h2>
      {props.requests.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ScrollTable label={t.title} headers={t.headers}>
          {props.requests.map((request) => {
            const open = request.status !== 'done' && request.status !== 'refused';
            return (
              <tr key={request.id}>
                <td>
                  {requestKindWording[locale][request.kind]}
                  {request.details && <p class="small muted request-excerpt">{excerpt(request.details)}</p>}
                </td>
                <td>
                  <span class={`request-status request-status--${request.status}`}>
                    {statusWording[locale][request.status]}
                  </span>
                  {request.closed_at && (
                    <span class="small muted">
                      {' '}
                      {t.on} {formatDate(request.closed_at, locale)}
                    </span>
                  )}
                </td>
                <td>{formatDate(request.received_at, locale)}</td>
                <td>{open ? formatDate(request.due_at, locale) : '—'}</td>
                <td class="request-answer">
                  {request.answer ??
                    (request.downloaded_at ? (
                      `${t.downloaded} ${formatDate(request.downloaded_at, locale)}`
                    ) : (
                      <span class="muted">{open ? t.noAnswer : '—'}</span>
                    ))}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
    </section>
  );
}

function excerpt(words: string): string {
  const chars = [...words];
  return chars.length > wordsShown ? `${chars.slice(0, wordsShown).join('').trimEnd()}…` : words;
}
