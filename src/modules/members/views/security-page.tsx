import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { MemberRow } from '../member-tables.js';
import { passwordLength } from '../../../platform/auth/password-policy.js';
import { AccountLayout } from './account-layout.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'Email and password',
    emailTitle: 'Email address',
    currentEmail: 'Your account uses',
    newEmail: 'New email address',
    emailHint: 'We will send a confirmation link to the new address; the change takes effect once you open it.',
    currentPassword: 'Current password',
    changeEmail: 'Change my email',
    passwordTitle: 'Password',
    passwordLead: 'Changing your password signs you out on every other device.',
    newPassword: 'New password',
    passwordHint: `At least ${passwordLength.min} characters.`,
    changePassword: 'Change my password',
    emailSent:
      'We have sent a confirmation link to your new address. Your current address stays in use until you open it.',
    emailChanged: 'Your email address was changed.',
    passwordChanged: 'Your password was changed, and your other devices were signed out.',
  },
  fr: {
    title: 'E-mail et mot de passe',
    emailTitle: 'Adresse e-mail',
    currentEmail: 'Votre compte utilise',
    newEmail: 'Nouvelle adresse e-mail',
    emailHint:
      'Nous enverrons un lien de confirmation à la nouvelle adresse ; le changement prend effet quand vous l’ouvrez.',
    currentPassword: 'Mot de passe actuel',
    changeEmail: 'Changer mon e-mail',
    passwordTitle: 'Mot de passe',
    passwordLead: 'Changer de mot de passe vous déconnecte de tous vos autres appareils.',
    newPassword: 'Nouveau mot de passe',
    passwordHint: `Au moins ${passwordLength.min} caractères.`,
    changePassword: 'Changer mon mot de passe',
    emailSent:
      'Nous avons envoyé un lien de confirmation à votre nouvelle adresse. L’adresse actuelle reste utilisée jusqu’à ce que vous l’ouvriez.',
    emailChanged: 'Votre adresse e-mail a été modifiée.',
    passwordChanged: 'Votre mot de passe a été modifié et vos autres appareils ont été déconnectés.',
  },
});

export type SecurityNotice = 'emailSent' | 'emailChanged' | 'passwordChanged';

export function SecurityPage(props: {
  ctx: PageContext;
  member: MemberRow;
  form?: 'email' | 'password';
  state?: FormState;
  notice?: SecurityNotice;
}) {
  const { ctx, member } = props;
  const t = text[ctx.locale];
  const emailState = props.form === 'email' ? props.state : undefined;
  const passwordState = props.form === 'password' ? props.state : undefined;
  return (
    <AccountLayout ctx={ctx} title={t.title} username={member.username} notice={props.notice && t[props.notice]}>
      <form method="post" action={`${paths.security(ctx.locale)}/email`} class="panel" novalidate>
        <h2>{t.emailTitle}</h2>
        <p>
          {t.currentEmail} <strong>{member.email}</strong>
        </p>
        <FormAlert ctx={ctx} code={emailState?.code} />
        <CsrfField ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={t.newEmail}
          hint={t.emailHint}
          value={emailState?.values?.email}
          error={problemOf(emailState, 'email', ctx.locale)}
          autocomplete="email"
          required
          maxLength={254}
        />
        <Field
          name="current_password"
          type="password"
          label={t.currentPassword}
          error={problemOf(emailState, 'current_password', ctx.locale)}
          autocomplete="current-password"
          required
        />
        <button class="button" type="submit">
          {t.changeEmail}
        </button>
      </form>
      <form method="post" action={`${paths.security(ctx.locale)}/password`} class="panel" novalidate>
        <h2>{t.passwordTitle}</h2>
        <p class="muted">{t.passwordLead}</p>
        <FormAlert ctx={ctx} code={passwordState?.code} />
        <CsrfField ctx={ctx} />
        <input type="text" name="username" value={member.username} autoComplete="username" hidden />
        <Field
          name="current_password"
          type="password"
          label={t.currentPassword}
          error={problemOf(passwordState, 'current_password', ctx.locale)}
          autocomplete="current-password"
          required
        />
        <Field
          name="new_password"
          type="password"
          label={t.newPassword}
          hint={t.passwordHint}
          error={problemOf(passwordState, 'new_password', ctx.locale)}
          autocomplete="new-password"
          required
          maxLength={passwordLength.max}
        />
        <button class="button" type="submit">
          {t.changePassword}
        </button>
      </form>
    </AccountLayout>
  );
}
