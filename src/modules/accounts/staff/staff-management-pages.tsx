import type { ComponentChildren } from 'preact';
import { defineWording } from '../../../platform/http/i18n.js';
import { type StaffPrincipal, staffRoles } from '../../../platform/http/staff-access.js';
import { CsrfField, Field, FormAlert, Notice } from '../../../web/components/form.js';
import { StaffLayout, roleName } from '../../../web/components/staff-layout.js';
import { formatDate } from '../../../web/format.js';
import type { PageContext } from '../../../web/page-context.js';
import type { StaffAuditRow, StaffRow } from '../account-tables.js';
import { type FormState, problemOf } from '../views/form-state.js';
import type { StaffAuditAction } from './staff-audit.js';

const text = defineWording({
  en: {
    title: 'Staff',
    name: 'Name',
    email: 'Work email',
    role: 'Role',
    twoFactor: 'Two-factor',
    status: 'Status',
    lastSeen: 'Last seen',
    actions: 'Actions',
    on: 'on',
    off: 'off',
    active: 'active',
    disabled: 'disabled',
    invited: 'invited',
    change: 'Change',
    roleOf: (name: string) => `Role of ${name}`,
    languageOf: (name: string) => `Language of the new invitation for ${name}`,
    inviteAgain: 'Send a new invitation',
    disable: 'Disable',
    enable: 'Re-enable',
    reset: 'Reset two-factor',
    invite: 'Invite a staff member',
    inviteLead: 'The account is created without a password: the person receives a link (valid 72 hours, once) to choose one, then sets up two-factor sign-in at their first sign-in.',
    language: 'Language of the invitation',
    send: 'Send the invitation',
    invitedNotice: 'Invitation sent.',
    changedNotice: 'Done.',
    audit: 'Recent changes',
    at: 'When',
    who: 'Who',
    what: 'What',
    whom: 'Whom',
    cli: 'server command line',
    unknown: 'deleted account',
    noAudit: 'No change recorded yet.',
    did: {
      invite: 'invited',
      'invitation-accepted': 'accepted the invitation',
      role: 'changed the role',
      disable: 'disabled',
      enable: 're-enabled',
      'reset-2fa': 'reset two-factor',
      'recovery-codes-made': 'made new recovery codes',
      'recovery-code-used': 'signed in with a recovery code',
    } satisfies Record<StaffAuditAction, string>,
  },
  fr: {
    title: 'Personnel',
    name: 'Nom',
    email: 'E-mail professionnel',
    role: 'Rôle',
    twoFactor: 'Double authentification',
    status: 'État',
    lastSeen: 'Dernière activité',
    actions: 'Actions',
    on: 'activée',
    off: 'non activée',
    active: 'actif',
    disabled: 'désactivé',
    invited: 'invité',
    change: 'Modifier',
    roleOf: (name: string) => `Rôle de ${name}`,
    languageOf: (name: string) => `Langue de la nouvelle invitation pour ${name}`,
    inviteAgain: 'Envoyer une nouvelle invitation',
    disable: 'Désactiver',
    enable: 'Réactiver',
    reset: 'Réinitialiser la double authentification',
    invite: 'Inviter un membre du personnel',
    inviteLead: 'Le compte est créé sans mot de passe : la personne reçoit un lien (valable 72 heures, une fois) pour en choisir un, puis active la double authentification à sa première connexion.',
    language: 'Langue de l’invitation',
    send: 'Envoyer l’invitation',
    invitedNotice: 'Invitation envoyée.',
    changedNotice: 'C’est fait.',
    audit: 'Modifications récentes',
    at: 'Quand',
    who: 'Qui',
    what: 'Quoi',
    whom: 'Pour qui',
    cli: 'ligne de commande du serveur',
    unknown: 'compte supprimé',
    noAudit: 'Aucune modification enregistrée pour l’instant.',
    did: {
      invite: 'a invité',
      'invitation-accepted': 'a accepté l’invitation',
      role: 'a changé le rôle',
      disable: 'a désactivé',
      enable: 'a réactivé',
      'reset-2fa': 'a réinitialisé la double authentification',
      'recovery-codes-made': 'a généré de nouveaux codes de secours',
      'recovery-code-used': 's’est connecté avec un code de secours',
    } satisfies Record<StaffAuditAction, string>,
  },
});

export type StaffPageNotice = 'invited' | 'changed';

const languages: [string, string][] = [
  ['fr', 'Français'],
  ['en', 'English'],
];

/** Invited and not in yet: no password chosen (StaffManagement). */
const invited = (account: StaffRow) => account.password_hash === '';

