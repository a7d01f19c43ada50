import { type TermsArticle, type TermsFacts, p, webLink } from './terms-article.js';

/** The terms of sale in English, article for article as the French (terms-of-sale.ts says what they must state). */
export function termsOfSaleEn(f: TermsFacts): TermsArticle[] {
  const seller = `${f.company}, ${f.address}`;
  return [
    {
      title: 'The seller',
      blocks: [
        p(
          `These terms of sale (the “terms”) are offered by ${f.company}, ${f.legalForm}, registered under ${f.registration}, SIRET ${f.siret}, EU VAT number ${f.vatNumber}, registered office ${f.address} (the “seller”), which runs the ${f.shopName} online shop.`,
        ),
        p(
          `Customer service answers by email at ${f.email}, by phone on ${f.phone} and by post at the registered office.`,
        ),
      ],
    },
    {
      title: 'Scope',
      blocks: [
        p(
          'These terms apply to every order placed on the site by a consumer, that is an individual acting for purposes outside their trade, business, craft or profession (the “buyer”). They cover:',
        ),
        {
          list: [
            'seats in courses and workshops: services given on set dates, online or in person at the place shown on their page;',
            'goods, such as clothing and supplies, sent to the buyer.',
          ],
        },
        p(
          'The main characteristics of each course, workshop or item (content, dates and times, length, place or online format, size) are shown on its page, which the buyer is invited to read before ordering.',
        ),
        p(
          'An order is governed by the terms in force on the day it is placed. Each version of the terms has an identifier and a date; the one the buyer accepted is recorded with their order and can still be read from it. The terms exist in French and in English; the contract is made in the language in which the buyer placed the order.',
        ),
      ],
    },
    {
      title: 'Prices',
      blocks: [
        p(
          'Prices are in euros, all taxes included: they include VAT at the rate that applies to each course, workshop or item, shown in the cart and on the invoice. Any delivery cost is shown before the order is confirmed. The price due is the one shown when the order is confirmed; the seller may change its prices at any time, without effect on orders already placed.',
        ),
      ],
    },
    {
      title: 'Ordering',
      blocks: [
        p('To order, the buyer:'),
        {
          list: [
            'chooses a course or workshop and its session, or an item and its size, and adds it to the cart;',
            'checks the cart, where quantities can be changed and lines removed;',
            'gives their name, email address, billing address and, for goods to be sent, a delivery address;',
            'accepts these terms by ticking the box provided and, when a course or workshop starts less than fourteen days after the order, expressly asks for it to start before the withdrawal period ends (article 7);',
            'checks the order summary and its total price, then confirms the order and pays on the secure payment page.',
          ],
        },
        p(
          'Until payment, the buyer can go back to the previous steps to correct any input error. The contract is made as soon as the payment is accepted: the seller then confirms the order by email, with its summary, what the buyer needs to attend courses and workshops, and the invoice. Seats and goods in an unpaid order stay reserved for it until the time shown on the order’s page; after that, the order is cancelled at no cost to the buyer.',
        ),
        p(
          'The seller keeps the order and its invoice for ten years and gives the buyer access to them at any time on request (article L213-1 of the French Consumer Code); a buyer with an account finds them in their order history.',
        ),
      ],
    },
    {
      title: 'Payment',
      blocks: [
        p(
          'The price is paid in full when ordering, by card, on the secure payment page of a PCI-DSS certified payment provider. The card details are typed at this provider and processed by it: the seller never sees the card number and does not keep it. It receives only the payment’s reference and, for the card, its brand, last four digits and expiry date.',
        ),
        p(
          'The buyer’s bank may ask them to confirm the payment (strong authentication, 3-D Secure). If the payment is declined, no contract is made; the buyer may pay with another card while the order is still reserved.',
        ),
      ],
    },
    {
      title: 'Delivery and courses',
      blocks: [
        p(f.delivery),
        p(
          'Goods are delivered to the address the buyer gives, in the countries offered when ordering. Unless another time is stated, they are delivered no later than thirty days after the contract is made (article L216-1 of the Consumer Code). If delivery is late, the buyer may ask the seller in writing to deliver within a reasonable extra time and, if it does not, end the contract by registered letter or by email (article L216-6); they are then refunded within fourteen days. The risk of loss or damage passes to the buyer when they take physical possession of the goods (article L216-4).',
        ),
        p(
          'Courses and workshops take place on the dates, at the times and places (or online) shown on their page and repeated in the confirmation email. If the seller has to cancel or postpone a session, it tells the buyer as early as possible; the buyer then chooses between another session, where one is offered, and a full refund of the session’s price. The seller is fully responsible for the proper performance of its services (article L221-15).',
        ),
      ],
    },
    {
      title: 'Right of withdrawal',
      blocks: [
        p(
          'Under article L221-18 of the French Consumer Code, the buyer has fourteen days to withdraw from the contract, without giving any reason and without any cost other than those set out below. The period runs:',
        ),
        {
          list: [
            'for a course or workshop, from the day the contract is made;',
            'for goods, from the day the buyer, or a third party other than the carrier named by the buyer, takes physical possession of them; for an order of several items delivered separately, from receipt of the last one.',
          ],
        },
        p(
          'A period ending on a Saturday, a Sunday or a public holiday is extended to the next working day (article L221-19).',
        ),
        p(
          `To withdraw, the buyer tells the seller of their decision before the period ends, by a clear statement: by email to ${f.email}, or by post to ${seller}. They may use the model form below, but do not have to. It is enough to send the statement before the period ends.`,
        ),
        {
          box: {
            title: 'Model withdrawal form',
            blocks: [
              p('(Complete and return this form only if you wish to withdraw from the contract.)'),
              p(`To ${seller}, ${f.email}:`),
              p(
                'I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the following goods (*)/for the provision of the following service (*):',
              ),
              p('Order number:'),
              p('Ordered on (*)/received on (*):'),
              p('Name of consumer(s):'),
              p('Address of consumer(s):'),
              p('Signature of consumer(s) (only if this form is notified on paper):'),
              p('Date:'),
              p('(*) Delete as appropriate.'),
            ],
          },
        },
        p(
          'On withdrawal, the seller refunds everything paid, including the initial delivery cost (except any extra for choosing a delivery more expensive than the standard one offered), without undue delay and no later than fourteen days after being told of the buyer’s decision (article L221-24). The refund uses the same means of payment as the order, at no cost to the buyer. For goods, the seller may wait until it has them back or until the buyer has shown proof of sending them, whichever comes first.',
        ),
        p(
          'Courses and workshops starting within the withdrawal period. A course or workshop whose session starts before the fourteen days are over only starts at the buyer’s express request (article L221-25): when ordering, the buyer ticks a box by which they ask for this early start and acknowledge that they will lose their right of withdrawal once the service has been fully performed; without this request, the order cannot be placed. The date of the request is recorded with the order and shown on its page.',
        ),
        p(
          'A buyer who withdraws after the service has begun pays an amount for what was provided until they told the seller of their decision, in proportion to the full price (article L221-25): pro rata to the hours of the course or workshop already given, the rest being refunded. For instance, for a twenty-hour course of which five hours have been given, they pay a quarter of the price. The right of withdrawal can no longer be used once the service has been fully performed, for instance a one-day workshop that has already taken place (article L221-28, 1°).',
        ),
      ],
    },
    {
      title: 'Returns',
      blocks: [
        p(
          `A buyer who withdraws sends the goods back to ${seller}, without undue delay and no later than fourteen days after telling the seller of their decision (article L221-23). The buyer pays the direct cost of returning them. Goods are returned complete; the buyer is liable only for a loss of value caused by handling beyond what is needed to establish their nature, characteristics and working: trying on a garment is fine, wearing or washing it is not.`,
        ),
        p('Returns under the legal guarantees (article 9) are at the seller’s cost.'),
      ],
    },
    {
      title: 'Legal guarantees',
      blocks: [
        p(
          `The seller is bound by the legal guarantee of conformity (articles L217-1 ff. of the Consumer Code) and the guarantee against hidden defects (articles 1641 to 1649 of the Civil Code). To use them, the buyer contacts ${seller}, by phone on ${f.phone} or by email at ${f.email}.`,
        ),
        {
          box: {
            title: 'Legal guarantee of conformity and guarantee against hidden defects',
            blocks: [
              p(
                'The consumer has two years from delivery of the goods to have the legal guarantee of conformity applied when a lack of conformity appears. During this period, the consumer only has to show that the lack of conformity exists, not when it appeared.',
              ),
              p(
                'Where the contract of sale provides for digital content or a digital service to be supplied continuously for more than two years, the legal guarantee applies to that content or service throughout the period of supply. During this period, the consumer only has to show that the lack of conformity of the digital content or service exists, not when it appeared.',
              ),
              p(
                'The legal guarantee of conformity obliges the seller, where relevant, to supply every update needed to keep the goods in conformity.',
              ),
              p(
                'The legal guarantee of conformity entitles the consumer to have the goods repaired or replaced within thirty days of asking, free of charge and without major inconvenience.',
              ),
              p(
                'If the goods are repaired under the legal guarantee of conformity, the guarantee is extended by six months.',
              ),
              p(
                'If the consumer asks for a repair but the seller replaces the goods instead, the legal guarantee of conformity starts again for two years from the date of replacement.',
              ),
              p(
                'The consumer may keep the goods with a price reduction, or end the contract and be refunded in full against return of the goods, if:',
              ),
              {
                list: [
                  '1. the seller refuses to repair or replace the goods;',
                  '2. the repair or replacement takes longer than thirty days;',
                  '3. the repair or replacement causes the consumer major inconvenience, in particular when the consumer finally bears the cost of taking back or removing the non-conforming goods, or the cost of installing the repaired or replacement goods;',
                  '4. the goods still do not conform despite the seller’s unsuccessful attempt to bring them into conformity.',
                ],
              },
              p(
                'The consumer is also entitled to a price reduction or to end the contract at once when the lack of conformity is so serious that it justifies it. The consumer then does not have to ask for a repair or replacement first.',
              ),
              p('The consumer may not end the contract if the lack of conformity is minor.'),
              p(
                'Any time during which the goods are unavailable for repair or replacement suspends the remaining guarantee until the goods are handed back in working order.',
              ),
              p('These rights result from articles L217-1 to L217-32 of the French Consumer Code.'),
              p(
                'A seller who obstructs in bad faith the application of the legal guarantee of conformity is liable to a civil fine of up to €300,000, which may be raised to 10% of its average annual turnover (article L241-5 of the Consumer Code).',
              ),
              p(
                'The consumer also has the legal guarantee against hidden defects under articles 1641 to 1649 of the French Civil Code, for two years from the discovery of the defect. It entitles the consumer to a price reduction if the goods are kept, or to a full refund against return of the goods.',
              ),
            ],
          },
        },
        p(
          'Courses and workshops are services: the seller is fully responsible for their proper performance (article L221-15 of the Consumer Code). If they are not provided as described, the buyer may in particular ask for them to be provided, for a price reduction or to end the contract.',
        ),
      ],
    },
    {
      title: 'Personal data',
      blocks: [
        p(
          'The seller, as data controller, uses the buyer’s data to fulfil the order, invoice it, follow it up and meet its legal duties, accounting in particular. Its ',
          { text: 'privacy policy', href: f.privacyUrl },
          ' states exactly what data is kept, why, on what legal basis and for how long, and how to exercise the rights of access, rectification, erasure, restriction, objection and portability.',
        ),
      ],
    },
    {
      title: 'Complaints and mediation',
      blocks: [
        p(
          `For any complaint, the buyer contacts customer service: by email at ${f.email}, by phone on ${f.phone} or by post to ${seller}.`,
        ),
        p(
          `If no agreement is reached, the buyer may turn, free of charge, to the consumer mediator the seller belongs to, to settle the dispute amicably (article L612-1 of the Consumer Code): ${f.mediator.name}, ${f.mediator.address}, `,
          webLink(f.mediator.website),
          '. The mediator only takes the case if the buyer first tried to settle it directly with the seller by a written complaint, and asks for mediation within a year of that complaint (article L612-2). Mediation is optional: the buyer remains free to go to court.',
        ),
        p(
          'A buyer living in another European Union country may also get free help from the European Consumer Centre France (',
          { text: 'www.europe-consommateurs.eu', href: 'https://www.europe-consommateurs.eu' },
          ').',
        ),
      ],
    },
    {
      title: 'Governing law and disputes',
      blocks: [
        p(
          'These terms and the sales they govern are subject to French law, without depriving a buyer who lives in another country of the protection of the mandatory rules of that country’s law. Failing an amicable settlement, the buyer may bring the case, as they choose, before one of the courts with territorial jurisdiction under the French Code of Civil Procedure, or before the court of the place where they lived when the contract was made or when the harmful event occurred (article R631-3 of the Consumer Code).',
        ),
      ],
    },
  ];
}
