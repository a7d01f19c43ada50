import { defineWording } from '../../../platform/http/i18n.js';
import { Checkbox, CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { AccountLayout } from './account-layout.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'Delete my account',
    lead: 'This deletes your account and your profile at once, and signs you out everywhere. It cannot be undone.',
    password: 'Your password',
    confirm: 'I understand that my account will be deleted for good',
    submit: 'Delete my account',
  },
  fr: {
    title: 'Supprimer mon compte',
    lead: 'Votre compte et votre profil sont supprimés immédiatement, et vous êtes déconnecté partout. C’est irréversible.',
    password: 'Votre mot de passe',
    confirm: 'Je comprends que mon compte sera supprimé définitivement',
    submit: 'Supprimer mon compte',
  },
});

export function DeleteAccountPage(props: { ctx: PageContext; username: string; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  return (
    <AccountLayout ctx={ctx} title={t.title} username={props.username}>
      <p class="lead">{t.lead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.deleteAccount(ctx.locale)} class="panel" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="password"
          type="password"
          label={t.password}
          error={problemOf(state, 'password', ctx.locale) ?? problemOf(state, 'current_password', ctx.locale)}
          autocomplete="current-password"
          required
        />
        <Checkbox name="confirm" label={t.confirm} error={problemOf(state, 'confirm', ctx.locale)} />
        <button class="button button--danger" type="submit">
          {t.submit}
        </button>
      </form>
    </AccountLayout>
  );
}
