import { type PersonalColumn, defineCookie, defineData } from '../../privacy/declare.js';

/** Sessions keep where they were used from, for the member's "Devices" page and for security. */
const sessionColumns: Record<string, PersonalColumn> = {
  ip: { category: 'connection', purposes: ['security'], retention: 'P12M' },
  user_agent: { category: 'device', purposes: ['security', 'service'], retention: 'P12M' },
  token_hash: { category: 'credentials', purposes: ['security'] },
};

export const accountsData = defineData({
  module: 'accounts',
  tables: {
    accounts_members: {
      description: {
        en: 'Your member account: username, email, password (stored only as an argon2id hash), and the profile, address and telephone you choose to give.',
        fr: 'Votre compte membre : nom d’utilisateur, e-mail, mot de passe (conservé uniquement sous forme d’empreinte argon2id), ainsi que le profil, l’adresse et le téléphone que vous choisissez de donner.',
      },
      subjects: ['member'],
      subject: { column: 'id', kind: 'account-id' },
      purposes: ['service', 'support', 'notices', 'security'],
      basis: 'contract',
      retention: {
        keep: 'P3Y',
        from: 'last_seen_at',
        reason: {
          en: 'until you delete your account, or three years after you last used it (CNIL recommendation for inactive accounts)',
          fr: 'jusqu’à la suppression de votre compte, ou trois ans après sa dernière utilisation (recommandation de la CNIL pour les comptes inactifs)',
        },
      },
      erase: 'delete',
      columns: {
        username: { category: 'identity' },
        username_key: { category: 'identity' },
        username_skeleton: { category: 'identity' },
        email: { category: 'contact' },
        email_key: { category: 'contact' },
        password_hash: { category: 'credentials', purposes: ['security', 'service'] },
        name: { category: 'identity' },
        address_line1: { category: 'postal-address' },
        address_line2: { category: 'postal-address' },
        postal_code: { category: 'postal-address' },
        city: { category: 'postal-address' },
        country: { category: 'postal-address' },
        phone: { category: 'contact' },
        preferred_locale: { category: 'preferences' },
        display_name: { category: 'profile' },
        bio: { category: 'profile' },
        last_seen_at: { category: 'usage', purposes: ['security'] },
      },
      nonPersonal: ['id', 'email_verified_at', 'password_changed_at', 'created_at', 'updated_at'],
    },
    accounts_sessions: {
      description: {
        en: 'Your signed-in sessions, shown on your “Devices” page: approximate device (from the browser’s user agent), IP address and last use.',
        fr: 'Vos sessions de connexion, affichées sur votre page « Appareils » : appareil approximatif (d’après l’agent utilisateur du navigateur), adresse IP et dernière utilisation.',
      },
      subjects: ['member'],
      subject: { column: 'account_id', kind: 'account-id' },
      purposes: ['service', 'security'],
      basis: 'contract',
      retention: {
        keep: 'P1D',
        from: 'expires_at',
        reason: {
          en: 'deleted the day after the session ends (sign-out, 12 hours unused, or 12 months with “Remember me”); IP and device at most 12 months',
          fr: 'supprimées le lendemain de la fin de la session (déconnexion, 12 heures sans activité, ou 12 mois avec « Rester connecté ») ; IP et appareil 12 mois au plus',
        },
      },
      erase: 'delete',
      columns: sessionColumns,
      nonPersonal: ['id', 'account_id', 'remember', 'stage', 'created_at', 'last_used_at', 'expires_at'],
    },
    accounts_tokens: {
      description: {
        en: 'One-time links we email you: to confirm your address, to reset your password, or to confirm a new address.',
        fr: 'Liens à usage unique que nous vous envoyons par e-mail : confirmer votre adresse, réinitialiser votre mot de passe ou confirmer une nouvelle adresse.',
      },
      subjects: ['member'],
      subject: { column: 'member_id', kind: 'account-id' },
      purposes: ['service', 'security'],
      basis: 'contract',
      retention: {
        keep: 'P7D',
        from: 'expires_at',
        reason: { en: 'deleted a week after the link expires', fr: 'supprimés une semaine après l’expiration du lien' },
      },
      erase: 'delete',
      columns: {
        email: { category: 'contact' },
        token_hash: { category: 'credentials', purposes: ['security'] },
      },
      nonPersonal: ['member_id', 'purpose', 'created_at', 'expires_at', 'used_at'],
    },
    accounts_staff: {
      description: {
        en: 'Staff accounts of the back office: name, work email, role, password hash and two-factor key (encrypted).',
        fr: 'Comptes du personnel pour l’administration : nom, e-mail professionnel, rôle, empreinte du mot de passe et clé de double authentification (chiffrée).',
      },
      subjects: ['staff'],
      subject: { column: 'id', kind: 'account-id' },
      purposes: ['service', 'security'],
      basis: 'contract',
      retention: {
        keep: 'P3Y',
        from: 'last_seen_at',
        reason: { en: 'deleted when the person leaves, or three years after their last sign-in', fr: 'supprimés au départ de la personne, ou trois ans après sa dernière connexion' },
      },
      erase: 'delete',
      columns: {
        email: { category: 'contact' },
        email_key: { category: 'contact' },
        name: { category: 'identity' },
        role: { category: 'profile' },
        password_hash: { category: 'credentials', purposes: ['security'] },
        totp_secret: { category: 'credentials', purposes: ['security'] },
        last_seen_at: { category: 'usage', purposes: ['security'] },
      },
      nonPersonal: ['id', 'password_changed_at', 'totp_enabled_at', 'totp_last_step', 'disabled_at', 'created_at', 'updated_at'],
    },
    accounts_staff_recovery_codes: {
      description: {
        en: 'Staff two-factor recovery codes, each usable once: stored only as keyed hashes.',
        fr: 'Codes de secours de la double authentification du personnel, chacun utilisable une fois : conservés uniquement sous forme d’empreintes.',
      },
      subjects: ['staff'],
      subject: { column: 'staff_id', kind: 'account-id' },
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P3Y',
        from: 'created_at',
        reason: {
          en: 'replaced when the staff member makes new ones or two-factor is reset, deleted with the account, and three years after they were made at most',
          fr: 'remplacés quand la personne en génère de nouveaux ou que sa double authentification est réinitialisée, supprimés avec le compte, et trois ans après leur création au plus',
        },
      },
      erase: 'delete',
      columns: { code_hash: { category: 'credentials' } },
      nonPersonal: ['staff_id', 'created_at', 'used_at'],
    },
    accounts_staff_invitations: {
      description: {
        en: 'Invitation links sent to new staff members (single use, 72 hours): only the hash of the link is kept.',
        fr: 'Liens d’invitation envoyés aux nouveaux membres du personnel (usage unique, 72 heures) : seule l’empreinte du lien est conservée.',
      },
      subjects: ['staff'],
      subject: { column: 'staff_id', kind: 'account-id' },
      purposes: ['service', 'security'],
      basis: 'legitimate-interests',
      retention: { keep: 'P7D', from: 'expires_at', reason: { en: 'deleted a week after the link expires', fr: 'supprimés une semaine après l’expiration du lien' } },
      erase: 'delete',
      columns: { token_hash: { category: 'credentials' } },
      nonPersonal: ['staff_id', 'created_at', 'expires_at', 'used_at'],
    },
    accounts_staff_audit: {
      description: {
        en: 'The record of changes to staff accounts (invitation, role, disabling, two-factor reset, use of a recovery code): who acted, on whom, when; no names or addresses.',
        fr: 'Le registre des modifications des comptes du personnel (invitation, rôle, désactivation, réinitialisation de la double authentification, usage d’un code de secours) : qui a agi, sur qui, quand ; ni nom ni adresse.',
      },
      subjects: ['staff'],
      // A row is about two staff members, the target and the actor (a staff id, or 'cli'). A subject
      // link names one column today, so export and erasure find a row by its target only: what a
      // staff member did to others is not found under their name (it is in the rows of the people
      // they acted on) until subject links may name several columns (issue 9).
      subject: { column: 'target_staff_id', kind: 'account-id' },
      purposes: ['security'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P1Y',
        from: 'at',
        reason: {
          en: 'kept one year, to investigate a misuse of the back office; an erasure request does not shorten it, since the record of who disabled, demoted or reset whom must outlast the people concerned (our legitimate interest in the security of the back office)',
          fr: 'conservé un an, pour enquêter sur un usage abusif de l’administration ; une demande d’effacement ne l’abrège pas, car la trace de qui a désactivé, rétrogradé ou réinitialisé qui doit survivre aux personnes concernées (notre intérêt légitime à la sécurité de l’administration)',
        },
      },
      // Append-only, removed by retention alone (staff-audit.ts): an erasure keeps the rows until
      // the year ends. The vocabulary has no "kept on legitimate interest until retention ends"
      // strategy; 'hold' is the closest (its published wording speaks of a legal period, which the
      // retention reason above corrects: here the period is the declared year, on legitimate interest).
      erase: 'hold',
      columns: { actor: { category: 'identity' } },
      nonPersonal: ['id', 'at', 'action', 'target_staff_id', 'details'],
    },
    accounts_staff_sessions: {
      description: {
        en: 'Staff sign-in sessions of the back office, with IP address and device.',
        fr: 'Sessions de connexion du personnel à l’administration, avec adresse IP et appareil.',
      },
      subjects: ['staff'],
      subject: { column: 'account_id', kind: 'account-id' },
      purposes: ['service', 'security'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P1D',
        from: 'expires_at',
        reason: { en: 'deleted the day after the session ends (at most 12 hours)', fr: 'supprimées le lendemain de la fin de la session (12 heures au plus)' },
      },
      erase: 'delete',
      columns: sessionColumns,
      nonPersonal: ['id', 'account_id', 'remember', 'stage', 'created_at', 'last_used_at', 'expires_at'],
    },
  },
});

/**
 * The known-device mark (issue 7, finding 9): during an attack on an account, a browser that
 * signed in to it before may still sign in. No table: the value is HMACs only (known-devices.ts).
 */
export const knownDeviceCookie = defineCookie({
  name: 'vitrine_device',
  category: 'essential',
  purpose: {
    en: 'Security and fraud prevention: remembers that this browser signed in to your account before, so that you can still sign in while someone else is trying to guess your password. It holds only codes signed by the shop, nothing about you, and is kept 12 months.',
    fr: 'Sécurité et prévention de la fraude : retient que ce navigateur s’est déjà connecté à votre compte, pour que vous puissiez encore vous connecter pendant que quelqu’un d’autre essaie de deviner votre mot de passe. Il ne contient que des codes signés par la boutique, rien sur vous, et est conservé 12 mois.',
  },
  duration: 'P12M',
  httpOnly: true,
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