/** The owner's staff page: every account, the invitation form, and the recent audit entries. */
export function StaffManagementPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  accounts: StaffRow[];
  audit: StaffAuditRow[];
  notice?: StaffPageNotice;
  state?: FormState;
  /** Which form the refusal in `state` belongs to. */
  refused?: 'invite' | 'action';
}) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const inviteState = props.refused === 'invite' ? state : undefined;
  const names = new Map(props.accounts.map((account) => [account.id, account.name]));
  const who = (id: string) => (id === 'cli' ? t.cli : (names.get(id) ?? t.unknown));
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      {props.notice && <Notice kind="success">{props.notice === 'invited' ? t.invitedNotice : t.changedNotice}</Notice>}
      {props.refused === 'action' && <FormAlert ctx={ctx} code={state?.code} />}
      <ScrollTable label={t.title} headers={[t.name, t.email, t.role, t.twoFactor, t.status, t.lastSeen, t.actions]}>
        {props.accounts.map((account) => (
          <tr key={account.id}>
            <td>{account.name}</td>
            <td>{account.email}</td>
            <td>
              <form method="post" action={`/admin/staff/${account.id}/role`}>
                <CsrfField ctx={ctx} />
                <select name="role" aria-label={t.roleOf(account.name)}>
                  {staffRoles.map((role) => (
                    <option key={role} value={role} selected={account.role === role}>
                      {roleName(role, ctx.locale)}
                    </option>
                  ))}
                </select>{' '}
                <button class="link-button" type="submit">
                  {t.change}
                </button>
              </form>
            </td>
            <td>{account.totp_enabled_at ? t.on : t.off}</td>
            <td>{account.disabled_at ? t.disabled : invited(account) ? t.invited : t.active}</td>
            <td>{invited(account) ? '—' : formatDate(account.last_seen_at, ctx.locale, true)}</td>
            <td>
              {invited(account) && !account.disabled_at && (
                <form method="post" action={`/admin/staff/${account.id}/invite-again`}>
                  <CsrfField ctx={ctx} />
                  <select name="locale" aria-label={t.languageOf(account.name)}>
                    {languages.map(([value, label]) => (
                      <option key={value} value={value} selected={ctx.locale === value}>
                        {label}
                      </option>
                    ))}
                  </select>{' '}
                  <button class="link-button" type="submit">
                    {t.inviteAgain}
                  </button>
                </form>
              )}
              <ActionButton ctx={ctx} id={account.id} action={account.disabled_at ? 'enable' : 'disable'} label={account.disabled_at ? t.enable : t.disable} />
              <ActionButton ctx={ctx} id={account.id} action="reset-2fa" label={t.reset} />
            </td>
          </tr>
        ))}
      </ScrollTable>

      <h2>{t.invite}</h2>
      <p class="muted">{t.inviteLead}</p>
      <FormAlert ctx={ctx} code={inviteState?.code} />
      <form method="post" action="/admin/staff/invite" class="inline-form">
        <CsrfField ctx={ctx} />
        <Field name="name" label={t.name} value={inviteState?.values?.name} error={problemOf(inviteState, 'name', ctx.locale)} required maxLength={100} autocomplete="off" />
        <Field name="email" type="email" label={t.email} value={inviteState?.values?.email} error={problemOf(inviteState, 'email', ctx.locale)} required maxLength={254} autocomplete="off" />
        <Choice name="role" label={t.role} error={problemOf(inviteState, 'role', ctx.locale)} selected={inviteState?.values?.role ?? 'support'} options={staffRoles.map((role) => [role, roleName(role, ctx.locale)])} />
        <Choice
          name="locale"
          label={t.language}
          error={problemOf(inviteState, 'locale', ctx.locale)}
          selected={inviteState?.values?.locale ?? ctx.locale}
          options={languages}
        />
        <button class="button" type="submit">
          {t.send}
        </button>
      </form>

      <h2>{t.audit}</h2>
      {props.audit.length === 0 ? (
        <p>{t.noAudit}</p>
      ) : (
        <ScrollTable label={t.audit} headers={[t.at, t.who, t.what, t.whom]}>
          {props.audit.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDate(entry.at, ctx.locale, true)}</td>
              <td>{who(entry.actor)}</td>
              <td>
                {t.did[entry.action as StaffAuditAction] ?? entry.action}
                {entry.details ? <span class="small muted"> {describeDetails(entry.details)}</span> : null}
              </td>
              <td>{who(entry.target_staff_id)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </StaffLayout>
  );
}

/** A table that scrolls sideways on a phone: focusable and named, so it scrolls by keyboard too. */
function ScrollTable(props: { label: string; headers: string[]; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={props.label}>
      <table class="data-table">
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

function ActionButton(props: { ctx: PageContext; id: string; action: 'disable' | 'enable' | 'reset-2fa'; label: string }) {
  return (
    <form method="post" action={`/admin/staff/${props.id}/${props.action}`}>
      <CsrfField ctx={props.ctx} />
      <button class="link-button" type="submit">
        {props.label}
      </button>
    </form>
  );
}

function Choice(props: { name: string; label: string; error?: string; selected: string; options: [string, string][] }) {
  const id = `field-${props.name}`;
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.selected === value}>
            {label}
          </option>
        ))}
      </select>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The audit's details are roles and counts (JSON written by StaffAudit): shown as `key: value`. */
function describeDetails(details: string): string {
  try {
    return Object.entries(JSON.parse(details) as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ');
  } catch {
    return '';
  }
}
