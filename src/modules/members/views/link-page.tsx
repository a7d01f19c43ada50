import { errorCatalog } from '../../../platform/http/errors.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField } from '../../../web/components/form.js';
import { FormCard } from '../../../web/components/form-card.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';

const text = defineWording({
  en: {
    verify: {
      title: 'Confirm your email address',
      lead: 'One click and your account is active.',
      button: 'Confirm my address',
    },
    change: {
      title: 'Confirm your new address',
      lead: 'Your account will use this address from now on.',
      button: 'Use this address',
    },
    signIn: 'Go to sign-in',
    forgot: 'Ask for a new password link',
  },
  fr: {
    verify: {
      title: 'Confirmez votre adresse e-mail',
      lead: 'Un clic et votre compte est actif.',
      button: 'Confirmer mon adresse',
    },
    change: {
      title: 'Confirmez votre nouvelle adresse',
      lead: 'Votre compte utilisera désormais cette adresse.',
      button: 'Utiliser cette adresse',
    },
    signIn: 'Aller à la connexion',
    forgot: 'Demander un nouveau lien de mot de passe',
  },
});

/**
 * The page an emailed link opens. The link itself changes nothing (mail scanners open links):
 * the button posts the token. An expired or used link says so, and what to do instead.
 */
export function LinkPage(props: { ctx: PageContext; kind: 'verify' | 'change'; token: string; usable: boolean }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const words = t[props.kind];
  const invalid = errorCatalog.VT_LINK_INVALID;
  const action = props.kind === 'verify' ? paths.verifyEmail(ctx.locale) : paths.confirmEmail(ctx.locale);
  return (
    <FormCard ctx={ctx} title={props.usable ? words.title : invalid.title[ctx.locale]}>
      {props.usable ? (
        <>
          <h1>{words.title}</h1>
          <p class="muted">{words.lead}</p>
          <form method="post" action={action}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={props.token} />
            <button class="button button--block button--large" type="submit">
              {words.button}
            </button>
          </form>
        </>
      ) : (
        <>
          <h1>{invalid.title[ctx.locale]}</h1>
          <p>{invalid.message[ctx.locale]}</p>
          <div class="form-links">
            <a href={paths.signIn(ctx.locale)}>{t.signIn}</a>
            <a href={paths.forgotPassword(ctx.locale)}>{t.forgot}</a>
          </div>
        </>
      )}
    </FormCard>
  );
}
