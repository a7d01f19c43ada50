import { sessionColumns, sessionNonPersonal, sessionRetention } from '../../platform/auth/session-privacy.js';
import { defineCookie, defineData } from '../../privacy/core/declare.js';
import type { StaffTables } from './staff-tables.js';

/**
 * The audit of staff changes outlives an erasure request: the record of who disabled, demoted or
 * reset whom must stay for its year, or it could not serve to investigate a misuse of the back
 * office. Both staff ids of a row (who acted, on whom) are held, on our legitimate interest.
 */
const auditHold = {
  hold: 'P1Y',
  from: 'at',
  after: { en: 'the change', fr: 'la modification' },
  basis: 'legitimate-interests',
  // The columns must stay filled: once the hold ends, the row says only that its staff member was erased.
  releasedAs: { text: 'erased' },
  reason: {
    en: 'The record of who disabled, demoted or reset whom must outlast the people concerned, or it could not serve to investigate a misuse of the back office; an erasure request does not shorten it.',
    fr: 'La trace de qui a désactivé, rétrogradé ou réinitialisé qui doit survivre aux personnes concernées, sinon elle ne pourrait servir à enquêter sur un usage abusif de l’administration ; une demande d’effacement ne l’abrège pas.',
  },
} as const;

const linkExpires = { en: 'the link expires', fr: 'l’expiration du lien' };

