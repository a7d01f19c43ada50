import { FormCard } from '../../../web/components/form-card.js';
import { errorCatalog } from '../../../platform/http/errors.js';
import { defineWording, type Locale } from '../../../platform/http/i18n.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { fieldProblemText } from '../../../web/field-wording.js';
import type { FormState } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { PendingRequest, PublicRequestKind } from '../public-requests.js';
import { detailsMaxLength, publicRequestKinds } from '../public-requests.js';
import { ErasureReceiptList } from './erasure-receipt-list.js';

const text = defineWording({
  en: {
    title: 'A request about your data',
    lead: 'No account needed. Tell us what you want, and we will email a confirmation link to the address: following it proves that the request comes from you. We answer within one month at the latest.',
    members: 'You have an account? Sign in to ask from it.',
    email: 'Your email address',
    emailHint: 'The address we know you by: an order, a message you sent us, the newsletter.',
    kind: 'What do you want?',
    kinds: {
      access: {
        label: 'A copy of my data',
        hint: 'We email you a link to download everything we keep linked to your address.',
      },
      correction: {
        label: 'Correct my data',
        hint: 'Say below what is wrong and what it should be: our team corrects it and tells you.',
      },
      erasure: {
        label: 'Erase my data',
        hint: 'Everything linked to your address goes, except what the law makes us keep for a while: you see exactly what before you confirm.',
      },
      objection: {
        label: 'Stop marketing messages',
        hint: 'We no longer use your address for newsletters and offers.',
      },
    } satisfies Record<PublicRequestKind, { label: string; hint: string }>,
    details: 'Details',
    detailsHint: `Optional, except for a correction. ${detailsMaxLength} characters at most.`,
    submit: 'Send me the confirmation link',
    policy: 'Read our privacy policy',
    problems: {
      'request-kind': 'Choose what you want us to do.',
      'correction-details': 'Say what is wrong, and what it should be.',
      'too-long': `This is too long: ${detailsMaxLength} characters at most.`,
    } as Record<string, string>,
    inboxTitle: 'Check your mailbox',
    inbox:
      'We have sent a message to the address you gave: open the link inside to confirm your request. It works once, for 24 hours. Nothing happens until you confirm.',
    inboxHelp: 'Nothing after a few minutes? Check your spam folder, or send the form again.',
    back: 'Back to the shop',
    confirmTitle: 'Confirm your request',
    about: (email: string) => `This request is about the address ${email}.`,
    will: {
      access:
        'We will gather everything the shop keeps linked to this address into an archive, and email you a link to download it once. It usually takes a few minutes.',
      correction: 'Our team will correct your data as you asked and tell you by email, within one month at the latest.',
      erasure:
        'We will erase everything linked to this address. Here is exactly what is removed and what is kept, why and until when. A receipt is emailed to you just before your address is erased. It cannot be undone.',
      objection:
        'We will stop using this address for marketing messages (newsletters, offers). Emails about what you ordered or asked still reach you.',
    } satisfies Record<PublicRequestKind, string>,
    yourWords: 'What you wrote:',
    button: {
      access: 'Confirm: prepare my copy',
      correction: 'Confirm my request',
      erasure: 'Confirm: erase my data',
      objection: 'Confirm: no more marketing messages',
    } satisfies Record<PublicRequestKind, string>,
    notMe: 'Not you? Close this page: nothing happens without this button.',
    newRequest: 'Make a new request',
    doneTitle: 'Your request is confirmed',
    done: {
      access:
        'We are preparing your archive: the download link will reach your mailbox within minutes. It works once, for 3 days.',
      correction:
        'Your request is with our team: they will correct your data and tell you by email, within one month at the latest.',
      erasure:
        'Your data is being erased. The receipt, listing what is removed and kept, is emailed to you just before your address goes.',
      objection: 'Done: we no longer use your address for marketing messages.',
    } satisfies Record<PublicRequestKind, string>,
  },
  fr: {
    title: 'Une demande concernant vos données',
    lead: 'Aucun compte n’est nécessaire. Dites-nous ce que vous souhaitez : nous envoyons un lien de confirmation à l’adresse indiquée, et l’ouvrir prouve que la demande vient de vous. Nous répondons au plus tard sous un mois.',
    members: 'Vous avez un compte ? Connectez-vous pour le demander depuis celui-ci.',
    email: 'Votre adresse e-mail',
    emailHint:
      'L’adresse sous laquelle nous vous connaissons : une commande, un message envoyé, la lettre d’information.',
    kind: 'Que souhaitez-vous ?',
    kinds: {
      access: {
        label: 'Une copie de mes données',
        hint: 'Nous vous envoyons un lien pour télécharger tout ce que nous conservons lié à votre adresse.',
      },
      correction: {
        label: 'Corriger mes données',
        hint: 'Indiquez ci-dessous ce qui est faux et ce qu’il faut mettre : notre équipe corrige et vous prévient.',
      },
      erasure: {
        label: 'Effacer mes données',
        hint: 'Tout ce qui est lié à votre adresse disparaît, sauf ce que la loi nous oblige à garder un temps : vous voyez exactement quoi avant de confirmer.',
      },
      objection: {
        label: 'Ne plus recevoir de messages commerciaux',
        hint: 'Nous n’utilisons plus votre adresse pour la lettre d’information et les offres.',
      },
    } satisfies Record<PublicRequestKind, { label: string; hint: string }>,
    details: 'Précisions',
    detailsHint: `Facultatif, sauf pour une correction. ${detailsMaxLength} caractères au plus.`,
    submit: 'Envoyez-moi le lien de confirmation',
    policy: 'Lire notre politique de confidentialité',
    problems: {
      'request-kind': 'Choisissez ce que vous souhaitez que nous fassions.',
      'correction-details': 'Indiquez ce qui est faux, et ce qu’il faut mettre.',
      'too-long': `C’est trop long : ${detailsMaxLength} caractères au plus.`,
    } as Record<string, string>,
    inboxTitle: 'Consultez votre boîte de réception',
    inbox:
      'Nous avons envoyé un message à l’adresse indiquée : ouvrez le lien qu’il contient pour confirmer votre demande. Il est utilisable une fois, pendant 24 heures. Rien ne se passe tant que vous n’avez pas confirmé.',
    inboxHelp: 'Rien au bout de quelques minutes ? Regardez dans les indésirables, ou renvoyez le formulaire.',
    back: 'Retour à la boutique',
    confirmTitle: 'Confirmez votre demande',
    about: (email: string) => `Cette demande concerne l’adresse ${email}.`,
    will: {
      access:
        'Nous rassemblons dans une archive tout ce que la boutique conserve lié à cette adresse, et vous envoyons par e-mail un lien pour la télécharger une fois. Cela prend en général quelques minutes.',
      correction:
        'Notre équipe corrigera vos données comme demandé et vous préviendra par e-mail, au plus tard sous un mois.',
      erasure:
        'Nous effacerons tout ce qui est lié à cette adresse. Voici exactement ce qui est supprimé et ce qui est conservé, pourquoi et jusqu’à quand. Un reçu vous est envoyé par e-mail juste avant l’effacement de votre adresse. C’est irréversible.',
      objection:
        'Nous n’utiliserons plus cette adresse pour des messages commerciaux (lettre d’information, offres). Les e-mails sur vos commandes ou vos demandes continuent de vous parvenir.',
    } satisfies Record<PublicRequestKind, string>,
    yourWords: 'Ce que vous avez écrit :',
    button: {
      access: 'Confirmer : préparer ma copie',
      correction: 'Confirmer ma demande',
      erasure: 'Confirmer : effacer mes données',
      objection: 'Confirmer : plus de messages commerciaux',
    } satisfies Record<PublicRequestKind, string>,
    notMe: 'Ce n’est pas vous ? Fermez cette page : rien ne se passe sans ce bouton.',
    newRequest: 'Faire une nouvelle demande',
    doneTitle: 'Votre demande est confirmée',
    done: {
      access:
        'Nous préparons votre archive : le lien de téléchargement arrivera dans votre boîte de réception d’ici quelques minutes. Il est utilisable une fois, pendant 3 jours.',
      correction:
        'Votre demande est transmise à notre équipe : elle corrigera vos données et vous préviendra par e-mail, au plus tard sous un mois.',
      erasure:
        'Vos données sont en cours d’effacement. Le reçu, qui liste ce qui est supprimé et conservé, vous est envoyé juste avant l’effacement de votre adresse.',
      objection: 'C’est fait : nous n’utilisons plus votre adresse pour des messages commerciaux.',
    } satisfies Record<PublicRequestKind, string>,
  },
});

