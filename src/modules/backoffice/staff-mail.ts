import type { Locale } from '../../platform/http/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';

/** The emails about staff accounts, in the staff member's language, plain text (see accountMail). */
export function staffMail(shop: ShopIdentity, locale: Locale) {
  const fr = locale === 'fr';
  const sign = `\n\n— ${shop.name}\n${shop.email}`;
  return {
    /** An owner invited this person to the back office; the link lets them choose a password. */
    invitation(to: string, name: string, link: string, hours: number): MailMessage {
      return fr
        ? {
            to,
            subject: `Invitation à l’administration de ${shop.name}`,
            text: `Bonjour ${name},\n\nVous êtes invité(e) à rejoindre l’équipe de ${shop.name} dans son administration. Pour choisir votre mot de passe, ouvrez ce lien (valable ${hours} heures, une seule fois) :\n\n${link}\n\nÀ votre première connexion, vous activerez la double authentification avec une application d’authentification (Aegis, Google Authenticator, 1Password…).\n\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.${sign}`,
          }
        : {
            to,
            subject: `Invitation to the ${shop.name} back office`,
            text: `Hello ${name},\n\nYou are invited to join the ${shop.name} team in its back office. To choose your password, open this link (valid for ${hours} hours, once):\n\n${link}\n\nAt your first sign-in you will set up two-factor sign-in with an authenticator app (Aegis, Google Authenticator, 1Password…).\n\nIf you did not expect this invitation, ignore this message.${sign}`,
          };
    },
  };
}
