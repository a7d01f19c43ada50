import type { Locale } from '../../platform/http/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';

/**
 * The emails of the account lifecycle, in the member's language. Plain text: every mail client
 * shows it, and a link in plain text cannot hide where it goes.
 */
export function accountMail(shop: ShopIdentity, locale: Locale) {
  const sign =
    locale === 'fr' ? `\n\n— L’équipe ${shop.name}\n${shop.email}` : `\n\n— The ${shop.name} team\n${shop.email}`;
  const fr = locale === 'fr';
  const ignore = fr
    ? 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne changera.'
    : 'If you did not ask for this, ignore this message: nothing will change.';
  return {
    verifyEmail(to: string, username: string, link: string): MailMessage {
      return fr
        ? {
            to,
            subject: `Confirmez votre adresse e-mail – ${shop.name}`,
            text: `Bonjour ${username},\n\nBienvenue chez ${shop.name} ! Pour activer votre compte, confirmez votre adresse en ouvrant ce lien (valable 24 heures) :\n\n${link}\n\n${ignore}${sign}`,
          }
        : {
            to,
            subject: `Confirm your email address – ${shop.name}`,
            text: `Hello ${username},\n\nWelcome to ${shop.name}! To activate your account, confirm your address by opening this link (valid for 24 hours):\n\n${link}\n\n${ignore}${sign}`,
          };
    },

    /** Someone signed up with an address that already has an account: only its owner learns it. */
    existingAccount(
      to: string,
      username: string,
      links: { signIn: string; reset: string },
      notActivated: boolean,
    ): MailMessage {
      const verify = notActivated
        ? fr
          ? 'Ce compte n’est pas encore activé. Pour l’activer, choisissez un nouveau mot de passe avec « Mot de passe oublié » ci-dessous.\n\n'
          : 'This account is not activated yet. To activate it, choose a new password with "Forgot your password" below.\n\n'
        : '';
      return fr
        ? {
            to,
            subject: `Vous avez déjà un compte – ${shop.name}`,
            text: `Bonjour,\n\nQuelqu’un (peut-être vous) a voulu créer un compte avec cette adresse. Vous avez déjà un compte, au nom d’utilisateur « ${username} ».\n\n${verify}Se connecter : ${links.signIn}\nMot de passe oublié : ${links.reset}\n\n${ignore}${sign}`,
          }
        : {
            to,
            subject: `You already have an account – ${shop.name}`,
            text: `Hello,\n\nSomeone (perhaps you) tried to create an account with this address. You already have one, with the username "${username}".\n\n${verify}Sign in: ${links.signIn}\nForgot your password: ${links.reset}\n\n${ignore}${sign}`,
          };
    },

    passwordReset(to: string, link: string): MailMessage {
      return fr
        ? {
            to,
            subject: `Réinitialisation de votre mot de passe – ${shop.name}`,
            text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n\n${link}\n\n${ignore}${sign}`,
          }
        : {
            to,
            subject: `Reset your password – ${shop.name}`,
            text: `Hello,\n\nTo choose a new password, open this link (valid for 1 hour, once):\n\n${link}\n\n${ignore}${sign}`,
          };
    },

    confirmNewEmail(to: string, link: string): MailMessage {
      return fr
        ? {
            to,
            subject: `Confirmez votre nouvelle adresse – ${shop.name}`,
            text: `Bonjour,\n\nVous avez demandé à utiliser cette adresse pour votre compte. Confirmez-la en ouvrant ce lien (valable 24 heures) :\n\n${link}\n\n${ignore}${sign}`,
          }
        : {
            to,
            subject: `Confirm your new address – ${shop.name}`,
            text: `Hello,\n\nYou asked to use this address for your account. Confirm it by opening this link (valid for 24 hours):\n\n${link}\n\n${ignore}${sign}`,
          };
    },

    /** To the current address: a change was asked for, and where to turn if it was not them. */
    emailChangeRequested(to: string, newEmail: string): MailMessage {
      return fr
        ? {
            to,
            subject: `Changement d’adresse demandé – ${shop.name}`,
            text: `Bonjour,\n\nUn changement de l’adresse de votre compte vers ${newEmail} a été demandé. Il ne prendra effet que lorsque la nouvelle adresse sera confirmée.\n\nSi ce n’est pas vous, changez votre mot de passe et répondez à ce message.${sign}`,
          }
        : {
            to,
            subject: `Email change requested – ${shop.name}`,
            text: `Hello,\n\nA change of your account’s address to ${newEmail} was requested. It takes effect only once the new address is confirmed.\n\nIf this was not you, change your password and reply to this message.${sign}`,
          };
    },

    passwordChanged(to: string): MailMessage {
      return fr
        ? {
            to,
            subject: `Votre mot de passe a été modifié – ${shop.name}`,
            text: `Bonjour,\n\nLe mot de passe de votre compte vient d’être modifié, et vos autres sessions ont été fermées.\n\nSi ce n’est pas vous, réinitialisez-le tout de suite avec « Mot de passe oublié » et répondez à ce message.${sign}`,
          }
        : {
            to,
            subject: `Your password was changed – ${shop.name}`,
            text: `Hello,\n\nYour account’s password was just changed, and your other sessions were signed out.\n\nIf this was not you, reset it at once with “Forgot your password” and reply to this message.${sign}`,
          };
    },
  };
}
