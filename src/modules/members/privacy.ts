import { type PersonalColumn, defineCookie, defineData } from '../../privacy/core/declare.js';

/** Sessions keep where they were used from, for the member's "Devices" page and for security. */
const sessionColumns: Record<string, PersonalColumn> = {
  ip: { category: 'connection', purposes: ['security'], retention: 'P12M' },
  user_agent: { category: 'device', purposes: ['security', 'service'], retention: 'P12M' },
  token_hash: { category: 'credentials', purposes: ['security'] },
};

export const membersData = defineData({
  module: 'members',
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
