import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';

/** One article of the terms: a title and its paragraphs, plain text (the page escapes it). */
export interface TermsSection {
  title: string;
  paragraphs: string[];
}

/**
 * The terms of sale (conditions générales de vente) of a French shop selling course and workshop
 * seats and goods to consumers, written from the seller's settings: nothing about the company is
 * typed here. What the law asks them to say: the seller (L221-5, L111-1), prices VAT included,
 * the order and its acceptance, payment, delivery, the 14-day withdrawal right (L221-18) and its
 * exception for services begun at the buyer's express request (L221-25, L221-28 1°), the legal
 * guarantees (L217-3 ff., civil code 1641), personal data, and the consumer mediator (L612-1).
 */
export function termsOfSale(locale: Locale, seller: SellerIdentity, shop: ShopIdentity): TermsSection[] {
  const address = `${shop.address.street}, ${shop.address.postalCode} ${shop.address.city}, ${shop.address.country}`;
  const who = `${seller.companyName}, ${seller.legalForm[locale]}, ${seller.registration}, SIRET ${seller.siret}`;
  const mediator = `${seller.mediator.name}, ${seller.mediator.address}, ${seller.mediator.website}`;
  return locale === 'fr'
    ? [
        {
          title: '1. Le vendeur',
          paragraphs: [
            `Les présentes conditions générales de vente s’appliquent aux ventes conclues sur le site de ${shop.name}, exploité par ${who}, dont le siège est situé ${address} (n° de TVA intracommunautaire ${seller.vatNumber}). Contact : ${shop.email}, ${seller.phone}.`,
          ],
        },
        {
          title: '2. Objet',
          paragraphs: [
            'Elles régissent la vente à des consommateurs de places à des cours et ateliers (des prestations de services à une date donnée, en ligne ou dans nos locaux) et d’articles (vêtements, papeterie). Elles sont acceptées par l’acheteur au moment de la commande ; la version acceptée est conservée avec la commande et reste consultable.',
          ],
        },
        {
          title: '3. Prix',
          paragraphs: [
            'Les prix sont indiqués en euros, toutes taxes comprises (TVA française incluse au taux applicable à chaque article). Les frais de livraison éventuels sont indiqués avant la validation de la commande. Le prix facturé est celui affiché au moment de la commande.',
          ],
        },
        {
          title: '4. Commande',
          paragraphs: [
            'L’acheteur choisit les articles (et, pour un cours ou un atelier, la session), vérifie son panier, indique son nom, son adresse e-mail et son adresse de facturation (et de livraison pour les articles à expédier), accepte les présentes conditions, puis paie. Les places et les articles sont réservés pendant 24 heures à compter de la commande ; une commande non payée dans ce délai est annulée et les articles sont remis en vente.',
            'La commande est ferme une fois le paiement accepté. Un e-mail de confirmation récapitulant la commande, avec la facture, est alors envoyé à l’acheteur.',
          ],
        },
        {
          title: '5. Paiement',
          paragraphs: [
            'Le paiement s’effectue par carte bancaire sur la page sécurisée de notre prestataire de paiement, certifié PCI-DSS. Le numéro de carte est saisi chez ce prestataire et ne nous est jamais transmis : nous ne conservons que la référence du paiement, la marque, les quatre derniers chiffres et la date d’expiration de la carte. Le paiement peut nécessiter une authentification forte (3-D Secure).',
          ],
        },
        {
          title: '6. Livraison et accès aux cours',
          paragraphs: [
            seller.delivery.fr,
            'Les cours et ateliers ont lieu aux dates, horaires et lieux (ou en ligne) indiqués sur leur page. Si nous devons annuler une session, l’acheteur est remboursé intégralement ou, s’il le préfère, inscrit à une autre session.',
          ],
        },
        {
          title: '7. Droit de rétractation',
          paragraphs: [
            'Conformément à l’article L221-18 du Code de la consommation, l’acheteur dispose d’un délai de quatorze jours pour se rétracter, sans avoir à motiver sa décision : à compter de la conclusion du contrat pour un cours ou un atelier, à compter de la réception pour un article.',
            `Pour l’exercer, il suffit de nous le faire savoir de façon claire, par e-mail à ${shop.email} ou par courrier à ${address}, par exemple avec ce modèle : « Je vous notifie par la présente ma rétractation du contrat portant sur la vente ci-dessous : commande n° …, commandée le …, nom, adresse, date, signature (en cas de courrier). »`,
            'Nous remboursons la totalité des sommes versées, y compris les frais de livraison initiaux, au plus tard quatorze jours après avoir été informés de la rétractation, par le même moyen de paiement. Pour un article, le remboursement peut être différé jusqu’à la récupération de l’article ou la preuve de son expédition.',
            'Exception : lorsqu’un cours ou un atelier commence avant la fin du délai de rétractation, il ne peut commencer qu’à la demande expresse de l’acheteur, recueillie lors de la commande (article L221-25). S’il se rétracte après le début de la prestation, l’acheteur paie le montant correspondant au service fourni jusqu’à la communication de sa décision, proportionnellement au prix total. Il perd son droit de rétractation une fois la prestation entièrement exécutée (article L221-28, 1°).',
          ],
        },
        {
          title: '8. Retours',
          paragraphs: [
            `L’article est renvoyé au plus tard quatorze jours après la communication de la rétractation, à l’adresse ${address}, dans son état d’origine. Les frais de retour sont à la charge de l’acheteur. Sa responsabilité n’est engagée qu’en cas de dépréciation résultant de manipulations autres que celles nécessaires pour établir la nature, les caractéristiques et le bon fonctionnement de l’article.`,
          ],
        },
        {
          title: '9. Garanties légales',
          paragraphs: [
            'Les articles bénéficient de la garantie légale de conformité (articles L217-3 et suivants du Code de la consommation) pendant deux ans à compter de la délivrance : l’acheteur peut obtenir la réparation ou le remplacement de l’article, ou à défaut une réduction du prix ou la résolution de la vente. Ils bénéficient aussi de la garantie des vices cachés (articles 1641 et suivants du Code civil) : l’acheteur peut alors choisir la résolution de la vente ou une réduction du prix. Les prestations de cours et d’ateliers sont garanties conformes à leur description (article L224-25-12 et suivants).',
          ],
        },
        {
          title: '10. Données personnelles',
          paragraphs: [
            'Les données de la commande sont traitées pour l’exécuter, la facturer et respecter nos obligations comptables. Notre politique de confidentialité, générée à partir du code de la boutique, dit exactement ce qui est conservé, pourquoi et combien de temps, et comment exercer vos droits.',
          ],
        },
        {
          title: '11. Réclamations et médiation',
          paragraphs: [
            `Pour toute réclamation, écrivez-nous à ${shop.email}. À défaut de solution, l’acheteur peut recourir gratuitement au médiateur de la consommation (article L612-1) : ${mediator}. Il peut aussi utiliser la plateforme européenne de règlement en ligne des litiges : https://ec.europa.eu/consumers/odr.`,
          ],
        },
        {
          title: '12. Droit applicable',
          paragraphs: [
            'Les présentes conditions sont soumises au droit français. En cas de litige, les tribunaux français sont compétents, l’acheteur consommateur pouvant saisir la juridiction de son domicile.',
          ],
        },
      ]
    : [
        {
          title: '1. The seller',
          paragraphs: [
            `These terms of sale apply to purchases made on the ${shop.name} website, run by ${who}, registered office ${address} (EU VAT number ${seller.vatNumber}). Contact: ${shop.email}, ${seller.phone}.`,
          ],
        },
        {
          title: '2. Scope',
          paragraphs: [
            'They govern the sale to consumers of seats in courses and workshops (services given on a set date, online or on our premises) and of goods (clothing, stationery). The buyer accepts them when ordering; the version accepted is kept with the order and can still be read.',
          ],
        },
        {
          title: '3. Prices',
          paragraphs: [
            'Prices are in euros, all taxes included (French VAT at the rate that applies to each item). Any delivery cost is shown before the order is confirmed. The price charged is the one shown when ordering.',
          ],
        },
        {
          title: '4. Ordering',
          paragraphs: [
            'The buyer chooses the items (and, for a course or workshop, the session), checks the cart, gives their name, email address and billing address (and a delivery address for goods to send), accepts these terms, then pays. Seats and goods are held for 24 hours from the order; an order not paid by then is cancelled and its items go back on sale.',
            'The order is binding once the payment is accepted. A confirmation email with the order summary and the invoice is then sent to the buyer.',
          ],
        },
        {
          title: '5. Payment',
          paragraphs: [
            'Payment is by card, on the secure page of our payment provider, certified PCI-DSS. The card number is typed at the provider and never reaches us: we keep only the payment reference, the card’s brand, last four digits and expiry date. The payment may require strong authentication (3-D Secure).',
          ],
        },
        {
          title: '6. Delivery and access to courses',
          paragraphs: [
            seller.delivery.en,
            'Courses and workshops take place on the dates, at the times and places (or online) shown on their page. If we have to cancel a session, the buyer is refunded in full or, if they prefer, moved to another session.',
          ],
        },
        {
          title: '7. Right of withdrawal',
          paragraphs: [
            'Under article L221-18 of the French Consumer Code, the buyer has fourteen days to withdraw from the contract, without giving a reason: from the day the contract is made for a course or workshop, from the day of receipt for goods.',
            `To withdraw, tell us clearly, by email to ${shop.email} or by post to ${address}, for instance with this model: "I hereby give notice that I withdraw from my contract for the sale below: order no. …, ordered on …, name, address, date, signature (if on paper)."`,
            'We refund everything paid, including the initial delivery cost, within fourteen days of being told of the withdrawal, by the same means of payment. For goods, the refund may wait until we get them back or receive proof that they were sent.',
            'Exception: a course or workshop that starts before the withdrawal period ends can only start at the buyer’s express request, asked for at checkout (article L221-25). If they withdraw after it has begun, the buyer pays for the service provided until they told us, in proportion to the full price. The right of withdrawal is lost once the service has been fully performed (article L221-28, 1°).',
          ],
        },
        {
          title: '8. Returns',
          paragraphs: [
            `Goods are sent back within fourteen days of the withdrawal notice, to ${address}, in their original condition. The buyer pays the cost of return. The buyer is liable only for a loss of value caused by handling beyond what is needed to establish the nature, characteristics and working of the goods.`,
          ],
        },
        {
          title: '9. Legal guarantees',
          paragraphs: [
            'Goods are covered by the legal guarantee of conformity (articles L217-3 ff. of the Consumer Code) for two years from delivery: the buyer may have them repaired or replaced, or failing that get a price reduction or cancel the sale. They are also covered by the guarantee against hidden defects (articles 1641 ff. of the Civil Code): the buyer may then choose to cancel the sale or get a price reduction. Courses and workshops are guaranteed to match their description (articles L224-25-12 ff.).',
          ],
        },
        {
          title: '10. Personal data',
          paragraphs: [
            'The order’s data is used to fulfil it, invoice it and meet our accounting duties. Our privacy policy, generated from the shop’s code, says exactly what is kept, why and for how long, and how to exercise your rights.',
          ],
        },
        {
          title: '11. Complaints and mediation',
          paragraphs: [
            `For any complaint, write to us at ${shop.email}. If we cannot settle it, the buyer may turn, free of charge, to the consumer mediator (article L612-1): ${mediator}. The European online dispute resolution platform is also available: https://ec.europa.eu/consumers/odr.`,
          ],
        },
        {
          title: '12. Governing law',
          paragraphs: [
            'These terms are governed by French law. Any dispute goes before the French courts; a consumer buyer may bring it before the court of their home.',
          ],
        },
      ];
}
