import { defineWording } from '../../../platform/http/i18n.js';
import { Checkbox, CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { passwordLength } from '../../../platform/auth/password-policy.js';
import { FormCard } from '../../../web/components/form-card.js';
import type { AccountUses } from '../account-uses.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    signUpTitle: 'Create your account',
    signUpLead: 'With an account, you can:',
    username: 'Username',
    usernameUse: 'You can sign in with it instead of your email address.',
    usernameRule: '3 to 30 letters, digits, dots, dashes or underscores.',
    email: 'Email address',
    password: 'Password',
    passwordHint: `At least ${passwordLength.min} characters. A few unrelated words are strong and easy to remember.`,
    name: 'Full name (optional)',
    create: 'Create my account',
    privacy: 'We use your details to run your account, as our privacy policy explains.',
    haveAccount: 'Already a member? Sign in',
    signInTitle: 'Sign in',
    identifier: 'Username or email',
    remember: 'Remember me on this device for 12 months',
    signIn: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount: 'New here? Create an account',
    verified: 'Your email address is confirmed. Sign in to start.',
    reset: 'Your password was changed. Sign in with the new one.',
    signedOut: 'You are signed out.',
    inboxTitle: 'Check your inbox',
    inboxSignUp:
      'If the details are valid, we have sent a message to this address: open the link inside to activate your account. It works for 24 hours.',
    inboxReset:
      'If an account uses this address, we have sent it a link to choose a new password. It works for one hour.',
    inboxHelp: 'Nothing after a few minutes? Check your spam folder, or try again.',
    forgotTitle: 'Forgot your password?',
    forgotLead: 'Enter your account’s email address and we will send you a link to choose a new password.',
    sendLink: 'Send me a link',
    back: 'Back to sign-in',
    resetTitle: 'Choose a new password',
    newPassword: 'New password',
    save: 'Save the new password',
  },
  fr: {
    signUpTitle: 'Créer votre compte',
    signUpLead: 'Avec un compte, vous pouvez :',
    username: 'Nom d’utilisateur',
    usernameUse: 'Vous pouvez l’utiliser pour vous connecter, à la place de votre adresse e-mail.',
    usernameRule: '3 à 30 lettres, chiffres, points, tirets ou tirets bas.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    passwordHint: `Au moins ${passwordLength.min} caractères. Quelques mots sans rapport entre eux font un mot de passe solide et facile à retenir.`,
    name: 'Nom complet (facultatif)',
    create: 'Créer mon compte',
    privacy:
      'Nous utilisons vos informations pour gérer votre compte, comme l’explique notre politique de confidentialité.',
    haveAccount: 'Déjà membre ? Connectez-vous',
    signInTitle: 'Connexion',
    identifier: 'Nom d’utilisateur ou e-mail',
    remember: 'Rester connecté sur cet appareil pendant 12 mois',
    signIn: 'Se connecter',
    forgot: 'Mot de passe oublié ?',
    noAccount: 'Nouveau ? Créez un compte',
    verified: 'Votre adresse e-mail est confirmée. Connectez-vous pour commencer.',
    reset: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
    signedOut: 'Vous êtes déconnecté.',
    inboxTitle: 'Consultez votre boîte de réception',
    inboxSignUp:
      'Si les informations sont valides, nous avons envoyé un message à cette adresse : ouvrez le lien qu’il contient pour activer votre compte. Il est valable 24 heures.',
    inboxReset:
      'Si un compte utilise cette adresse, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Il est valable une heure.',
    inboxHelp: 'Rien au bout de quelques minutes ? Regardez dans les indésirables, ou réessayez.',
    forgotTitle: 'Mot de passe oublié ?',
    forgotLead:
      'Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    sendLink: 'M’envoyer un lien',
    back: 'Retour à la connexion',
    resetTitle: 'Choisir un nouveau mot de passe',
    newPassword: 'Nouveau mot de passe',
    save: 'Enregistrer le nouveau mot de passe',
  },
});

