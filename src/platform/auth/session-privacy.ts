import type { PersonalColumn, Retention } from '../../privacy/core/declare.js';
import type { SessionRow } from './session-store.js';

type SessionColumn = Extract<keyof SessionRow, string>;

/**
 * What a session row holds about its account holder, for the member and the staff session tables
 * alike (one SessionStore serves both): declared once here, so the two cannot tell different
 * stories. Where a session was used from serves security, on our legitimate interest, whoever
 * signed in; the table's own basis covers keeping the person signed in.
 */
export const sessionColumns = {
  token_hash: {
    category: 'credentials',
    says: {
      en: 'A fingerprint (hash) of the random key in your sign-in cookie; the key itself is not stored',
      fr: 'Une empreinte (hachage) de la clé aléatoire de votre cookie de connexion ; la clé elle-même n’est pas conservée',
    },
    purposes: ['service'],
  },
  ip: {
    category: 'connection',
    says: {
      en: 'The IP address the session was last used from',
      fr: 'L’adresse IP depuis laquelle la session a été utilisée en dernier',
    },
    purposes: ['security'],
    basis: 'legitimate-interests',
  },
  user_agent: {
    category: 'device',
    says: {
      en: 'The browser and system the session was last used from, as the browser describes them',
      fr: 'Le navigateur et le système depuis lesquels la session a été utilisée en dernier, tels que le navigateur les décrit',
    },
    purposes: ['security'],
    basis: 'legitimate-interests',
  },
} as const satisfies { [C in SessionColumn]?: PersonalColumn<SessionColumn> };

/** The session columns that say nothing about the person: ids, flags and times of the session itself. */
export const sessionNonPersonal = [
  'id',
  'account_id',
  'remember',
  'stage',
  'created_at',
  'last_used_at',
  'expires_at',
] as const satisfies readonly SessionColumn[];

/** A session row lives until the session expires (signing out deletes it at once), then a day. */
export const sessionRetention = {
  keep: 'P1D',
  from: 'expires_at',
  after: { en: 'the session expires', fr: 'l’expiration de la session' },
  reason: {
    en: 'Signing out deletes a session at once; an expired one is of no further use.',
    fr: 'Se déconnecter supprime aussitôt la session ; une session expirée ne sert plus à rien.',
  },
} as const satisfies Retention<SessionColumn>;
