import { formatDate } from '../../../platform/format.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { purposes } from '../../../privacy/core/vocabulary.js';
import { detailsMaxLength } from '../../../privacy/rights/public-requests.js';
import { objectionPurposes, type PrivacyObjectionRow } from '../../../privacy/rights/rights-tables.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { type FormState, problemOf } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';

const text = defineWording({
  en: {
    objectTitle: 'Say no to some uses of my data',
    objectLead:
      'You may object at any time to these uses, and change your mind later. An objection takes effect at once.',
    objecting: 'You object: we do not use your data for this.',
    allowed: 'Allowed.',
    object: 'I object',
    lift: 'Lift my objection',
    restrictTitle: 'Restrict processing during a dispute',
    restrictLead:
      'If you dispute the accuracy of your data, or how we use it, we restrict its use while we look into it: we keep your data and do only what the law requires, what keeps your account secure, and what you ask us to do yourself; we send you no messages and leave you out of statistics. Staff lift the restriction when the dispute is settled.',
    inForce: (since: string) =>
      `A restriction of processing is in force since ${since}. Staff lift it when the dispute is settled.`,
    reason: 'What do you dispute?',
    reasonHint: `Which data or which use, and why (at most ${detailsMaxLength.toLocaleString('en')} characters).`,
    restrict: 'Restrict processing of my data',
  },
  fr: {
    objectTitle: 'M’opposer à certains usages de mes données',
    objectLead:
      'Vous pouvez vous opposer à tout moment à ces usages, et changer d’avis ensuite. Une opposition prend effet immédiatement.',
    objecting: 'Vous vous y opposez : nous n’utilisons pas vos données pour cela.',
    allowed: 'Autorisé.',
    object: 'Je m’y oppose',
    lift: 'Lever mon opposition',
    restrictTitle: 'Limiter le traitement pendant une contestation',
    restrictLead:
      'Si vous contestez l’exactitude de vos données, ou l’usage que nous en faisons, nous en limitons l’usage le temps de l’examiner : nous conservons vos données et ne faisons que ce que la loi exige, ce qui protège votre compte et ce que vous nous demandez vous-même ; nous ne vous envoyons aucun message et vous excluons des statistiques. Le personnel lève la limitation quand la contestation est réglée.',
    inForce: (since: string) =>
      `Une limitation du traitement est en vigueur depuis le ${since}. Le personnel la lève quand la contestation est réglée.`,
    reason: 'Que contestez-vous ?',
    reasonHint: `Quelles données ou quel usage, et pourquoi (au plus ${detailsMaxLength.toLocaleString('fr')} caractères).`,
    restrict: 'Limiter le traitement de mes données',
  },
});

/** Objection to marketing and to statistics: each with where it stands and one button to change it. */
export function ObjectionsPanel(props: {
  ctx: PageContext;
  objections: readonly PrivacyObjectionRow[];
  state?: FormState;
}) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const action = `${paths.accountPrivacy(ctx.locale)}/objection`;
  return (
    <section class="panel" id="objections" aria-labelledby="objections-title">
      <h2 id="objections-title">{t.objectTitle}</h2>
      <p class="muted">{t.objectLead}</p>
      <FormAlert ctx={ctx} code={props.state?.code} />
      <ul class="objection-list">
        {objectionPurposes.map((scope) => {
          const objecting = props.objections.some((row) => row.scope === scope);
          const purpose = purposes[scope][ctx.locale];
          return (
            <li class="objection" key={scope}>
              <div>
                <p class="objection-name">{purpose}</p>
                <p class={objecting ? 'objection-state objection-state--on' : 'objection-state'}>
                  {objecting ? t.objecting : t.allowed}
                </p>
              </div>
              <form method="post" action={action}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="scope" value={scope} />
                <input type="hidden" name="objecting" value={objecting ? '0' : '1'} />
                <button
                  class={objecting ? 'button button--ghost' : 'button'}
                  type="submit"
                  aria-label={`${objecting ? t.lift : t.object}: ${purpose}`}
                >
                  {objecting ? t.lift : t.object}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Restriction while a dispute is open: the one in force, or the form that asks for it. */
export function RestrictionPanel(props: {
  ctx: PageContext;
  objections: readonly PrivacyObjectionRow[];
  state?: FormState;
}) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const restriction = props.objections.find((row) => row.scope === 'restriction');
  return (
    <section class="panel" id="restriction" aria-labelledby="restriction-title">
      <h2 id="restriction-title">{t.restrictTitle}</h2>
      <p class="muted">{t.restrictLead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      {restriction ? (
        <Notice>{t.inForce(formatDate(restriction.created_at, ctx.locale))}</Notice>
      ) : (
        <WordsForm
          ctx={ctx}
          action="restriction"
          name="reason"
          label={t.reason}
          hint={t.reasonHint}
          submit={t.restrict}
          state={state}
        />
      )}
    </section>
  );
}

/** A form of the page that takes the member's own words (a correction, a dispute): one required text, one button. */
export function WordsForm(props: {
  ctx: PageContext;
  /** The form's path under the Privacy page. */
  action: string;
  name: string;
  label: string;
  hint: string;
  submit: string;
  state?: FormState;
}) {
  const { ctx, name, state } = props;
  return (
    <form method="post" action={`${paths.accountPrivacy(ctx.locale)}/${props.action}`} novalidate>
      <CsrfField ctx={ctx} />
      <Field
        name={name}
        label={props.label}
        hint={props.hint}
        value={state?.values?.[name]}
        error={problemOf(state, name, ctx.locale)}
        required
        maxLength={detailsMaxLength}
        multiline
      />
      <button class="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}
