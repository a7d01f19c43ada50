import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import type { PrivacyLedgerRow, PrivacyRequestRow } from '../../../privacy/rights/rights-tables.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import type { FormState } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { formatDeadline } from '../privacy-queue-mail.js';
import type { RequestDetail } from '../privacy-queue-service.js';
import type { StaffPrincipal } from '../staff-access.js';
import { Deadline, queueProblem } from './privacy-queue-pages.js';
import { privacyQueueText } from './privacy-queue-text.js';
import { StaffLayout } from './staff-layout.js';

/** The steps staff take on a request, as its page's forms post them (`/admin/privacy/:id/<step>`). */
export const requestSteps = ['verify', 'start', 'extend', 'refuse', 'answer', 'lift'] as const;
export type RequestStep = (typeof requestSteps)[number];

const text = defineWording({
  en: {
    heading: (kind: string) => `${kind} request`,
    status: 'Status',
    who: 'Who',
    address: 'Address',
    channel: 'Received by',
    received: 'Received',
    due: 'Legal deadline',
    verifiedAt: 'Identity verified',
    language: 'Answer in',
    progress: 'Archive',
    restriction: 'Restriction',
    inForce: 'in force',
    notInForce: 'not in force',
    asks: 'What the person asks',
    answer: 'Our answer',
    extensionReason: 'Why the deadline was extended',
    refusalReason: 'Why the request was refused',
    nothing: 'Nothing written.',
    actions: 'Actions',
    closed: 'This request is closed: it cannot change any more.',
    verify: 'Identity verified',
    verifyLead: 'Check who sent the request (a signed letter, a reply from the account’s address) before it runs.',
    start: {
      access: 'Build the archive and mail its link',
      erasure: 'Erase the person’s data',
      objection: 'Record the objection to marketing',
      correction: 'Start working on it',
      restriction: 'Start looking into the dispute',
    },
    eraseWarning: 'Erasure cannot be undone: the receipt is mailed, then every module erases the person’s data.',
    answerLabel: 'What was corrected (mailed to the person, and shown on their Privacy page)',
    answerButton: 'Close with this answer',
    liftLabel: 'Why the restriction ends (mailed to the person before it is lifted)',
    liftButton: 'Lift the restriction',
    extendLabel: 'Why more time is needed (mailed to the person)',
    extendButton: 'Extend the deadline by two months',
    refuseLabel: 'Why the request is refused (mailed to the person, with their right to complain)',
    refuseButton: 'Refuse the request',
    history: 'History',
    at: 'When',
    by: 'By',
    what: 'What',
    actors: { member: 'The member', person: 'The person', system: 'Vitrine', cli: 'Server command line' },
    aStaffMember: 'A staff member',
    did: {
      'staff.read': 'Viewed',
      'request.received': 'Request received',
      'request.verified': 'Identity verified',
      'request.status': 'In progress',
      'request.extended': 'Deadline extended',
      'request.refused': 'Refused',
      'request.done': 'Done',
      'export.built': 'Archive built, link mailed',
      'export.downloaded': 'Archive downloaded',
      'erasure.started': 'Erasure started',
      'erasure.receipt-sent': 'Erasure receipt mailed',
      'erasure.module-done': 'Erased in a module',
      'erasure.done': 'Erasure complete',
      'erasure.replayed': 'Erased again after a restore',
      'hold.released': 'Held data released',
      'objection.recorded': 'Objection recorded',
      'objection.lifted': 'Objection lifted',
      'restriction.recorded': 'Restriction in force',
      'restriction.lifted': 'Restriction lifted',
      'correction.made': 'Correction made',
    } as Record<string, string>,
    done: {
      recorded: 'The request is recorded.',
      verify: 'The person’s identity is verified.',
      start: 'The request is under way.',
      extend: 'The deadline is extended; the reason was mailed to the person.',
      refuse: 'The request is refused; the reason was mailed to the person.',
      answer: 'The correction is closed; the answer was mailed to the person.',
      lift: 'The restriction is lifted; the person was told.',
    },
  },
  fr: {
    heading: (kind: string) => `Demande : ${kind.toLowerCase()}`,
    status: 'État',
    who: 'Qui',
    address: 'Adresse',
    channel: 'Reçue par',
    received: 'Reçue le',
    due: 'Échéance légale',
    verifiedAt: 'Identité vérifiée le',
    language: 'Répondre en',
    progress: 'Archive',
    restriction: 'Limitation',
    inForce: 'en vigueur',
    notInForce: 'pas en vigueur',
    asks: 'Ce que la personne demande',
    answer: 'Notre réponse',
    extensionReason: 'Pourquoi le délai a été prolongé',
    refusalReason: 'Pourquoi la demande a été refusée',
    nothing: 'Rien d’écrit.',
    actions: 'Actions',
    closed: 'Cette demande est close : elle ne peut plus changer.',
    verify: 'Identité vérifiée',
    verifyLead:
      'Vérifiez qui a envoyé la demande (une lettre signée, une réponse depuis l’adresse du compte) avant de la traiter.',
    start: {
      access: 'Préparer l’archive et envoyer son lien',
      erasure: 'Effacer les données de la personne',
      objection: 'Enregistrer l’opposition à la prospection',
      correction: 'Commencer le traitement',
      restriction: 'Commencer l’examen du litige',
    },
    eraseWarning:
      'L’effacement est irréversible : le récapitulatif est envoyé, puis chaque module efface les données de la personne.',
    answerLabel: 'Ce qui a été rectifié (envoyé à la personne, et affiché sur sa page Confidentialité)',
    answerButton: 'Clore avec cette réponse',
    liftLabel: 'Pourquoi la limitation prend fin (envoyé à la personne avant la levée)',
    liftButton: 'Lever la limitation',
    extendLabel: 'Pourquoi il faut plus de temps (envoyé à la personne)',
    extendButton: 'Prolonger le délai de deux mois',
    refuseLabel: 'Pourquoi la demande est refusée (envoyé à la personne, avec son droit de réclamation)',
    refuseButton: 'Refuser la demande',
    history: 'Historique',
    at: 'Quand',
    by: 'Par',
    what: 'Quoi',
    actors: { member: 'Le membre', person: 'La personne', system: 'Vitrine', cli: 'Ligne de commande du serveur' },
    aStaffMember: 'Un membre du personnel',
    did: {
      'staff.read': 'Consultée',
      'request.received': 'Demande reçue',
      'request.verified': 'Identité vérifiée',
      'request.status': 'En cours',
      'request.extended': 'Délai prolongé',
      'request.refused': 'Refusée',
      'request.done': 'Traitée',
      'export.built': 'Archive préparée, lien envoyé',
      'export.downloaded': 'Archive téléchargée',
      'erasure.started': 'Effacement commencé',
      'erasure.receipt-sent': 'Récapitulatif d’effacement envoyé',
      'erasure.module-done': 'Effacé dans un module',
      'erasure.done': 'Effacement terminé',
      'erasure.replayed': 'Effacé de nouveau après une restauration',
      'hold.released': 'Données conservées libérées',
      'objection.recorded': 'Opposition enregistrée',
      'objection.lifted': 'Opposition levée',
      'restriction.recorded': 'Limitation en vigueur',
      'restriction.lifted': 'Limitation levée',
      'correction.made': 'Rectification faite',
    } as Record<string, string>,
    done: {
      recorded: 'La demande est enregistrée.',
      verify: 'L’identité de la personne est vérifiée.',
      start: 'La demande est en cours de traitement.',
      extend: 'Le délai est prolongé ; le motif a été envoyé à la personne.',
      refuse: 'La demande est refusée ; le motif a été envoyé à la personne.',
      answer: 'La rectification est close ; la réponse a été envoyée à la personne.',
      lift: 'La limitation est levée ; la personne en a été informée.',
    },
  },
});