/** `uses`: what an account gives and where others see a member, as the modules of this shop say (account-uses.ts). */
export function SignUpPage(props: { ctx: PageContext; uses: AccountUses; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const v = state?.values ?? {};
  const usernameHint = [
    t.usernameUse,
    ...props.uses.shownToOthers.map((line) => line[ctx.locale]),
    t.usernameRule,
  ].join(' ');
  return (
    <FormCard ctx={ctx} title={t.signUpTitle}>
      <h1>{t.signUpTitle}</h1>
      <p class="muted" id="account-benefits">
        {t.signUpLead}
      </p>
      <ul class="checklist small" aria-labelledby="account-benefits">
        {props.uses.benefits.map((line) => (
          <li key={line.en}>{line[ctx.locale]}</li>
        ))}
      </ul>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.signUp(ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="username"
          label={t.username}
          hint={usernameHint}
          value={v.username}
          error={problemOf(state, 'username', ctx.locale)}
          autocomplete="username"
          required
          maxLength={30}
        />
        <Field
          name="email"
          type="email"
          label={t.email}
          value={v.email}
          error={problemOf(state, 'email', ctx.locale)}
          autocomplete="email"
          required
          maxLength={254}
        />
        <Field
          name="password"
          type="password"
          label={t.password}
          hint={t.passwordHint}
          error={problemOf(state, 'password', ctx.locale)}
          autocomplete="new-password"
          required
          maxLength={passwordLength.max}
        />
        <Field
          name="name"
          label={t.name}
          value={v.name}
          error={problemOf(state, 'name', ctx.locale)}
          autocomplete="name"
          maxLength={100}
        />
        <p class="small muted">
          <a href={paths.privacy(ctx.locale)}>{t.privacy}</a>
        </p>
        <button class="button button--block button--large" type="submit">
          {t.create}
        </button>
      </form>
      <div class="form-links">
        <a href={paths.signIn(ctx.locale)}>{t.haveAccount}</a>
      </div>
    </FormCard>
  );
}

export type SignInNotice = 'verified' | 'reset' | 'signedOut';

export function SignInPage(props: { ctx: PageContext; state?: FormState; next?: string; notice?: SignInNotice }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const action = props.next
    ? `${paths.signIn(ctx.locale)}?next=${encodeURIComponent(props.next)}`
    : paths.signIn(ctx.locale);
  return (
    <FormCard ctx={ctx} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      {props.notice && <Notice kind="success">{t[props.notice]}</Notice>}
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <Field
          name="identifier"
          label={t.identifier}
          value={state?.values?.identifier}
          autocomplete="username"
          required
          maxLength={254}
        />
        <Field
          name="password"
          type="password"
          label={t.password}
          autocomplete="current-password"
          required
          maxLength={passwordLength.max}
        />
        <Checkbox name="remember" label={t.remember} checked={state?.values?.remember === '1'} />
        <button class="button button--block button--large" type="submit">
          {t.signIn}
        </button>
      </form>
      <div class="form-links">
        <a href={paths.forgotPassword(ctx.locale)}>{t.forgot}</a>
        <a href={paths.signUp(ctx.locale)}>{t.noAccount}</a>
      </div>
    </FormCard>
  );
}

export function CheckInboxPage(props: { ctx: PageContext; reason: 'sign-up' | 'reset' }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <FormCard ctx={ctx} title={t.inboxTitle}>
      <h1>{t.inboxTitle}</h1>
      <Notice kind="success">{props.reason === 'sign-up' ? t.inboxSignUp : t.inboxReset}</Notice>
      <p class="muted">{t.inboxHelp}</p>
      <div class="form-links">
        <a href={paths.signIn(ctx.locale)}>{t.back}</a>
      </div>
    </FormCard>
  );
}

export function ForgotPasswordPage(props: { ctx: PageContext; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  return (
    <FormCard ctx={ctx} title={t.forgotTitle}>
      <h1>{t.forgotTitle}</h1>
      <p class="muted">{t.forgotLead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.forgotPassword(ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={t.email}
          value={state?.values?.email}
          error={problemOf(state, 'email', ctx.locale)}
          autocomplete="email"
          required
          maxLength={254}
        />
        <button class="button button--block" type="submit">
          {t.sendLink}
        </button>
      </form>
      <div class="form-links">
        <a href={paths.signIn(ctx.locale)}>{t.back}</a>
      </div>
    </FormCard>
  );
}

export function ResetPasswordPage(props: { ctx: PageContext; token: string; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  return (
    <FormCard ctx={ctx} title={t.resetTitle}>
      <h1>{t.resetTitle}</h1>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.resetPassword(ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={props.token} />
        <Field
          name="password"
          type="password"
          label={t.newPassword}
          hint={t.passwordHint}
          error={problemOf(state, 'password', ctx.locale)}
          autocomplete="new-password"
          required
          maxLength={passwordLength.max}
        />
        <button class="button button--block" type="submit">
          {t.save}
        </button>
      </form>
    </FormCard>
  );
}
