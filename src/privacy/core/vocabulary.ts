/**
 * The small, stable vocabulary every privacy declaration is written in (DESIGN.md §3).
 * Each term carries its published wording in both languages, so the policy is rendered from
 * these words and can never say something the code does not declare.
 */
import type { Locale } from '../../platform/http/i18n.js';

export type Wording = Record<Locale, string>;

export const dataCategories = {
  identity: { en: 'Identity (name, username)', fr: 'Identité (nom, nom d’utilisateur)' },
  contact: { en: 'Contact details (email, telephone)', fr: 'Coordonnées (e-mail, téléphone)' },
  'postal-address': { en: 'Postal address', fr: 'Adresse postale' },
  credentials: { en: 'Credentials (password, stored only as a hash)', fr: 'Identifiants (mot de passe, conservé uniquement sous forme d’empreinte)' },
  connection: { en: 'Connection information (IP address)', fr: 'Informations de connexion (adresse IP)' },
  device: { en: 'Computer information (browser and device)', fr: 'Informations sur l’ordinateur (navigateur et appareil)' },
  transaction: { en: 'Purchase history', fr: 'Historique d’achats' },
  'payment-token': { en: 'Payment reference (never the card number)', fr: 'Référence de paiement (jamais le numéro de carte)' },
  communications: { en: 'Communications with you', fr: 'Communications avec vous' },
  'user-content': { en: 'Comments, reviews, feedback and recommendations', fr: 'Commentaires, avis, retours et recommandations' },
  profile: { en: 'Personal profile', fr: 'Profil personnel' },
  usage: { en: 'Session information (pages, response times, interactions)', fr: 'Informations de session (pages, temps de réponse, interactions)' },
  preferences: { en: 'Preferences (language, communications)', fr: 'Préférences (langue, communications)' },
  'consent-record': { en: 'Records of your consent choices', fr: 'Preuves de vos choix de consentement' },
} as const satisfies Record<string, Wording>;
export type DataCategory = keyof typeof dataCategories;

/** The purposes of the seed policy, plus security and the keeping of consent records. */
export const purposes = {
  service: { en: 'To provide and operate the services', fr: 'Fournir et exploiter les services' },
  support: { en: 'To provide customer assistance and technical support', fr: 'Assurer l’assistance client et le support technique' },
  notices: { en: 'To send service-related notices', fr: 'Envoyer des avis liés au service' },
  marketing: { en: 'To send promotional messages', fr: 'Envoyer des messages promotionnels' },
  statistics: { en: 'To create aggregated, non-personal statistics', fr: 'Produire des statistiques agrégées et non personnelles' },
  legal: { en: 'To comply with applicable laws and regulations', fr: 'Respecter les lois et règlements applicables' },
  security: { en: 'To keep the services and accounts secure', fr: 'Assurer la sécurité des services et des comptes' },
  'consent-records': { en: 'To prove the consent choices you made', fr: 'Prouver les choix de consentement que vous avez faits' },
} as const satisfies Record<string, Wording>;
export type Purpose = keyof typeof purposes;

/** GDPR art. 6(1) (a) to (f). */
export const legalBases = {
  consent: { article: '6(1)(a)', en: 'Your consent', fr: 'Votre consentement' },
  contract: { article: '6(1)(b)', en: 'Performance of a contract with you', fr: 'Exécution d’un contrat avec vous' },
  'legal-obligation': { article: '6(1)(c)', en: 'A legal obligation', fr: 'Une obligation légale' },
  'vital-interests': { article: '6(1)(d)', en: 'Vital interests', fr: 'Intérêts vitaux' },
  'public-task': { article: '6(1)(e)', en: 'A task in the public interest', fr: 'Une mission d’intérêt public' },
  'legitimate-interests': { article: '6(1)(f)', en: 'Our legitimate interests', fr: 'Notre intérêt légitime' },
} as const satisfies Record<string, Wording & { article: string }>;
export type LegalBasis = keyof typeof legalBases;

export const dataSubjects = {
  visitor: { en: 'Visitors', fr: 'Visiteurs' },
  member: { en: 'Members', fr: 'Membres' },
  customer: { en: 'Customers', fr: 'Clients' },
  staff: { en: 'Staff', fr: 'Personnel' },
} as const satisfies Record<string, Wording>;
export type DataSubject = keyof typeof dataSubjects;

/** What happens to a row when its subject asks for erasure. */
export const eraseStrategies = {
  delete: { en: 'deleted', fr: 'supprimées' },
  pseudonymize: { en: 'pseudonymized (the link to you is removed)', fr: 'pseudonymisées (le lien avec vous est supprimé)' },
  hold: { en: 'kept until the legal period ends, then deleted', fr: 'conservées jusqu’au terme de la durée légale, puis supprimées' },
} as const satisfies Record<string, Wording>;
export type EraseStrategy = keyof typeof eraseStrategies;

export const cookieCategories = {
  essential: { en: 'Essential', fr: 'Essentiel' },
  functional: { en: 'Functional', fr: 'Fonctionnel' },
  analytics: { en: 'Analytics', fr: 'Mesure d’audience' },
  marketing: { en: 'Marketing', fr: 'Marketing' },
} as const satisfies Record<string, Wording>;
export type CookieCategory = keyof typeof cookieCategories;