export type RequestNotice = keyof (typeof text)['en']['done'];

/** /admin/privacy/:id: one request, what can be done with it now, and its history. */
export function PrivacyRequestPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  detail: RequestDetail;
  now: Date;
  notice?: RequestNotice;
  /** A refused step: its form shows the refusal. */
  refused?: { step: RequestStep; state: FormState };
}) {
  const { ctx, detail, refused } = props;
  const { request } = detail;
  const t = text[ctx.locale];
  const q = privacyQueueText[ctx.locale];
  const open = request.status === 'received' || request.status === 'verified' || request.status === 'in-progress';
  const stateOf = (step: RequestStep) => (refused?.step === step ? refused.state : undefined);
  // Why a step could not be taken now (not verified yet, running, not for this kind): said at the top.
  const requestProblem = refused && queueProblem(refused.state, 'request', ctx);
  return (
    <StaffLayout ctx={ctx} title={t.heading(q.kinds[request.kind])} staff={props.staff}>
      <p>
        <a href="/admin/privacy">← {q.back}</a>
      </p>
      <h1>{t.heading(q.kinds[request.kind])}</h1>
      {props.notice && <Notice kind="success">{t.done[props.notice]}</Notice>}
      {refused && (
        <>
          <FormAlert ctx={ctx} code={refused.state.code} />
          {requestProblem && <p class="field-error">{requestProblem}</p>}
        </>
      )}
      <dl class="facts facts--narrow request-facts">
        <Fact label={t.status}>{q.statuses[request.status]}</Fact>
        <Fact label={t.who}>{detail.who}</Fact>
        {detail.member && request.email && <Fact label={t.address}>{request.email}</Fact>}
        <Fact label={t.channel}>{q.channels[request.channel]}</Fact>
        <Fact label={t.received}>{formatDate(request.received_at, ctx.locale, true)}</Fact>
        <Fact label={t.due}>
          {open ? (
            <Deadline ctx={ctx} dueAt={request.due_at} extended={Boolean(request.extended_at)} now={props.now} />
          ) : (
            formatDeadline(request.due_at, ctx.locale)
          )}
        </Fact>
        {request.verified_at && <Fact label={t.verifiedAt}>{formatDate(request.verified_at, ctx.locale, true)}</Fact>}
        <Fact label={t.language}>{q.languages[request.locale === 'en' ? 'en' : 'fr']}</Fact>
        {request.kind === 'access' && request.status === 'in-progress' && (
          <Fact label={t.progress}>{`${request.progress} %`}</Fact>
        )}
        {request.kind === 'restriction' && (
          <Fact label={t.restriction}>{detail.restricted ? t.inForce : t.notInForce}</Fact>
        )}
      </dl>
      {request.status === 'received' && request.channel === 'web-form' && request.proof_hash && (
        <p class="muted">{q.waitingProof}</p>
      )}
      <h2>{t.asks}</h2>
      {request.details ? <p class="request-words">{request.details}</p> : <p class="muted">{t.nothing}</p>}
      {request.answer && (
        <>
          {/* What `answer` holds: the extension's reason while open, then the refusal's or the answer. */}
          <h2>{open ? t.extensionReason : request.status === 'refused' ? t.refusalReason : t.answer}</h2>
          <p class="request-words">{request.answer}</p>
        </>
      )}
      <h2>{t.actions}</h2>
      {open ? <Actions ctx={ctx} request={request} stateOf={stateOf} /> : <p class="muted">{t.closed}</p>}
      <History ctx={ctx} history={detail.history} staffNames={detail.staffNames} />
    </StaffLayout>
  );
}

