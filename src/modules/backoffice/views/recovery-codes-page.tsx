import { defineWording } from '../../../platform/http/i18n.js';
import type { StaffPrincipal } from '../staff-access.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { StaffLayout } from './staff-layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'Recovery codes',
    lead: 'If you lose your authenticator app, sign in with one of these codes instead of the 6-digit code. Each works once.',
    shownOnce: 'Write these codes down or store them in your password manager now: they are shown only this once.',
    remaining: (n: number) => `You have ${n} unused recovery code${n === 1 ? '' : 's'}.`,
    usedOne: (n: number) =>
      `You signed in with a recovery code: it no longer works. ${n} code${n === 1 ? '' : 's'} remain${n === 1 ? 's' : ''}.`,
    low: 'Make new codes now, and set up your authenticator app again if you lost it (ask an owner to reset your two-factor).',
    regenerate: 'Make new codes (the old ones stop working)',
    code: 'Current code from your authenticator app',
    codeHint: 'To make new codes, prove it is you: enter the 6-digit code your app shows now.',
    continue: 'Continue',
  },
  fr: {
    title: 'Codes de secours',
    lead: 'Si vous perdez votre application d’authentification, connectez-vous avec l’un de ces codes à la place du code à 6 chiffres. Chacun sert une fois.',
    shownOnce:
      'Notez ces codes ou enregistrez-les dans votre gestionnaire de mots de passe maintenant : ils ne sont affichés que cette fois.',
    remaining: (n: number) => `Il vous reste ${n} code${n > 1 ? 's' : ''} de secours inutilisé${n > 1 ? 's' : ''}.`,
    usedOne: (n: number) =>
      `Vous vous êtes connecté avec un code de secours : il ne fonctionne plus. Il en reste ${n}.`,
    low: 'Générez de nouveaux codes maintenant, et réactivez votre application d’authentification si vous l’avez perdue (demandez à un propriétaire de réinitialiser votre double authentification).',
    regenerate: 'Générer de nouveaux codes (les anciens ne fonctionneront plus)',
    code: 'Code actuel de votre application d’authentification',
    codeHint:
      'Pour générer de nouveaux codes, prouvez que c’est vous : saisissez le code à 6 chiffres affiché maintenant par votre application.',
    continue: 'Continuer',
  },
});

/**
 * A staff member's recovery codes: the codes themselves only in the answer that made them (after
 * the two-factor setup, or "make new codes"), otherwise how many remain. Making new codes asks
 * for a current code of the authenticator app; `state` is that form refused.
 */
export function RecoveryCodesPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal | null;
  remaining: number;
  codes?: string[];
  usedOne?: boolean;
  continueTo: string;
  state?: FormState;
}) {
  const { ctx, codes, state } = props;
  const t = text[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <div class="form-card">
        <h1>{t.title}</h1>
        {props.usedOne && (
          <Notice>
            <p>{t.usedOne(props.remaining)}</p>
            <p>{t.low}</p>
          </Notice>
        )}
        <p class="muted">{t.lead}</p>
        {codes ? (
          <>
            <p>
              <strong>{t.shownOnce}</strong>
            </p>
            <ul class="recovery-codes">
              {codes.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t.remaining(props.remaining)}</p>
        )}
        <FormAlert ctx={ctx} code={state?.code} />
        <form method="post" action="/admin/recovery-codes">
          <CsrfField ctx={ctx} />
          <Field
            name="code"
            label={t.code}
            hint={t.codeHint}
            error={problemOf(state, 'code', ctx.locale)}
            autocomplete="one-time-code"
            required
            maxLength={7}
          />
          <button class={codes ? 'button button--ghost button--block' : 'button button--block'} type="submit">
            {t.regenerate}
          </button>
        </form>
        <p class="form-links">
          <a href={props.continueTo}>{t.continue}</a>
        </p>
      </div>
    </StaffLayout>
  );
}
