import { errorCatalog } from '../../../platform/http/errors.js';
import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import { StaffLayout } from './staff-layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'Join the back office',
    lead: (name: string) =>
      `Welcome, ${name}. Choose your password; at your first sign-in you will set up two-factor codes with an authenticator app.`,
    password: 'New password',
    hint: 'At least 10 characters. A few words make a long password that is easy to remember.',
    save: 'Choose this password',
  },
  fr: {
    title: 'Rejoindre l’administration',
    lead: (name: string) =>
      `Bienvenue, ${name}. Choisissez votre mot de passe ; à votre première connexion, vous activerez la double authentification avec une application.`,
    password: 'Nouveau mot de passe',
    hint: 'Au moins 10 caractères. Quelques mots font un mot de passe long et facile à retenir.',
    save: 'Choisir ce mot de passe',
  },
});

/**
 * The page an invitation link opens: the password form (opening the link changes nothing, so mail
 * scanners cannot use it up), or why the link no longer works.
 */
export function InvitationPage(props: { ctx: PageContext; token: string; name?: string; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const invalid = errorCatalog.VT_LINK_INVALID;
  return (
    <StaffLayout ctx={ctx} title={props.name ? t.title : invalid.title[ctx.locale]}>
      <div class="form-card">
        {props.name ? (
          <>
            <h1>{t.title}</h1>
            <p class="muted">{t.lead(props.name)}</p>
            <FormAlert ctx={ctx} code={state?.code} />
            <form method="post" action={`/admin/invitation?locale=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="token" value={props.token} />
              <Field
                name="password"
                type="password"
                label={t.password}
                hint={t.hint}
                error={problemOf(state, 'password', ctx.locale)}
                autocomplete="new-password"
                required
              />
              <button class="button button--block" type="submit">
                {t.save}
              </button>
            </form>
          </>
        ) : (
          <>
            <h1>{invalid.title[ctx.locale]}</h1>
            <p>{invalid.message[ctx.locale]}</p>
          </>
        )}
      </div>
    </StaffLayout>
  );
}
