import { formatDate } from '../../platform/format.js';
import type { Locale } from '../../platform/http/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { PrivacyRequestRow, RequestKind } from '../../privacy/rights/rights-tables.js';

/** The day of a legal deadline: it ends at the end of that day in Paris (deadline.ts), the shop's day. */
export function formatDeadline(iso: string, locale: Locale): string {
  return formatDate(iso, locale);
}

const kinds: Record<Locale, Record<RequestKind, string>> = {
  en: {
    access: 'for a copy of your personal data',
    correction: 'to correct your personal data',
    erasure: 'to erase your personal data',
    restriction: 'to restrict the processing of your personal data',
    objection: 'objecting to the processing of your personal data',
  },
  fr: {
    access: 'de copie de vos données personnelles',
    correction: 'de rectification de vos données personnelles',
    erasure: 'd’effacement de vos données personnelles',
    restriction: 'de limitation du traitement de vos données personnelles',
    objection: 'd’opposition au traitement de vos données personnelles',
  },
};

/**
 * What staff tell a person about their privacy request, in the request's language: an extension
 * and its reason (GDPR art. 12(3)), a refusal and its reason with the right to complain (12(4)),
 * the answer to a correction, and the end of a restriction (18(3)). Plain text, the staff
 * member's words quoted as typed.
 */
export function privacyRequestMail(shop: ShopIdentity, request: PrivacyRequestRow, to: string) {
  const fr = request.locale === 'fr';
  const locale: Locale = fr ? 'fr' : 'en';
  const what = kinds[locale][request.kind];
  const received = formatDate(request.received_at, locale);
  const sign = fr ? `\n\n— L’équipe ${shop.name}\n${shop.email}` : `\n\n— The ${shop.name} team\n${shop.email}`;
  const quote = (text: string) =>
    text
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  const mail = (subject: string, text: string): MailMessage => ({ to, subject: `${subject} – ${shop.name}`, text });
  return {
    extended(due: string, reason: string): MailMessage {
      const until = formatDeadline(due, locale);
      return fr
        ? mail(
            'Votre demande concernant vos données : délai prolongé',
            `Bonjour,\n\nNous avons bien reçu le ${received} votre demande ${what}. Nous avons besoin de plus de temps pour y répondre, pour la raison suivante :\n\n${quote(reason)}\n\nNous vous répondrons au plus tard le ${until} (le règlement général sur la protection des données, article 12(3), permet de prolonger le délai de deux mois).${sign}`,
          )
        : mail(
            'Your request about your data: more time needed',
            `Hello,\n\nWe received your request ${what} on ${received}. We need more time to answer it, for this reason:\n\n${quote(reason)}\n\nWe will answer by ${until} at the latest (the General Data Protection Regulation, article 12(3), allows two further months).${sign}`,
          );
    },

    refused(reason: string): MailMessage {
      return fr
        ? mail(
            'Votre demande concernant vos données',
            `Bonjour,\n\nNous avons bien reçu le ${received} votre demande ${what}. Nous ne pouvons pas y donner suite, pour la raison suivante :\n\n${quote(reason)}\n\nSi vous n’êtes pas d’accord, vous pouvez nous répondre, adresser une réclamation à la CNIL (www.cnil.fr) ou saisir la justice.${sign}`,
          )
        : mail(
            'Your request about your data',
            `Hello,\n\nWe received your request ${what} on ${received}. We cannot act on it, for this reason:\n\n${quote(reason)}\n\nIf you disagree, you may reply to us, lodge a complaint with the CNIL (www.cnil.fr), the French data protection authority, or seek a judicial remedy.${sign}`,
          );
    },

    corrected(answer: string): MailMessage {
      return fr
        ? mail(
            'Votre demande de rectification est traitée',
            `Bonjour,\n\nNous avons traité votre demande ${what} reçue le ${received}. Voici notre réponse :\n\n${quote(answer)}${sign}`,
          )
        : mail(
            'Your correction request is done',
            `Hello,\n\nWe have handled your request ${what} received on ${received}. Here is our answer:\n\n${quote(answer)}${sign}`,
          );
    },

    restrictionLifted(answer: string): MailMessage {
      return fr
        ? mail(
            'Fin de la limitation du traitement de vos données',
            `Bonjour,\n\nLe ${received}, vous nous avez demandé de limiter le traitement de vos données personnelles. Cette limitation prend fin :\n\n${quote(answer)}\n\nNous traitons de nouveau vos données comme l’indique notre politique de confidentialité.${sign}`,
          )
        : mail(
            'The restriction of your data’s processing ends',
            `Hello,\n\nOn ${received} you asked us to restrict the processing of your personal data. This restriction now ends:\n\n${quote(answer)}\n\nWe process your data again as our privacy policy says.${sign}`,
          );
    },
  };
}
