/**
 * The small, stable vocabulary every privacy declaration is written in (DESIGN.md §3).
 * Each term carries its published wording in both languages. A term names a kind, never an
 * example that may not apply: what a column actually holds is said by the column itself (its
 * `says`), so the policy cannot claim "telephone" for a one-time link because it is "contact".
 */
import type { Wording } from './languages.js';

export type { Locale, Wording } from './languages.js';

export const dataCategories = {
  identity: { en: 'Identity', fr: 'Identité' },
  contact: { en: 'Contact details', fr: 'Coordonnées' },
  'postal-address': { en: 'Postal address', fr: 'Adresse postale' },
  credentials: { en: 'Sign-in and security secrets', fr: 'Secrets de connexion et de sécurité' },
  connection: { en: 'Connection information', fr: 'Informations de connexion' },
  device: { en: 'Device information', fr: 'Informations sur l’appareil' },
  transaction: { en: 'Purchase history', fr: 'Historique d’achats' },
  'payment-token': { en: 'Payment reference', fr: 'Référence de paiement' },
  communications: { en: 'Communications', fr: 'Communications' },
  'user-content': { en: 'Content you write', fr: 'Contenus que vous rédigez' },
  profile: { en: 'Profile', fr: 'Profil' },
  usage: { en: 'Activity', fr: 'Activité' },
  preferences: { en: 'Preferences', fr: 'Préférences' },
  'consent-record': { en: 'Consent records', fr: 'Preuves de consentement' },
} as const satisfies Record<string, Wording>;
export type DataCategory = keyof typeof dataCategories;

/** The purposes of the seed policy, plus security and the keeping of consent records. */
export const purposes = {
  service: { en: 'To provide and operate the services', fr: 'Fournir et exploiter les services' },
  support: {
    en: 'To provide customer assistance and technical support',
    fr: 'Assurer l’assistance client et le support technique',
  },
  notices: { en: 'To send service-related notices', fr: 'Envoyer des avis liés au service' },
  marketing: { en: 'To send promotional messages', fr: 'Envoyer des messages promotionnels' },
  statistics: {
    en: 'To create aggregated, non-personal statistics',
    fr: 'Produire des statistiques agrégées et non personnelles',
  },
  legal: { en: 'To comply with applicable laws and regulations', fr: 'Respecter les lois et règlements applicables' },
  security: { en: 'To keep the services and accounts secure', fr: 'Assurer la sécurité des services et des comptes' },
  'consent-records': {
    en: 'To prove the consent choices you made',
    fr: 'Prouver les choix de consentement que vous avez faits',
  },
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

/**
 * How a column finds a person's rows: it holds their account id, or their email address (a guest
 * buyer who signs up later is found by it), or it is free text that may mention either.
 */
export const subjectLinkKinds = {
  'account-id': { en: 'by your account', fr: 'par votre compte' },
  email: { en: 'by your email address', fr: 'par votre adresse e-mail' },
  mentions: {
    en: 'by a mention of your account or address',
    fr: 'par une mention de votre compte ou de votre adresse',
  },
} as const satisfies Record<string, Wording>;
export type SubjectLinkKind = keyof typeof subjectLinkKinds;

/** What happens to the rows a person's erasure request finds (a column may hold itself back: Hold). */
export const tableEraseActions = {
  delete: { en: 'the rows are deleted', fr: 'les lignes sont supprimées' },
  pseudonymize: {
    en: 'the rows are kept without what identifies you',
    fr: 'les lignes sont conservées sans ce qui vous identifie',
  },
} as const satisfies Record<string, Wording>;
export type TableEraseAction = keyof typeof tableEraseActions;

export const cookieCategories = {
  essential: { en: 'Essential', fr: 'Essentiel' },
  functional: { en: 'Functional', fr: 'Fonctionnel' },
  analytics: { en: 'Analytics', fr: 'Mesure d’audience' },
  marketing: { en: 'Marketing', fr: 'Marketing' },
} as const satisfies Record<string, Wording>;
export type CookieCategory = keyof typeof cookieCategories;
