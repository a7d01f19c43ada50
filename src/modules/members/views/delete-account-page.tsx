import { defineWording } from '../../../platform/http/i18n.js';
import { Checkbox, CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { AccountLayout } from './account-layout.js';
import { Layout } from '../../../web/components/layout.js';
import type { ReceiptLine } from '../../../privacy/rights/erasure-receipt.js';
import { ErasureReceiptList } from '../../../privacy/rights/views/erasure-receipt-list.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'Delete my account',
    lead: 'This erases your account and everything the shop keeps about you, except what the law requires us to keep for a while (each item is listed with its reason and end date once you confirm), and signs you out everywhere. It cannot be undone.',
    password: 'Your password',
    confirm: 'I understand that my account will be deleted for good',
    submit: 'Delete my account',
    receipt: {
      title: 'Your account is being erased',
      lead: 'You are signed out everywhere. Within a minute, this is done — the same list is emailed to you just before your address is erased:',
      home: 'Back to the shop',
    },
  },
  fr: {
    title: 'Supprimer mon compte',
    lead: 'Cela efface votre compte et tout ce que la boutique conserve sur vous, sauf ce que la loi nous oblige à garder un temps (chaque élément est listé avec sa raison et sa date de fin dès votre confirmation), et vous déconnecte partout. C’est irréversible.',
    password: 'Votre mot de passe',
    confirm: 'Je comprends que mon compte sera supprimé définitivement',
    submit: 'Supprimer mon compte',
    receipt: {
      title: 'Votre compte est en cours d’effacement',
      lead: 'Vous êtes déconnecté partout. D’ici une minute, voici ce qui est fait — la même liste vous est envoyée par e-mail juste avant l’effacement de votre adresse :',
      home: 'Retour à la boutique',
    },
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

/** Shown once the erasure is asked for: the receipt, what goes and what stays, why and until when. */
export function ErasureReceiptPage(props: { ctx: PageContext; lines: readonly ReceiptLine[] }) {
  const { ctx } = props;
  const t = text[ctx.locale].receipt;
  return (
    <Layout ctx={ctx} title={t.title}>
      <section class="container form-page">
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        <ErasureReceiptList lines={props.lines} locale={ctx.locale} />
        <p>
          <a class="button" href={paths.home(ctx.locale)}>
            {t.home}
          </a>
        </p>
      </section>
    </Layout>
  );
}
