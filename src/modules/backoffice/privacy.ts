import { type PersonalColumn, defineCookie, defineData } from '../../privacy/core/declare.js';

/** Staff sessions keep where they were used from, for security. */
const sessionColumns: Record<string, PersonalColumn> = {
  ip: { category: 'connection', purposes: ['security'], retention: 'P12M' },
  user_agent: { category: 'device', purposes: ['security', 'service'], retention: 'P12M' },
  token_hash: { category: 'credentials', purposes: ['security'] },
};

export const backofficeData = defineData({
  module: 'backoffice',
  tables: {
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
