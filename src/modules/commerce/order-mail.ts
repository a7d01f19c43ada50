import { formatDate, formatMoney } from '../../platform/format.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { TermsDocument } from './commerce-ports.js';
import type { Order } from './order.js';

/**
 * The mails of an order's life, in the language the buyer ordered in: confirmation, a failed
 * payment, the reminder before an unpaid order lapses, a refund, a dispute. Plain text, like every
 * mail of the shop. Each is queued in the transaction that changed the order, so it goes once.
 */
export function orderMail(shop: ShopIdentity, order: Order, orderLink: string) {
  const fr = order.locale === 'fr';
  const money = (cents: number) => formatMoney(cents, order.currency, order.locale);
  const sign = fr ? `\n\n— L’équipe ${shop.name}\n${shop.email}` : `\n\n— The ${shop.name} team\n${shop.email}`;
  const lines = order.lines
    .map(
      (line) => `• ${line.quantity} × ${line.name}${line.label ? ` (${line.label})` : ''} — ${money(line.totalCents)}`,
    )
    .join('\n');
  const mail = (subject: string, text: string, attachment?: TermsDocument): MailMessage => ({
    to: order.email,
    subject: `${subject} – ${shop.name}`,
    text: `${text}${sign}`,
    ...(attachment ? { attachments: [attachment] } : {}),
  });
  const hello = fr ? `Bonjour ${order.buyerName},` : `Hello ${order.buyerName},`;

  return {
    /**
     * `terms`: the version of the terms the buyer accepted, as a file (L221-13: the contract on a
     * durable medium, which a link is not); the mail goes without it only if it cannot be found.
     */
    confirmed(invoiceNumber: string, terms: TermsDocument | undefined): MailMessage {
      const contract = `\n\n${termsText(order, terms)}${earlyStartText(order)}`;
      const start = order.lines.some((line) => line.startsAt)
        ? fr
          ? '\n\nPour les cours et ateliers, les informations pratiques vous seront envoyées avant la première séance.'
          : '\n\nFor courses and workshops, the practical details will be sent to you before the first session.'
        : '';
      return fr
        ? mail(
            `Commande ${order.id} confirmée`,
            `${hello}\n\nMerci ! Votre paiement de ${money(order.totalCents)} est bien reçu et votre commande ${order.id} est confirmée.\n\n${lines}\n\nTotal TTC : ${money(order.totalCents)} (dont TVA ${money(order.vatCents)})\nFacture n° ${invoiceNumber}${start}${contract}\n\nVotre commande et votre facture : ${orderLink}`,
            terms,
          )
        : mail(
            `Order ${order.id} confirmed`,
            `${hello}\n\nThank you! Your payment of ${money(order.totalCents)} was received and your order ${order.id} is confirmed.\n\n${lines}\n\nTotal incl. VAT: ${money(order.totalCents)} (VAT ${money(order.vatCents)})\nInvoice no. ${invoiceNumber}${start}${contract}\n\nYour order and invoice: ${orderLink}`,
            terms,
          );
    },

    paymentFailed(reason: string): MailMessage {
      const until = formatDate(order.expiresAt, order.locale, true);
      return fr
        ? mail(
            `Paiement non abouti pour la commande ${order.id}`,
            `${hello}\n\nLe paiement de votre commande ${order.id} n’a pas abouti : ${reason}\n\nRien n’a été débité. Vos articles restent réservés jusqu’au ${until} : vous pouvez payer avec une autre carte ici :\n\n${orderLink}`,
          )
        : mail(
            `Payment not completed for order ${order.id}`,
            `${hello}\n\nThe payment for your order ${order.id} did not go through: ${reason}\n\nNothing was charged. Your items stay reserved until ${until}: you can pay with another card here:\n\n${orderLink}`,
          );
    },

    reminder(): MailMessage {
      const until = formatDate(order.expiresAt, order.locale, true);
      return fr
        ? mail(
            `Votre commande ${order.id} attend son paiement`,
            `${hello}\n\nVotre commande ${order.id} n’est pas encore payée. Vos articles restent réservés jusqu’au ${until} ; ensuite, ils seront remis en vente.\n\n${lines}\n\nTotal TTC : ${money(order.totalCents)}\n\nPayer ou consulter la commande : ${orderLink}\n\nSi vous avez changé d’avis, ignorez ce message : la commande s’annulera d’elle-même et rien ne sera débité.`,
          )
        : mail(
            `Your order ${order.id} is waiting for payment`,
            `${hello}\n\nYour order ${order.id} is not paid yet. Your items stay reserved until ${until}; after that, they go back on sale.\n\n${lines}\n\nTotal incl. VAT: ${money(order.totalCents)}\n\nPay or view the order: ${orderLink}\n\nIf you changed your mind, ignore this message: the order will lapse by itself and nothing will be charged.`,
          );
    },

    refunded(amountCents: number, creditNoteNumber: string | null): MailMessage {
      const note = creditNoteNumber
        ? fr
          ? `\nAvoir n° ${creditNoteNumber}`
          : `\nCredit note no. ${creditNoteNumber}`
        : '';
      return fr
        ? mail(
            `Remboursement de la commande ${order.id}`,
            `${hello}\n\nNous vous avons remboursé ${money(amountCents)} sur la carte qui a payé la commande ${order.id}.${note}\n\nSelon votre banque, le montant apparaît sur votre compte sous 5 à 10 jours ouvrés.\n\nVotre commande : ${orderLink}`,
          )
        : mail(
            `Refund for order ${order.id}`,
            `${hello}\n\nWe refunded ${money(amountCents)} to the card that paid for order ${order.id}.${note}\n\nDepending on your bank, it shows on your account within 5 to 10 working days.\n\nYour order: ${orderLink}`,
          );
    },

    disputed(amountCents: number): MailMessage {
      return fr
        ? mail(
            `Contestation du paiement de la commande ${order.id}`,
            `${hello}\n\nVotre banque nous informe que vous contestez le paiement de ${money(amountCents)} de la commande ${order.id}. Si c’est une erreur ou si nous pouvons régler le problème directement, répondez à ce message : c’est souvent plus rapide qu’une contestation.\n\nVotre commande : ${orderLink}`,
          )
        : mail(
            `Payment dispute for order ${order.id}`,
            `${hello}\n\nYour bank tells us that you dispute the payment of ${money(amountCents)} for order ${order.id}. If this is a mistake, or if we can solve the problem directly, reply to this message: it is often quicker than a dispute.\n\nYour order: ${orderLink}`,
          );
    },
  };
}

