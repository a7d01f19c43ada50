import { type TermsArticle, type TermsFacts, p, webLink } from './terms-article.js';

/** Les conditions générales de vente, en français (terms-of-sale.ts dit ce qu’elles doivent contenir). */
export function termsOfSaleFr(f: TermsFacts): TermsArticle[] {
  const seller = `${f.company}, ${f.address}`;
  return [
    {
      title: 'Le vendeur',
      blocks: [
        p(
          `Les présentes conditions générales de vente (les «\u00a0conditions\u00a0») sont proposées par ${f.company}, ${f.legalForm}, immatriculée au ${f.registration}, SIRET ${f.siret}, numéro de TVA intracommunautaire ${f.vatNumber}, dont le siège social est situé ${f.address} (le «\u00a0vendeur\u00a0»), qui exploite la boutique en ligne ${f.shopName}.`,
        ),
        p(
          `Le service client répond par e-mail à ${f.email}, par téléphone au ${f.phone} et par courrier à l’adresse du siège social.`,
        ),
      ],
    },
    {
      title: 'Champ d’application',
      blocks: [
        p(
          'Les conditions s’appliquent à toute commande passée sur le site par un consommateur, c’est-à-dire une personne physique qui agit à des fins qui n’entrent pas dans le cadre de son activité commerciale, industrielle, artisanale, libérale ou agricole (l’«\u00a0acheteur\u00a0»). Elles portent sur :',
        ),
        {
          list: [
            'des places pour des cours et des ateliers : des prestations de services rendues à des dates fixées, en ligne ou en présentiel au lieu indiqué sur leur page ;',
            'des articles, tels que des vêtements et des fournitures, expédiés à l’acheteur.',
          ],
        },
        p(
          'Les caractéristiques essentielles de chaque cours, atelier ou article (contenu, dates et horaires, durée, lieu ou format en ligne, taille) sont présentées sur sa page, que l’acheteur est invité à lire avant de commander.',
        ),
        p(
          'Les conditions applicables à une commande sont celles en vigueur le jour où elle est passée. Chaque version des conditions est identifiée et datée ; celle que l’acheteur a acceptée est enregistrée avec sa commande et reste consultable depuis celle-ci. Les conditions existent en français et en anglais ; le contrat est conclu dans la langue dans laquelle l’acheteur a passé sa commande.',
        ),
      ],
    },
    {
      title: 'Prix',
      blocks: [
        p(
          'Les prix sont indiqués en euros, toutes taxes comprises : ils incluent la TVA au taux applicable à chaque cours, atelier ou article, dont le montant est détaillé dans le panier et sur la facture. Les frais de livraison éventuels sont indiqués avant la validation de la commande. Le prix dû est celui affiché au moment de la validation de la commande ; le vendeur peut modifier ses prix à tout moment, sans effet sur les commandes déjà passées.',
        ),
      ],
    },
    {
      title: 'Commande',
      blocks: [
        p('Pour commander, l’acheteur :'),
        {
          list: [
            'choisit un cours ou un atelier et sa session, ou un article et sa taille, et l’ajoute à son panier ;',
            'vérifie son panier, où il peut modifier les quantités et retirer des lignes ;',
            'indique son nom, son adresse e-mail, son adresse de facturation et, pour des articles à expédier, son adresse de livraison ;',
            'accepte les présentes conditions en cochant la case prévue à cet effet et, si un cours ou un atelier commence moins de quatorze jours après la commande, demande expressément qu’il commence avant la fin du délai de rétractation (article 7) ;',
            'vérifie le récapitulatif de sa commande et son prix total, puis la valide et paie sur la page de paiement sécurisée.',
          ],
        },
        p(
          'Jusqu’au paiement, l’acheteur peut revenir aux étapes précédentes pour corriger toute erreur dans sa saisie. Le contrat est conclu dès que le paiement est accepté : le vendeur confirme alors la commande par e-mail, avec son récapitulatif, les informations utiles pour participer aux cours et ateliers et la facture. Les places et les articles d’une commande non payée lui restent réservés jusqu’à l’échéance indiquée sur la page de la commande ; passé ce délai, la commande est annulée, sans frais pour l’acheteur.',
        ),
        p(
          'Le vendeur conserve la commande et sa facture pendant dix ans, et en garantit l’accès à l’acheteur à tout moment sur simple demande (article L213-1 du Code de la consommation) ; l’acheteur qui a un compte les retrouve dans son historique de commandes.',
        ),
      ],
    },
    {
      title: 'Paiement',
      blocks: [
        p(
          'Le prix est payable en totalité à la commande, par carte bancaire, sur la page de paiement sécurisée d’un prestataire de paiement certifié PCI-DSS. Les données de la carte sont saisies chez ce prestataire et traitées par lui : le vendeur n’a jamais connaissance du numéro de la carte et ne le conserve pas. Il ne reçoit que la référence du paiement et, pour la carte, sa marque, ses quatre derniers chiffres et sa date d’expiration.',
        ),
        p(
          'La banque de l’acheteur peut lui demander de confirmer le paiement (authentification forte, 3-D Secure). Si le paiement est refusé, la commande n’est pas conclue ; l’acheteur peut payer avec une autre carte tant que la commande reste réservée.',
        ),
      ],
    },
    {
      title: 'Livraison et déroulement des cours',
      blocks: [
        p(f.delivery),
        p(
          'Les articles sont livrés à l’adresse indiquée par l’acheteur, dans les pays proposés lors de la commande. À défaut d’autre délai indiqué, ils sont livrés au plus tard trente jours après la conclusion du contrat (article L216-1 du Code de la consommation). En cas de retard, l’acheteur peut enjoindre au vendeur, par écrit, de livrer dans un délai supplémentaire raisonnable et, si la livraison n’intervient pas dans ce délai, résoudre le contrat par lettre recommandée ou par e-mail (article L216-6) ; il est alors remboursé au plus tard quatorze jours après la résolution. Le risque de perte ou d’endommagement des articles passe à l’acheteur lorsqu’il en prend physiquement possession (article L216-4).',
        ),
        p(
          'Les cours et ateliers ont lieu aux dates, horaires et lieux (ou en ligne) indiqués sur leur page et rappelés dans l’e-mail de confirmation. Si le vendeur doit annuler ou reporter une session, il en informe l’acheteur au plus tôt ; l’acheteur choisit alors entre une autre session, si une autre est proposée, et le remboursement intégral du prix de la session. Le vendeur est responsable de plein droit de la bonne exécution des prestations (article L221-15).',
        ),
      ],
    },
    {
      title: 'Droit de rétractation',
      blocks: [
        p(
          'Conformément à l’article L221-18 du Code de la consommation, l’acheteur dispose d’un délai de quatorze jours pour se rétracter, sans avoir à motiver sa décision ni à supporter d’autres coûts que ceux prévus ci-dessous. Ce délai court :',
        ),
        {
          list: [
            'pour un cours ou un atelier, à compter du jour de la conclusion du contrat ;',
            'pour un article, à compter du jour où l’acheteur, ou un tiers qu’il a désigné autre que le transporteur, en prend physiquement possession ; pour une commande de plusieurs articles livrés séparément, à compter de la réception du dernier.',
          ],
        },
        p(
          'Le délai qui expire un samedi, un dimanche ou un jour férié ou chômé est prolongé jusqu’au premier jour ouvrable suivant (article L221-19).',
        ),
        p(
          `Pour se rétracter, l’acheteur informe le vendeur de sa décision avant l’expiration du délai, par une déclaration dénuée d’ambiguïté : par e-mail à ${f.email}, ou par courrier à ${seller}. Il peut utiliser le modèle de formulaire ci-dessous, sans y être obligé. Il suffit que sa déclaration soit envoyée avant l’expiration du délai.`,
        ),
        {
          box: {
            title: 'Modèle de formulaire de rétractation',
            blocks: [
              p(
                '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
              ),
              p(`À l’attention de ${seller}, ${f.email} :`),
              p(
                'Je/Nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous :',
              ),
              p('Numéro de la commande :'),
              p('Commandé le (*)/reçu le (*) :'),
              p('Nom du (des) consommateur(s) :'),
              p('Adresse du (des) consommateur(s) :'),
              p(
                'Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :',
              ),
              p('Date :'),
              p('(*) Rayez la mention inutile.'),
            ],
          },
        },
        p(
          'En cas de rétractation, le vendeur rembourse la totalité des sommes versées, y compris les frais de livraison initiaux (sauf le supplément éventuel lié au choix d’un mode de livraison plus coûteux que la livraison standard proposée), sans retard injustifié et au plus tard quatorze jours après avoir été informé de la décision de l’acheteur (article L221-24). Le remboursement est fait par le même moyen de paiement que la commande, sans frais pour l’acheteur. Pour des articles, le vendeur peut différer le remboursement jusqu’à leur récupération ou jusqu’à ce que l’acheteur ait fourni la preuve de leur expédition, la date retenue étant celle du premier de ces faits.',
        ),
        p(
          'Cours et ateliers commençant pendant le délai de rétractation. Un cours ou un atelier dont la session commence avant la fin du délai de quatorze jours ne commence qu’à la demande expresse de l’acheteur (article L221-25) : lors de la commande, l’acheteur coche une case par laquelle il demande ce commencement anticipé et reconnaît qu’il perdra son droit de rétractation une fois la prestation pleinement exécutée ; sans cette demande, la commande ne peut être validée. La date de la demande est enregistrée avec la commande et rappelée sur sa page.',
        ),
        p(
          'L’acheteur qui se rétracte après le début de la prestation paie un montant correspondant au service fourni jusqu’à la communication de sa décision, proportionné au prix total (article L221-25) : au prorata des heures de cours ou d’atelier déjà dispensées, le solde lui étant remboursé. Par exemple, pour un cours de vingt heures dont cinq ont été dispensées, il paie le quart du prix. Le droit de rétractation ne peut plus être exercé une fois la prestation pleinement exécutée, par exemple un atelier d’une journée qui a déjà eu lieu (article L221-28, 1°).',
        ),
      ],
    },
    {
      title: 'Retour des articles',
      blocks: [
        p(
          `L’acheteur qui se rétracte renvoie les articles à ${seller}, sans retard excessif et au plus tard quatorze jours après avoir communiqué sa décision (article L221-23). Les frais directs de renvoi sont à sa charge. Les articles sont renvoyés complets ; la responsabilité de l’acheteur n’est engagée qu’en cas de dépréciation résultant de manipulations autres que celles nécessaires pour établir leur nature, leurs caractéristiques et leur bon fonctionnement : essayer un vêtement est possible, le porter ou le laver ne l’est pas.`,
        ),
        p('Les renvois au titre des garanties légales (article 9) sont, eux, aux frais du vendeur.'),
      ],
    },
    {
      title: 'Garanties légales',
      blocks: [
        p(
          `Le vendeur répond de la garantie légale de conformité (articles L217-1 et suivants du Code de la consommation) et de la garantie des vices cachés (articles 1641 à 1649 du Code civil). Pour les mettre en œuvre, l’acheteur s’adresse à ${seller}, par téléphone au ${f.phone} ou par e-mail à ${f.email}.`,
        ),
        {
          box: {
            title: 'Garantie légale de conformité et garantie des vices cachés',
            blocks: [
              p(
                'Le consommateur dispose d’un délai de deux ans à compter de la délivrance du bien pour obtenir la mise en œuvre de la garantie légale de conformité en cas d’apparition d’un défaut de conformité. Durant ce délai, le consommateur n’est tenu d’établir que l’existence du défaut de conformité et non la date d’apparition de celui-ci.',
              ),
              p(
                'Lorsque le contrat de vente du bien prévoit la fourniture d’un contenu numérique ou d’un service numérique de manière continue pendant une durée supérieure à deux ans, la garantie légale est applicable à ce contenu numérique ou ce service numérique tout au long de la période de fourniture prévue. Durant ce délai, le consommateur n’est tenu d’établir que l’existence du défaut de conformité affectant le contenu numérique ou le service numérique et non la date d’apparition de celui-ci.',
              ),
              p(
                'La garantie légale de conformité emporte obligation pour le professionnel, le cas échéant, de fournir toutes les mises à jour nécessaires au maintien de la conformité du bien.',
              ),
              p(
                'La garantie légale de conformité donne au consommateur droit à la réparation ou au remplacement du bien dans un délai de trente jours suivant sa demande, sans frais et sans inconvénient majeur pour lui.',
              ),
              p(
                'Si le bien est réparé dans le cadre de la garantie légale de conformité, le consommateur bénéficie d’une extension de six mois de la garantie initiale.',
              ),
              p(
                'Si le consommateur demande la réparation du bien, mais que le vendeur impose le remplacement, la garantie légale de conformité est renouvelée pour une période de deux ans à compter de la date de remplacement du bien.',
              ),
              p(
                'Le consommateur peut obtenir une réduction du prix d’achat en conservant le bien ou mettre fin au contrat en se faisant rembourser intégralement contre restitution du bien, si :',
              ),
              {
                list: [
                  '1° Le professionnel refuse de réparer ou de remplacer le bien ;',
                  '2° La réparation ou le remplacement du bien intervient après un délai de trente jours ;',
                  '3° La réparation ou le remplacement du bien occasionne un inconvénient majeur pour le consommateur, notamment lorsque le consommateur supporte définitivement les frais de reprise ou d’enlèvement du bien non conforme, ou s’il supporte les frais d’installation du bien réparé ou de remplacement ;',
                  '4° La non-conformité du bien persiste en dépit de la tentative de mise en conformité du vendeur restée infructueuse.',
                ],
              },
              p(
                'Le consommateur a également droit à une réduction du prix du bien ou à la résolution du contrat lorsque le défaut de conformité est si grave qu’il justifie que la réduction du prix ou la résolution du contrat soit immédiate. Le consommateur n’est alors pas tenu de demander la réparation ou le remplacement du bien au préalable.',
              ),
              p('Le consommateur n’a pas droit à la résolution de la vente si le défaut de conformité est mineur.'),
              p(
                'Toute période d’immobilisation du bien en vue de sa réparation ou de son remplacement suspend la garantie qui restait à courir jusqu’à la délivrance du bien remis en état.',
              ),
              p(
                'Les droits mentionnés ci-dessus résultent de l’application des articles L. 217-1 à L. 217-32 du code de la consommation.',
              ),
              p(
                'Le vendeur qui fait obstacle de mauvaise foi à la mise en œuvre de la garantie légale de conformité encourt une amende civile d’un montant maximal de 300 000 euros, qui peut être porté jusqu’à 10 % du chiffre d’affaires moyen annuel (article L. 241-5 du code de la consommation).',
              ),
              p(
                'Le consommateur bénéficie également de la garantie légale des vices cachés en application des articles 1641 à 1649 du code civil, pour une durée de deux ans à compter de la découverte du défaut. Cette garantie donne droit à une réduction de prix si le bien est conservé ou à un remboursement intégral contre restitution du bien.',
              ),
            ],
          },
        },
        p(
          'Les cours et ateliers sont des prestations de services : le vendeur est responsable de plein droit de leur bonne exécution (article L221-15 du Code de la consommation). S’ils ne sont pas fournis comme décrits, l’acheteur peut notamment en demander l’exécution, une réduction du prix ou la résolution du contrat.',
        ),
      ],
    },
    {
      title: 'Données personnelles',
      blocks: [
        p(
          'Le vendeur, responsable du traitement, utilise les données de l’acheteur pour exécuter sa commande, la facturer, en assurer le suivi et respecter ses obligations légales, notamment comptables. Sa ',
          { text: 'politique de confidentialité', href: f.privacyUrl },
          ' indique précisément quelles données sont conservées, pourquoi, sur quelle base légale et pendant combien de temps, et comment exercer ses droits d’accès, de rectification, d’effacement, de limitation, d’opposition et de portabilité.',
        ),
      ],
    },
    {
      title: 'Réclamations et médiation',
      blocks: [
        p(
          `Pour toute réclamation, l’acheteur s’adresse au service client : par e-mail à ${f.email}, par téléphone au ${f.phone} ou par courrier à ${seller}.`,
        ),
        p(
          `À défaut d’accord, l’acheteur peut recourir gratuitement au médiateur de la consommation dont relève le vendeur, en vue de la résolution amiable du litige (article L612-1 du Code de la consommation) : ${f.mediator.name}, ${f.mediator.address}, `,
          webLink(f.mediator.website),
          '. La demande de médiation n’est recevable que si l’acheteur a d’abord tenté de résoudre le litige directement auprès du vendeur par une réclamation écrite, et si elle est introduite dans l’année qui suit cette réclamation (article L612-2). La médiation est facultative : l’acheteur reste libre de saisir les tribunaux.',
        ),
        p(
          'L’acheteur qui réside dans un autre État de l’Union européenne peut aussi se faire aider gratuitement par le Centre européen des consommateurs France (',
          { text: 'www.europe-consommateurs.eu', href: 'https://www.europe-consommateurs.eu' },
          ').',
        ),
      ],
    },
    {
      title: 'Droit applicable et litiges',
      blocks: [
        p(
          'Les présentes conditions et les ventes qu’elles régissent sont soumises au droit français, sans que ce choix prive l’acheteur qui réside dans un autre pays de la protection que lui assurent les dispositions impératives de la loi de ce pays. À défaut de solution amiable, l’acheteur peut saisir, à son choix, outre l’une des juridictions territorialement compétentes en vertu du Code de procédure civile, la juridiction du lieu où il demeurait au moment de la conclusion du contrat ou de la survenance du fait dommageable (article R631-3 du Code de la consommation).',
        ),
      ],
    },
  ];
}