/** A field's problem in the visitor's language: this form's own codes first, then the shared ones. */
function problem(state: FormState | undefined, field: string, locale: Locale): string | undefined {
  const code = state?.fields?.[field];
  if (!code) return undefined;
  return text[locale].problems[code] ?? fieldProblemText(code, locale);
}

/** The public form: an address, what the person wants, details (needed for a correction). */
export function PublicRequestFormPage(props: { ctx: PageContext; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const chosen = state?.values?.kind;
  const kindError = problem(state, 'kind', ctx.locale);
  return (
    <FormCard ctx={ctx} title={t.title} wide>
      <h1>{t.title}</h1>
      <p class="muted">{t.lead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.privacyRequestForm(ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={t.email}
          hint={t.emailHint}
          value={state?.values?.email}
          error={problem(state, 'email', ctx.locale)}
          autocomplete="email"
          required
          maxLength={254}
        />
        <fieldset class={`choices${kindError ? ' field--invalid' : ''}`}>
          <legend>{t.kind}</legend>
          {kindError && (
            <p class="field-error" id="field-kind-error">
              {kindError}
            </p>
          )}
          {publicRequestKinds.map((kind) => (
            <label class="choice" key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={chosen === kind}
                required
                aria-describedby={`kind-${kind}-hint${kindError ? ' field-kind-error' : ''}`}
              />
              <span>
                <strong>{t.kinds[kind].label}</strong>
                <span class="field-hint" id={`kind-${kind}-hint`}>
                  {t.kinds[kind].hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          name="details"
          label={t.details}
          hint={t.detailsHint}
          value={state?.values?.details}
          error={problem(state, 'details', ctx.locale)}
          maxLength={detailsMaxLength}
          multiline
        />
        <button class="button button--block" type="submit">
          {t.submit}
        </button>
      </form>
      <div class="form-links">
        <a href={paths.signIn(ctx.locale)}>{t.members}</a>
        <a href={paths.privacy(ctx.locale)}>{t.policy}</a>
      </div>
    </FormCard>
  );
}

/** The one answer to the form, whatever the address: known, unknown, a member's. */
export function CheckMailboxPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <FormCard ctx={ctx} title={t.inboxTitle}>
      <h1>{t.inboxTitle}</h1>
      <Notice kind="success">{t.inbox}</Notice>
      <p class="muted">{t.inboxHelp}</p>
      <div class="form-links">
        <a href={paths.home(ctx.locale)}>{t.back}</a>
      </div>
    </FormCard>
  );
}

/** The page the proof link opens: what will happen (for an erasure, the receipt), and the one button that does it. */
export function ConfirmPublicRequestPage(props: { ctx: PageContext; pending: PendingRequest; token: string }) {
  const { ctx, pending } = props;
  const t = text[ctx.locale];
  const { kind, email, details } = pending.request;
  return (
    <FormCard ctx={ctx} title={t.confirmTitle} wide={kind === 'erasure'}>
      <h1>{t.confirmTitle}</h1>
      <p>
        <strong>{t.kinds[kind].label}</strong>
      </p>
      <p class="muted">{t.about(email ?? '')}</p>
      <p>{t.will[kind]}</p>
      {pending.receipt && <ErasureReceiptList lines={pending.receipt} locale={ctx.locale} />}
      {details && (
        <>
          <p class="muted">{t.yourWords}</p>
          <blockquote class="request-words">{details}</blockquote>
        </>
      )}
      <form method="post" action={paths.privacyRequestConfirm(ctx.locale)}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={props.token} />
        <button class={`button button--block${kind === 'erasure' ? ' button--danger' : ''}`} type="submit">
          {t.button[kind]}
        </button>
      </form>
      <div class="form-links">
        <span class="muted">{t.notMe}</span>
      </div>
    </FormCard>
  );
}

/** An expired, used or unknown link: what to do instead; nothing changed. */
export function PublicRequestLinkInvalidPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const invalid = errorCatalog.VT_LINK_INVALID;
  return (
    <FormCard ctx={ctx} title={invalid.title[ctx.locale]}>
      <h1>{invalid.title[ctx.locale]}</h1>
      <p>{invalid.message[ctx.locale]}</p>
      <div class="form-links">
        <a href={paths.privacyRequestForm(ctx.locale)}>{t.newRequest}</a>
        <a href={paths.home(ctx.locale)}>{t.back}</a>
      </div>
    </FormCard>
  );
}

/** After the button: what happens now, for this kind of request. */
export function PublicRequestDonePage(props: { ctx: PageContext; kind: PublicRequestKind }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  return (
    <FormCard ctx={ctx} title={t.doneTitle}>
      <h1>{t.doneTitle}</h1>
      <Notice kind="success">{t.done[props.kind]}</Notice>
      <div class="form-links">
        <a href={paths.home(ctx.locale)}>{t.back}</a>
      </div>
    </FormCard>
  );
}
