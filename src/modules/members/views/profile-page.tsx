import { defineWording } from '../../../platform/http/i18n.js';
import { CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import type { MemberRow } from '../member-tables.js';
import { AccountLayout } from './account-layout.js';
import type { AccountLine } from '../account-uses.js';
import { type FormState, problemOf } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    title: 'My profile',
    saved: 'Your profile was saved.',
    welcome: 'Welcome! Your account is ready.',
    public: 'About you',
    optional: 'Optional.',
    notShown: 'No page of the shop shows it to other visitors.',
    displayName: 'Display name',
    bio: 'Short bio',
    details: 'Your details',
    detailsHint: 'All optional. Kept with your account, and never shown to other visitors.',
    name: 'Full name',
    phone: 'Telephone',
    address1: 'Address',
    address2: 'Address (continued)',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    language: 'Preferred language for our emails',
    save: 'Save my profile',
  },
  fr: {
    title: 'Mon profil',
    saved: 'Votre profil est enregistré.',
    welcome: 'Bienvenue ! Votre compte est prêt.',
    public: 'À propos de vous',
    optional: 'Facultatif.',
    notShown: 'Aucune page de la boutique ne le montre aux autres visiteurs.',
    displayName: 'Nom affiché',
    bio: 'Courte présentation',
    details: 'Vos coordonnées',
    detailsHint: 'Toutes facultatives. Conservées avec votre compte, et jamais montrées aux autres visiteurs.',
    name: 'Nom complet',
    phone: 'Téléphone',
    address1: 'Adresse',
    address2: 'Complément d’adresse',
    postalCode: 'Code postal',
    city: 'Ville',
    country: 'Pays',
    language: 'Langue préférée pour nos e-mails',
    save: 'Enregistrer mon profil',
  },
});

/** `shownToOthers`: where other visitors see the profile, as the modules of this shop say (account-uses.ts). */
export function ProfilePage(props: {
  ctx: PageContext;
  member: MemberRow;
  shownToOthers: AccountLine[];
  state?: FormState;
  notice?: 'saved' | 'welcome';
}) {
  const { ctx, member, state } = props;
  const t = text[ctx.locale];
  const shown = props.shownToOthers.map((line) => line[ctx.locale]);
  const publicHint = [t.optional, ...(shown.length > 0 ? shown : [t.notShown])].join(' ');
  const value = (field: keyof MemberRow) => (state?.values ? state.values[field] : (member[field] as string | null));
  const error = (field: string) => problemOf(state, field, ctx.locale);
  const locale = value('preferred_locale');
  return (
    <AccountLayout ctx={ctx} title={t.title} username={member.username} notice={props.notice && t[props.notice]}>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action={paths.account(ctx.locale)} class="panel" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t.public}</legend>
          <p class="field-hint">{publicHint}</p>
          <Field
            name="display_name"
            label={t.displayName}
            value={value('display_name')}
            error={error('display_name')}
            maxLength={50}
            autocomplete="nickname"
          />
          <Field name="bio" label={t.bio} value={value('bio')} error={error('bio')} maxLength={500} multiline />
        </fieldset>
        <fieldset>
          <legend>{t.details}</legend>
          <p class="field-hint">{t.detailsHint}</p>
          <Field
            name="name"
            label={t.name}
            value={value('name')}
            error={error('name')}
            maxLength={100}
            autocomplete="name"
          />
          <Field
            name="phone"
            type="tel"
            label={t.phone}
            value={value('phone')}
            error={error('phone')}
            maxLength={30}
            autocomplete="tel"
          />
          <Field
            name="address_line1"
            label={t.address1}
            value={value('address_line1')}
            error={error('address_line1')}
            maxLength={200}
            autocomplete="address-line1"
          />
          <Field
            name="address_line2"
            label={t.address2}
            value={value('address_line2')}
            error={error('address_line2')}
            maxLength={200}
            autocomplete="address-line2"
          />
          <div class="field-row">
            <Field
              name="postal_code"
              label={t.postalCode}
              value={value('postal_code')}
              error={error('postal_code')}
              maxLength={20}
              autocomplete="postal-code"
            />
            <Field
              name="city"
              label={t.city}
              value={value('city')}
              error={error('city')}
              maxLength={100}
              autocomplete="address-level2"
            />
          </div>
          <Field
            name="country"
            label={t.country}
            value={value('country')}
            error={error('country')}
            maxLength={100}
            autocomplete="country-name"
          />
          <div class={`field${error('preferred_locale') ? ' field--invalid' : ''}`}>
            <label for="field-preferred_locale">{t.language}</label>
            <select id="field-preferred_locale" name="preferred_locale">
              <option value="fr" selected={locale === 'fr'}>
                Français
              </option>
              <option value="en" selected={locale === 'en'}>
                English
              </option>
            </select>
          </div>
        </fieldset>
        <button class="button" type="submit">
          {t.save}
        </button>
      </form>
    </AccountLayout>
  );
}