export const backofficeData = defineData<StaffTables>()({
  module: 'backoffice',
  tables: {
    accounts_staff: {
      about: { en: 'Staff accounts', fr: 'Comptes du personnel' },
      note: {
        en: 'For the people who run the shop’s back office.',
        fr: 'Pour les personnes qui gèrent l’administration de la boutique.',
      },
      subject: [
        { column: 'id', kind: 'account-id', of: ['staff'] },
        { column: 'email', kind: 'email', of: ['staff'] },
      ],
      purposes: ['service'],
      basis: 'contract',
      retention: {
        keep: 'P3Y',
        from: 'last_seen_at',
        after: { en: 'the last sign-in', fr: 'la dernière connexion' },
        reason: {
          en: 'An account is closed when the person leaves; one left unused that long is treated as abandoned.',
          fr: 'Un compte est fermé au départ de la personne ; un compte resté inutilisé aussi longtemps est considéré comme abandonné.',
        },
      },
      erase: 'delete',
      columns: {
        email: { category: 'contact', says: { en: 'Work email address', fr: 'Adresse e-mail professionnelle' } },
        email_key: {
          category: 'contact',
          says: {
            en: 'Work email address in the form we compare, to find the account',
            fr: 'Adresse e-mail professionnelle sous la forme que nous comparons, pour retrouver le compte',
          },
        },
        name: { category: 'identity', says: { en: 'Name', fr: 'Nom' } },
        role: {
          category: 'profile',
          says: {
            en: 'Role in the back office (owner, support, marketing or accountant)',
            fr: 'Rôle dans l’administration (propriétaire, support, marketing ou comptable)',
          },
        },
        password_hash: {
          category: 'credentials',
          says: {
            en: 'Password, stored only as an argon2id hash, from which it cannot be read back',
            fr: 'Mot de passe, conservé uniquement sous forme d’empreinte argon2id, dont il ne peut pas être retrouvé',
          },
        },
        totp_secret: {
          category: 'credentials',
          says: {
            en: 'The key of the two-factor authentication app, encrypted',
            fr: 'La clé de l’application de double authentification, chiffrée',
          },
          purposes: ['security'],
          basis: 'legitimate-interests',
        },
        last_seen_at: {
          category: 'usage',
          says: {
            en: 'When the person last signed in, shown to the shop’s owners',
            fr: 'La date de la dernière connexion, visible des propriétaires de la boutique',
          },
          purposes: ['security'],
          basis: 'legitimate-interests',
        },
      },
      nonPersonal: [
        'id',
        'password_changed_at',
        'totp_enabled_at',
        'totp_last_step',
        'disabled_at',
        'created_at',
        'updated_at',
      ],
    },
    accounts_staff_recovery_codes: {
      about: {
        en: 'Staff two-factor recovery codes',
        fr: 'Codes de secours de la double authentification du personnel',
      },
      subject: [{ column: 'staff_id', kind: 'account-id', of: ['staff'] }],
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P3Y',
        from: 'created_at',
        after: { en: 'they are made', fr: 'leur création' },
        reason: {
          en: 'They are replaced when new ones are made or two-factor is reset, and deleted with the account; this limit removes any left behind.',
          fr: 'Ils sont remplacés quand de nouveaux codes sont générés ou que la double authentification est réinitialisée, et supprimés avec le compte ; cette limite efface ceux qui resteraient.',
        },
      },
      erase: 'delete',
      columns: {
        code_hash: {
          category: 'credentials',
          says: {
            en: 'Each recovery code (usable once), stored only as a keyed hash',
            fr: 'Chaque code de secours (utilisable une fois), conservé uniquement sous forme d’empreinte à clé',
          },
        },
      },
      nonPersonal: ['staff_id', 'created_at', 'used_at'],
    },
    accounts_staff_invitations: {
      about: {
        en: 'Invitations sent to new staff members',
        fr: 'Invitations envoyées aux nouveaux membres du personnel',
      },
      subject: [{ column: 'staff_id', kind: 'account-id', of: ['staff'] }],
      purposes: ['service'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P7D',
        from: 'expires_at',
        after: linkExpires,
        reason: {
          en: 'An expired or used invitation is of no further use.',
          fr: 'Une invitation expirée ou utilisée ne sert plus à rien.',
        },
      },
      erase: 'delete',
      columns: {
        token_hash: {
          category: 'credentials',
          says: {
            en: 'A fingerprint (hash) of the secret in the invitation link; the link itself is not stored',
            fr: 'Une empreinte (hachage) du secret du lien d’invitation ; le lien lui-même n’est pas conservé',
          },
          purposes: ['service', 'security'],
        },
      },
      nonPersonal: ['staff_id', 'created_at', 'expires_at', 'used_at'],
    },
    accounts_staff_audit: {
      about: { en: 'Record of changes to staff accounts', fr: 'Registre des modifications des comptes du personnel' },
      note: {
        en: 'Invitations, role changes, disabling, two-factor resets and uses of a recovery code: who acted, on whom, and when. No names or addresses.',
        fr: 'Invitations, changements de rôle, désactivations, réinitialisations de la double authentification et usages d’un code de secours : qui a agi, sur qui, et quand. Ni nom ni adresse.',
      },
      // A row is about two staff members: export and erasure find it under either.
      subject: [
        { column: 'target_staff_id', kind: 'account-id', of: ['staff'], scope: 'column' },
        { column: 'actor', kind: 'account-id', of: ['staff'], scope: 'column' },
      ],
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P1Y',
        from: 'at',
        after: { en: 'the change', fr: 'la modification' },
        reason: {
          en: 'To investigate a misuse of the back office.',
          fr: 'Pour enquêter sur un usage abusif de l’administration.',
        },
      },
      // Append-only: rows leave by retention alone (staff-audit.ts); both personal columns are held.
      erase: 'delete',
      columns: {
        actor: {
          category: 'identity',
          says: {
            en: 'Who made the change: their staff account, or the server’s command line',
            fr: 'Qui a fait la modification : son compte du personnel, ou la ligne de commande du serveur',
          },
          erase: auditHold,
        },
        target_staff_id: {
          category: 'identity',
          says: { en: 'Whose account was changed', fr: 'Le compte modifié' },
          erase: auditHold,
        },
      },
      nonPersonal: ['id', 'at', 'action', 'details'],
    },
    accounts_staff_sessions: {
      about: { en: 'Staff sign-in sessions', fr: 'Sessions de connexion du personnel' },
      note: {
        en: 'Of the back office; how long they last is on the cookies page (vitrine_staff).',
        fr: 'À l’administration ; leur durée figure sur la page des cookies (vitrine_staff).',
      },
      subject: [{ column: 'account_id', kind: 'account-id', of: ['staff'] }],
      purposes: ['service'],
      basis: 'legitimate-interests',
      retention: sessionRetention,
      erase: 'delete',
      columns: sessionColumns,
      nonPersonal: sessionNonPersonal,
    },
  },
});

export const staffSessionCookie = defineCookie({
  name: 'vitrine_staff',
  category: 'essential',
  purpose: {
    en: 'Keeps the shop’s staff signed in to the back office until the browser closes (12 hours at most). Only staff receive it.',
    fr: 'Garde le personnel de la boutique connecté à l’administration jusqu’à la fermeture du navigateur (12 heures au plus). Seul le personnel le reçoit.',
  },
  duration: 'session',
  httpOnly: true,
});
