import { formatDate } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { detailsMaxLength } from '../../../privacy/rights/public-requests.js';
import { CsrfField, FormAlert } from '../../../web/components/form.js';
import type { FormState } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { CopyState, PrivacyOverview } from '../member-privacy.js';
import { AccountLayout } from './account-layout.js';
import { ObjectionsPanel, RestrictionPanel, WordsForm } from './privacy-choices.js';
import { AccessesPanel } from './privacy-history.js';
import { RequestsPanel } from './privacy-requests-table.js';

export const privacyNotices = ['copyRequested', 'correctionSent', 'objected', 'lifted', 'restricted'] as const;
export type PrivacyNotice = (typeof privacyNotices)[number];

/** Which form of the page a refusal belongs to: its alert and what was typed go back there. */
export type PrivacyForm = 'copy' | 'correction' | 'objection' | 'restriction';

/** How often the page reloads itself while a copy is being prepared. */
/** While a copy is being built the page reloads itself this often (a Refresh header), unless asked to stop. */
export const refreshSeconds = 5;

const text = defineWording({
  en: {
    title: 'Privacy',
    lead: 'Your data and your rights: get a copy of what the shop keeps about you, have it corrected, say no to some uses, and see who viewed it.',
    copyTitle: 'Download my data',
    copyLead:
      'A ZIP archive with one machine-readable file (JSON) per part of the shop, and a readable index that says, for each item, why we keep it, on what legal basis and for how long. We prepare it in the background and email you a link as well.',
    ask: 'Prepare a copy of my data',
    askAgain: 'Prepare a new copy',
    building: (progress: number) => `We are preparing your copy: ${progress} % done.`,
    updating: `This page updates itself every ${refreshSeconds} seconds.`,
    stopUpdates: 'Stop the updates',
    stopped: 'Reload the page to see how far it is.',
    reload: 'Reload',
    progress: 'Progress of your copy',
    ready: (until: string) =>
      `Your copy is ready. You can download it once, until ${until}; after that it is deleted from our servers.`,
    download: 'Download my data (ZIP)',
    correctionTitle: 'Ask for a correction',
    correctionProfile:
      'Your name, telephone number, postal address and the rest of your profile, you correct yourself at once on',
    profileLink: 'your profile page',
    correctionLead:
      'For anything else the shop keeps about you that is wrong, tell us what it is and what it should be: we answer within one month, and the answer shows under “My requests”.',
    details: 'What is wrong, and what should it be?',
    detailsHint: `At most ${detailsMaxLength.toLocaleString('en')} characters.`,
    sendCorrection: 'Send my correction request',
    moreTitle: 'More',
    policy: 'Our privacy policy: what we keep, why, and for how long',
    delete: 'Delete my account',
    deleteWhat: ': erase your account and what we keep about you, except what the law makes us keep for a while.',
    notices: {
      copyRequested: 'We are preparing your copy of your data. It takes a moment; this page shows when it is ready.',
      correctionSent: 'Your correction request was sent. Its answer will show under “My requests”.',
      objected: 'Your objection is recorded: it takes effect now.',
      lifted: 'Your objection is lifted.',
      restricted: 'Processing of your data is restricted from now on. Staff will look into your dispute.',
    },
  },
  fr: {
    title: 'Confidentialité',
    lead: 'Vos données et vos droits : obtenez une copie de ce que la boutique conserve sur vous, faites-le rectifier, opposez-vous à certains usages et voyez qui l’a consulté.',
    copyTitle: 'Télécharger mes données',
    copyLead:
      'Une archive ZIP avec un fichier lisible par machine (JSON) par partie de la boutique, et un index lisible qui dit, pour chaque donnée, pourquoi nous la gardons, sur quelle base légale et combien de temps. Nous la préparons en arrière-plan et vous envoyons aussi un lien par e-mail.',
    ask: 'Préparer une copie de mes données',
    askAgain: 'Préparer une nouvelle copie',
    building: (progress: number) => `Nous préparons votre copie : ${progress} % effectués.`,
    updating: `Cette page se met à jour d’elle-même toutes les ${refreshSeconds} secondes.`,
    stopUpdates: 'Arrêter les mises à jour',
    stopped: 'Rechargez la page pour voir où elle en est.',
    reload: 'Recharger',
    progress: 'Avancement de votre copie',
    ready: (until: string) =>
      `Votre copie est prête. Vous pouvez la télécharger une fois, jusqu’au ${until} ; elle est ensuite supprimée de nos serveurs.`,
    download: 'Télécharger mes données (ZIP)',
    correctionTitle: 'Demander une rectification',
    correctionProfile:
      'Votre nom, votre numéro de téléphone, votre adresse postale et le reste de votre profil, vous les corrigez vous-même immédiatement sur',
    profileLink: 'votre page de profil',
    correctionLead:
      'Pour toute autre donnée inexacte que la boutique conserve sur vous, dites-nous laquelle et ce qu’elle devrait être : nous répondons dans un délai d’un mois, et la réponse s’affiche sous « Mes demandes ».',
    details: 'Qu’est-ce qui est inexact, et que faudrait-il ?',
    detailsHint: `Au plus ${detailsMaxLength.toLocaleString('fr')} caractères.`,
    sendCorrection: 'Envoyer ma demande de rectification',
    moreTitle: 'Aller plus loin',
    policy: 'Notre politique de confidentialité : ce que nous gardons, pourquoi et combien de temps',
    delete: 'Supprimer mon compte',
    deleteWhat:
      ' : effacer votre compte et ce que nous conservons sur vous, sauf ce que la loi nous oblige à garder un temps.',
    notices: {
      copyRequested:
        'Nous préparons la copie de vos données. Cela prend un instant ; cette page indique quand elle est prête.',
      correctionSent: 'Votre demande de rectification est envoyée. La réponse s’affichera sous « Mes demandes ».',
      objected: 'Votre opposition est enregistrée : elle prend effet immédiatement.',
      lifted: 'Votre opposition est levée.',
      restricted:
        'Le traitement de vos données est limité dès maintenant. Le personnel va examiner votre contestation.',
    },
  },
});

