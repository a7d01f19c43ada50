import type { Locale } from '../../platform/http/i18n.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import { formatDate } from '../../platform/format.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

/** The message staff send to the shop's own address to check that mail goes out. */
export function testMail(shop: ShopIdentity, locale: Locale, now: Date): MailMessage {
  const when = formatDate(now.toISOString(), locale, true);
  return locale === 'fr'
    ? {
        to: shop.email,
        subject: `Test d’envoi de ${shop.name}`,
        text: `Ce message de test a été demandé depuis l’espace d’administration le ${when} (heure de Paris).\nSi vous le lisez, l’envoi d’e-mails fonctionne.`,
      }
    : {
        to: shop.email,
        subject: `${shop.name} mail delivery test`,
        text: `This test message was requested from the admin area on ${when} (Paris time).\nIf you can read it, mail delivery works.`,
      };
}