/** Which terms the buyer accepted and when, and that they are attached (when they are). */
function termsText(order: Order, terms: TermsDocument | undefined): string {
  const when = formatDate(order.createdAt, order.locale, true);
  if (order.locale === 'fr') {
    const accepted = `Conditions générales de vente : en passant commande le ${when}, vous avez accepté la version ${order.termsVersion} de nos conditions générales de vente.`;
    return terms
      ? `${accepted} Elles sont jointes à cet e-mail (${terms.filename}), avec le modèle de formulaire de rétractation : conservez-les.`
      : accepted;
  }
  const accepted = `Terms of sale: when you placed your order on ${when}, you accepted version ${order.termsVersion} of our terms of sale.`;
  return terms
    ? `${accepted} They are attached to this email (${terms.filename}), with the model withdrawal form: please keep them.`
    : accepted;
}

/**
 * The buyer's express request that a course start within the withdrawal period, and their
 * acknowledgment, as the checkout box worded them and article 7 of the terms states them (L221-25).
 */
function earlyStartText(order: Order): string {
  if (!order.earlyStartRequestedAt) return '';
  const when = formatDate(order.earlyStartRequestedAt, order.locale, true);
  return order.locale === 'fr'
    ? `\n\nCommencement avant la fin du délai de rétractation : le ${when}, vous avez demandé expressément que votre cours ou atelier commence avant la fin de votre délai de rétractation de quatorze jours, et reconnu que vous perdrez votre droit de rétractation une fois la prestation pleinement exécutée (articles L221-25 et L221-28, 1° du Code de la consommation). Si vous vous rétractez après son commencement, vous payez le service fourni jusqu’à la communication de votre décision, proportionnellement au prix total (article 7 des conditions générales de vente).`
    : `\n\nStarting before the withdrawal period ends: on ${when}, you expressly asked that your course or workshop start before the end of your fourteen-day withdrawal period, and acknowledged that you will lose your right of withdrawal once the service has been fully performed (articles L221-25 and L221-28, 1° of the French Consumer Code). If you withdraw after it has begun, you pay for what was provided until you tell us, in proportion to the full price (article 7 of the terms of sale).`;
}

/** Why a payment failed, in words a buyer understands. */
export function failureText(failure: string | null | undefined, locale: 'fr' | 'en'): string {
  const texts: Record<string, { fr: string; en: string }> = {
    card_declined: { fr: 'votre banque a refusé la carte.', en: 'your bank declined the card.' },
    insufficient_funds: {
      fr: 'le solde ou le plafond de la carte est insuffisant.',
      en: 'the card’s balance or limit is too low.',
    },
    expired_card: { fr: 'la carte a expiré.', en: 'the card has expired.' },
    incorrect_cvc: { fr: 'le cryptogramme (CVC) est incorrect.', en: 'the security code (CVC) is incorrect.' },
    authentication_failed: {
      fr: 'la vérification 3-D Secure auprès de votre banque n’a pas abouti.',
      en: 'the 3-D Secure check with your bank did not succeed.',
    },
  };
  return (
    texts[failure ?? '']?.[locale] ??
    (locale === 'fr' ? 'le paiement n’a pas pu être traité.' : 'the payment could not be processed.')
  );
}