/** The member's Privacy area: every right they can exercise themselves, on one page that works without JavaScript. */
export function PrivacyPage(props: {
  ctx: PageContext;
  username: string;
  overview: PrivacyOverview;
  notice?: PrivacyNotice;
  /** The member stopped the page's updates (WCAG 2.2.1: a page that reloads itself can be stopped). */
  still?: boolean;
  form?: PrivacyForm;
  state?: FormState;
}) {
  const { ctx, overview } = props;
  const t = text[ctx.locale];
  const stateOf = (form: PrivacyForm) => (props.form === form ? props.state : undefined);
  return (
    <AccountLayout
      ctx={ctx}
      title={t.title}
      username={props.username}
      // The page reloads itself while a copy is built: once it is ready, "we are preparing" is stale.
      notice={
        props.notice && !(props.notice === 'copyRequested' && overview.copy?.state !== 'building')
          ? t.notices[props.notice]
          : undefined
      }
    >
      <p class="lead">{t.lead}</p>
      <CopyPanel ctx={ctx} copy={overview.copy} still={props.still} state={stateOf('copy')} />
      <RequestsPanel locale={ctx.locale} requests={overview.requests} />
      <CorrectionPanel ctx={ctx} state={stateOf('correction')} />
      <ObjectionsPanel ctx={ctx} objections={overview.objections} state={stateOf('objection')} />
      <RestrictionPanel ctx={ctx} objections={overview.objections} state={stateOf('restriction')} />
      <AccessesPanel locale={ctx.locale} reads={overview.staffReads} actions={overview.actions} />
      <section class="panel" aria-labelledby="more-title">
        <h2 id="more-title">{t.moreTitle}</h2>
        <ul class="plain-list">
          <li>
            <a href={paths.privacy(ctx.locale)}>{t.policy}</a>
          </li>
          <li>
            <a href={paths.deleteAccount(ctx.locale)}>{t.delete}</a>
            {t.deleteWhat}
          </li>
        </ul>
      </section>
    </AccountLayout>
  );
}

/** Asking for a copy, its progress while the job builds it, then the single-use download. */
function CopyPanel(props: { ctx: PageContext; copy: CopyState | undefined; still?: boolean; state?: FormState }) {
  const { ctx, copy } = props;
  const t = text[ctx.locale];
  const base = paths.accountPrivacy(ctx.locale);
  const askForm = (label: string, again: boolean) => (
    <form method="post" action={`${base}/export`} class={again ? undefined : 'inline-form'}>
      <CsrfField ctx={ctx} />
      <button class={again ? 'button button--ghost' : 'button'} type="submit">
        {label}
      </button>
    </form>
  );
  return (
    <section class="panel" id="copy" aria-labelledby="copy-title">
      <h2 id="copy-title">{t.copyTitle}</h2>
      <p class="muted">{t.copyLead}</p>
      <FormAlert ctx={ctx} code={props.state?.code} />
      {copy?.state === 'building' && (
        <div class="copy-progress" role="status">
          <p id="copy-progress-label">{t.building(copy.request.progress)}</p>
          <progress max={100} value={copy.request.progress} aria-label={t.progress} />
          <p class="small muted">
            {props.still ? t.stopped : t.updating}{' '}
            <a href={`${base}?still=1`}>{props.still ? t.reload : t.stopUpdates}</a>
          </p>
        </div>
      )}
      {copy?.state === 'ready' && (
        <>
          <p>{t.ready(formatDate(copy.expiresAt, ctx.locale, true))}</p>
          <div class="actions">
            <form method="post" action={`${base}/download`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="request" value={copy.request.id} />
              <button class="button" type="submit">
                {t.download}
              </button>
            </form>
            {askForm(t.askAgain, true)}
          </div>
        </>
      )}
      {!copy && askForm(t.ask, false)}
    </section>
  );
}

/** Corrections the profile page cannot make: a request staff resolve, answered under "My requests". */
function CorrectionPanel(props: { ctx: PageContext; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  return (
    <section class="panel" id="correction" aria-labelledby="correction-title">
      <h2 id="correction-title">{t.correctionTitle}</h2>
      <p>
        {t.correctionProfile} <a href={paths.account(ctx.locale)}>{t.profileLink}</a>.
      </p>
      <p class="muted">{t.correctionLead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      <WordsForm
        ctx={ctx}
        action="correction"
        name="details"
        label={t.details}
        hint={t.detailsHint}
        submit={t.sendCorrection}
        state={state}
      />
    </section>
  );
}

/** Whether the page should reload itself: a copy is being built, and the member did not ask it to stop. */
export function refreshesItself(overview: { copy?: { state: string } | null | undefined }, still: boolean): boolean {
  return overview.copy?.state === 'building' && !still;
}
