import { sessionColumns, sessionNonPersonal, sessionRetention } from '../../platform/auth/session-privacy.js';
import { defineCookie, defineData } from '../../privacy/core/declare.js';
import type { MemberTables } from './member-tables.js';

/** The five address columns are one thing to the person: their postal address. */
const postalAddress = {
  category: 'postal-address',
  says: { en: 'Your postal address, if you give it', fr: 'Votre adresse postale, si vous la donnez' },
} as const;

/** Two columns that keep the username in the forms sign-up compares (username-skeleton.ts). */
const usernameForms = {
  category: 'identity',
  says: {
    en: 'Your username in the forms we compare, so that no one else takes it or a look-alike of it',
    fr: 'Votre nom d’utilisateur sous les formes que nous comparons, pour que personne d’autre ne le prenne ni n’en prenne un qui lui ressemble',
  },
} as const;

const linkExpires = { en: 'the link expires', fr: 'l’expiration du lien' };

export const membersData = defineData<MemberTables>()({
  module: 'members',
  tables: {
    accounts_members: {
      about: { en: 'Your member account', fr: 'Votre compte membre' },
      subject: [
        { column: 'id', kind: 'account-id', of: ['member'] },
        // A person who can no longer sign in is found by the address they write from.
        { column: 'email', kind: 'email', of: ['member'] },
      ],
      purposes: ['service', 'support', 'notices'],
      basis: 'contract',
      retention: {
        keep: 'P3Y',
        from: 'last_seen_at',
        after: { en: 'you last use your account', fr: 'la dernière utilisation de votre compte' },
        reason: {
          en: 'An account left unused that long is treated as abandoned, as the CNIL recommends for inactive accounts. You can delete your account yourself at any time.',
          fr: 'Un compte resté inutilisé aussi longtemps est considéré comme abandonné, comme le recommande la CNIL pour les comptes inactifs. Vous pouvez supprimer votre compte vous-même à tout moment.',
        },
      },
      erase: 'delete',
      columns: {
        username: { category: 'identity', says: { en: 'Your username', fr: 'Votre nom d’utilisateur' } },
        username_key: usernameForms,
        username_skeleton: usernameForms,
        email: { category: 'contact', says: { en: 'Your email address', fr: 'Votre adresse e-mail' } },
        email_key: {
          category: 'contact',
          says: {
            en: 'Your email address in the form we compare, to find your account',
            fr: 'Votre adresse e-mail sous la forme que nous comparons, pour retrouver votre compte',
          },
        },
        password_hash: {
          category: 'credentials',
          says: {
            en: 'Your password, stored only as an argon2id hash, from which it cannot be read back',
            fr: 'Votre mot de passe, conservé uniquement sous forme d’empreinte argon2id, dont il ne peut pas être retrouvé',
          },
          purposes: ['service'],
        },
        name: { category: 'identity', says: { en: 'Your name, if you give it', fr: 'Votre nom, si vous le donnez' } },
        address_line1: postalAddress,
        address_line2: postalAddress,
        postal_code: postalAddress,
        city: postalAddress,
        country: postalAddress,
        phone: {
          category: 'contact',
          says: { en: 'Your telephone number, if you give it', fr: 'Votre numéro de téléphone, si vous le donnez' },
        },
        preferred_locale: {
          category: 'preferences',
          says: { en: 'The language you want our emails in', fr: 'La langue dans laquelle vous voulez nos e-mails' },
        },
        display_name: {
          category: 'profile',
          says: {
            en: 'A display name, if you choose one (not shown to other visitors yet)',
            fr: 'Un nom d’affichage, si vous en choisissez un (pas encore montré aux autres visiteurs)',
          },
        },
        bio: {
          category: 'profile',
          says: {
            en: 'The few words about yourself you write on your profile',
            fr: 'Les quelques mots sur vous que vous écrivez sur votre profil',
          },
        },
        last_seen_at: {
          category: 'usage',
          says: {
            en: 'The day you last used your account, so that an unused account is deleted in time, as data protection law requires (GDPR art. 5(1)(e))',
            fr: 'Le jour de votre dernière utilisation du compte, pour qu’un compte inutilisé soit supprimé à temps, comme l’exige la protection des données (RGPD art. 5(1)(e))',
          },
          purposes: ['legal'],
          basis: 'legal-obligation',
        },
      },
      nonPersonal: ['id', 'email_verified_at', 'password_changed_at', 'created_at', 'updated_at'],
    },
    accounts_sessions: {
      about: { en: 'Your signed-in sessions', fr: 'Vos sessions de connexion' },
      note: {
        en: 'Listed on your “Devices” page, where you can end any of them. How long a session lasts is on the cookies page (vitrine_session).',
        fr: 'Listées sur votre page « Appareils », où vous pouvez mettre fin à chacune. La durée d’une session figure sur la page des cookies (vitrine_session).',
      },
      subject: [{ column: 'account_id', kind: 'account-id', of: ['member'] }],
      purposes: ['service'],
      basis: 'contract',
      retention: sessionRetention,
      erase: 'delete',
      columns: sessionColumns,
      nonPersonal: sessionNonPersonal,
    },
    accounts_tokens: {
      about: { en: 'One-time links we email you', fr: 'Liens à usage unique que nous vous envoyons' },
      note: {
        en: 'To confirm your address, to reset your password, or to confirm a new address.',
        fr: 'Pour confirmer votre adresse, réinitialiser votre mot de passe ou confirmer une nouvelle adresse.',
      },
      subject: [
        { column: 'member_id', kind: 'account-id', of: ['member'] },
        // A link to confirm a new address went to that address, which is not yet the account's.
        { column: 'email', kind: 'email', of: ['member'] },
      ],
      purposes: ['service'],
      basis: 'contract',
      retention: {
        keep: 'P7D',
        from: 'expires_at',
        after: linkExpires,
        reason: {
          en: 'An expired link no longer works; recent ones let us limit how often we send links.',
          fr: 'Un lien expiré ne fonctionne plus ; les liens récents nous permettent de limiter la fréquence des envois.',
        },
      },
      erase: 'delete',
      columns: {
        email: {
          category: 'contact',
          says: {
            en: 'The email address the link was sent to',
            fr: 'L’adresse e-mail à laquelle le lien a été envoyé',
          },
        },
        token_hash: {
          category: 'credentials',
          says: {
            en: 'A fingerprint (hash) of the secret in the link; the link itself is not stored',
            fr: 'Une empreinte (hachage) du secret du lien ; le lien lui-même n’est pas conservé',
          },
        },
      },
      nonPersonal: ['member_id', 'purpose', 'created_at', 'expires_at', 'used_at'],
    },
  },
});

/** The member session (the seed policy's "svSession" and "smSession", in one cookie). */
export const memberSessionCookie = defineCookie({
  name: 'vitrine_session',
  category: 'essential',
  purpose: {
    en: 'Keeps you signed in to your account: until you close the browser, or for 12 months if you tick “Remember me”. It holds a random key, nothing about you.',
    fr: 'Vous garde connecté à votre compte : jusqu’à la fermeture du navigateur, ou 12 mois si vous cochez « Rester connecté ». Il contient une clé aléatoire, rien sur vous.',
  },
  duration: 'P12M',
  httpOnly: true,
});