function Fact(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The forms of the steps the request's status allows; each posts to its own action. */
function Actions(props: {
  ctx: PageContext;
  request: PrivacyRequestRow;
  stateOf: (step: RequestStep) => FormState | undefined;
}) {
  const { ctx, request, stateOf } = props;
  const t = text[ctx.locale];
  const running = request.status === 'in-progress' && (request.kind === 'access' || request.kind === 'erasure');
  const answerable = request.status !== 'received';
  return (
    <div class="request-actions">
      {request.status === 'received' && (
        <StepForm ctx={ctx} request={request} step="verify" button={t.verify} state={stateOf('verify')}>
          <p class="muted">{t.verifyLead}</p>
        </StepForm>
      )}
      {request.status === 'verified' && (
        <StepForm
          ctx={ctx}
          request={request}
          step="start"
          button={t.start[request.kind]}
          danger={request.kind === 'erasure'}
          state={stateOf('start')}
        >
          {request.kind === 'erasure' && <p class="muted">{t.eraseWarning}</p>}
        </StepForm>
      )}
      {request.kind === 'correction' && answerable && (
        <StepForm ctx={ctx} request={request} step="answer" button={t.answerButton} state={stateOf('answer')}>
          <TextField ctx={ctx} name="answer" label={t.answerLabel} state={stateOf('answer')} />
        </StepForm>
      )}
      {request.kind === 'restriction' && answerable && (
        <StepForm ctx={ctx} request={request} step="lift" button={t.liftButton} state={stateOf('lift')}>
          <TextField ctx={ctx} name="answer" label={t.liftLabel} state={stateOf('lift')} />
        </StepForm>
      )}
      {!request.extended_at && (
        <StepForm ctx={ctx} request={request} step="extend" button={t.extendButton} state={stateOf('extend')}>
          <TextField ctx={ctx} name="reason" label={t.extendLabel} state={stateOf('extend')} />
        </StepForm>
      )}
      {!running && (
        <StepForm ctx={ctx} request={request} step="refuse" button={t.refuseButton} danger state={stateOf('refuse')}>
          <TextField ctx={ctx} name="reason" label={t.refuseLabel} state={stateOf('refuse')} />
        </StepForm>
      )}
    </div>
  );
}

function StepForm(props: {
  ctx: PageContext;
  request: PrivacyRequestRow;
  step: RequestStep;
  button: string;
  danger?: boolean;
  state: FormState | undefined;
  children?: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={`/admin/privacy/${encodeURIComponent(props.request.id)}/${props.step}`}
      class="request-step"
    >
      <CsrfField ctx={props.ctx} />
      {props.children}
      <button class={props.danger ? 'button button--danger' : 'button'} type="submit">
        {props.button}
      </button>
    </form>
  );
}

function TextField(props: { ctx: PageContext; name: string; label: string; state: FormState | undefined }) {
  return (
    <Field
      name={props.name}
      label={props.label}
      value={props.state?.values?.[props.name]}
      error={props.state?.fields?.[props.name] ? queueProblem(props.state, props.name, props.ctx) : undefined}
      required
      maxLength={2000}
      multiline
    />
  );
}

function History(props: { ctx: PageContext; history: PrivacyLedgerRow[]; staffNames: Map<string, string> }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const by = (entry: PrivacyLedgerRow) =>
    entry.actor_kind === 'staff'
      ? ((entry.actor_id && props.staffNames.get(entry.actor_id)) ?? t.aStaffMember)
      : t.actors[entry.actor_kind];
  return (
    <>
      <h2>{t.history}</h2>
      <ScrollTable label={t.history} headers={[t.at, t.by, t.what]}>
        {props.history.map((entry) => (
          <tr key={entry.seq}>
            <td>{formatDate(entry.at, ctx.locale, true)}</td>
            <td>{by(entry)}</td>
            <td>
              {t.did[entry.action] ?? entry.action}
              {describe(entry, ctx) && <span class="small muted"> {describe(entry, ctx)}</span>}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}

/** The facts an entry carries that say more than its action: a new deadline, a module, a purpose. */
function describe(entry: PrivacyLedgerRow, ctx: PageContext): string {
  let details: Record<string, unknown> = {};
  try {
    details = entry.details ? (JSON.parse(entry.details) as Record<string, unknown>) : {};
  } catch {
    return '';
  }
  const q = privacyQueueText[ctx.locale];
  if (typeof details.due === 'string') return `(${formatDeadline(details.due, ctx.locale)})`;
  if (typeof details.module === 'string') return `(${details.module})`;
  if (entry.action === 'request.received' && typeof details.channel === 'string')
    return `(${q.channels[details.channel as keyof typeof q.channels] ?? details.channel})`;
  if (entry.purpose) return `(${entry.purpose})`;
  return '';
}
