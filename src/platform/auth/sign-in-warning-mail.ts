import type { Locale } from '../http/i18n.js';
import type { MailMessage } from '../mail/mailer.js';
import type { ShopIdentity } from '../settings/shop-identity.js';

/**
 * "Someone is trying to sign in to your account": sent when an account reaches the sign-in
 * ceiling (login-throttle.ts), once per 15 minutes, to members and staff alike.
 */
export function signInWarningMail(
  shop: ShopIdentity,
  locale: Locale,
  to: string,
  links: { signIn: string; reset?: string },
): MailMessage {
  const fr = locale === 'fr';
  const sign = fr ? `\n\n— L’équipe ${shop.name}\n${shop.email}` : `\n\n— The ${shop.name} team\n${shop.email}`;
  const way = fr
    ? links.reset
      ? `Vous pouvez toujours vous connecter depuis un appareil que vous avez déjà utilisé pour vous connecter (${links.signIn}), ou réinitialiser votre mot de passe (${links.reset}).`
      : `Vous pouvez toujours vous connecter depuis un appareil que vous avez déjà utilisé pour vous connecter (${links.signIn}). Si cela continue, prévenez le responsable de la boutique.`
    : links.reset
      ? `You can still sign in from a device you have signed in from before (${links.signIn}), or reset your password (${links.reset}).`
      : `You can still sign in from a device you have signed in from before (${links.signIn}). If it goes on, tell the shop’s owner.`;
  return fr
    ? {
        to,
        subject: `Quelqu’un essaie de se connecter à votre compte – ${shop.name}`,
        text: `Bonjour,\n\nQuelqu’un essaie de se connecter à votre compte en devinant son mot de passe, depuis de nombreuses adresses. Par sécurité, les connexions depuis un nouvel appareil sont suspendues pendant 15 minutes.\n\n${way}${sign}`,
      }
    : {
        to,
        subject: `Someone is trying to sign in to your account – ${shop.name}`,
        text: `Hello,\n\nSomeone is trying to sign in to your account by guessing its password, from many addresses. For your security, sign-ins from new devices are paused for 15 minutes.\n\n${way}${sign}`,
      };
}
