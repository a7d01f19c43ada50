import { defineWording } from '../../../platform/http/i18n.js';
import type { StaffPrincipal } from '../staff-access.js';
import { CsrfField, Field, FormAlert } from '../../../web/components/form.js';
import { StaffLayout, roleName } from './staff-layout.js';
import { formatDate } from '../../../platform/format.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import type { PageContext } from '../../../web/page-context.js';
import type { MemberListEntry } from '../../members/index.js';
import type { FormState } from '../../../web/form-state.js';

const text = defineWording({
  en: {
    signIn: 'Staff sign-in',
    email: 'Work email',
    password: 'Password',
    next: 'Continue',
    noStaff: 'No staff account exists yet. The shop’s owner creates the first one on the server:',
    codeTitle: 'Two-factor code',
    codeLead: 'Enter the 6-digit code shown by your authenticator app.',
    code: 'Code',
    verify: 'Sign in',
    restart: 'Start again',
    setupTitle: 'Set up two-factor sign-in',
    setupLead:
      'Every staff sign-in needs a code from an authenticator app (such as Aegis, Google Authenticator or 1Password). Scan this QR code with it, or type the key, then enter the code it shows.',
    key: 'Key',
    confirm: 'Confirm and sign in',
    dashboard: 'Dashboard',
    welcome: 'Welcome',
    yourRole: 'Your role',
    membersTile: 'Find a member and see their account details.',
    outboxTile: 'Emails sent by the shop, and a delivery test.',
    privacy: 'Privacy requests',
    privacyTile: 'Requests to see, correct or erase data, by legal deadline.',
    staffTile: 'Staff accounts: invite, roles, disabling, two-factor resets, and the record of changes.',
    staff: 'Staff',
    recoveryTile: 'Your two-factor recovery codes: how many remain, or make new ones.',
    recovery: 'Recovery codes',
    codeHint: 'Lost your app? Enter one of your recovery codes (such as 7k2m-9qxd-4hfz) instead.',
    members: 'Members',
    search: 'Search by username, name or email',
    find: 'Search',
    found: (n: number) => `${n} member${n === 1 ? '' : 's'} shown`,
    username: 'Username',
    name: 'Name',
    since: 'Member since',
    verified: 'Email confirmed',
    yes: 'yes',
    no: 'not yet',
    none: 'No member matches.',
    purpose: 'Shown for customer support: each view is recorded.',
    previous: 'Previous',
    nextPage: 'Next',
  },
  fr: {
    signIn: 'Connexion du personnel',
    email: 'E-mail professionnel',
    password: 'Mot de passe',
    next: 'Continuer',
    noStaff:
      'Aucun compte du personnel n’existe encore. Le propriétaire de la boutique crée le premier sur le serveur :',
    codeTitle: 'Code de double authentification',
    codeLead: 'Saisissez le code à 6 chiffres affiché par votre application d’authentification.',
    code: 'Code',
    verify: 'Se connecter',
    restart: 'Recommencer',
    setupTitle: 'Activer la double authentification',
    setupLead:
      'Chaque connexion du personnel demande un code d’une application d’authentification (Aegis, Google Authenticator, 1Password…). Scannez ce QR code avec elle, ou saisissez la clé, puis entrez le code affiché.',
    key: 'Clé',
    confirm: 'Confirmer et se connecter',
    dashboard: 'Tableau de bord',
    welcome: 'Bienvenue',
    yourRole: 'Votre rôle',
    membersTile: 'Retrouver un membre et consulter son compte.',
    outboxTile: 'Les e-mails envoyés par la boutique, et un test d’envoi.',
    privacy: 'Demandes sur les données',
    privacyTile: 'Demandes d’accès, de rectification ou d’effacement, par échéance légale.',
    staffTile:
      'Comptes du personnel : invitations, rôles, désactivation, réinitialisation de la double authentification, et le registre des modifications.',
    staff: 'Personnel',
    recoveryTile: 'Vos codes de secours de double authentification : combien il en reste, ou en générer de nouveaux.',
    recovery: 'Codes de secours',
    codeHint: 'Application perdue ? Saisissez plutôt l’un de vos codes de secours (comme 7k2m-9qxd-4hfz).',
    members: 'Membres',
    search: 'Rechercher par nom d’utilisateur, nom ou e-mail',
    find: 'Rechercher',
    found: (n: number) => `${n} membre${n > 1 ? 's' : ''} affiché${n > 1 ? 's' : ''}`,
    username: 'Nom d’utilisateur',
    name: 'Nom',
    since: 'Membre depuis',
    verified: 'E-mail confirmé',
    yes: 'oui',
    no: 'pas encore',
    none: 'Aucun membre ne correspond.',
    purpose: 'Affiché pour le support client : chaque consultation est enregistrée.',
    previous: 'Précédents',
    nextPage: 'Suivants',
  },
});

export function StaffSignInPage(props: { ctx: PageContext; next?: string; noStaffYet: boolean; state?: FormState }) {
  const { ctx, state } = props;
  const t = text[ctx.locale];
  const action = props.next ? `/admin/sign-in?next=${encodeURIComponent(props.next)}` : '/admin/sign-in';
  return (
    <StaffLayout ctx={ctx} title={t.signIn}>
      <div class="form-card">
        <h1>{t.signIn}</h1>
        {props.noStaffYet && (
          <div class="notice">
            <p>{t.noStaff}</p>
            <p>
              <code>npm run vitrine -- staff:create --role owner --email you@example.com</code>
            </p>
          </div>
        )}
        <FormAlert ctx={ctx} code={state?.code} />
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <Field
            name="email"
            type="email"
            label={t.email}
            value={state?.values?.email}
            autocomplete="username"
            required
            maxLength={254}
          />
          <Field name="password" type="password" label={t.password} autocomplete="current-password" required />
          <button class="button button--block" type="submit">
            {t.next}
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}

export function StaffCodePage(props: {
  ctx: PageContext;
  next?: string;
  state?: FormState;
  setup?: { secret: string; qrSvg: string };
}) {
  const { ctx, state, setup } = props;
  const t = text[ctx.locale];
  const path = setup ? '/admin/sign-in/setup' : '/admin/sign-in/code';
  const action = props.next ? `${path}?next=${encodeURIComponent(props.next)}` : path;
  return (
    <StaffLayout ctx={ctx} title={setup ? t.setupTitle : t.codeTitle}>
      <div class="form-card">
        <h1>{setup ? t.setupTitle : t.codeTitle}</h1>
        <p class="muted">{setup ? t.setupLead : t.codeLead}</p>
        {setup && (
          <>
            {/* The SVG is drawn by uqr from our own otpauth address: no user input reaches it. */}
            <div class="qr" role="img" aria-label="QR code" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
            <p>
              {t.key}: <span class="secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</span>
            </p>
          </>
        )}
        <FormAlert ctx={ctx} code={state?.code} />
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="field-code">{t.code}</label>
            {setup ? (
              <input
                id="field-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                required
              />
            ) : (
              // Letters too: a recovery code is accepted here instead of the app's code.
              <>
                <p class="field-hint" id="field-code-hint">
                  {t.codeHint}
                </p>
                <input
                  id="field-code"
                  name="code"
                  autoComplete="one-time-code"
                  maxLength={20}
                  required
                  aria-describedby="field-code-hint"
                />
              </>
            )}
          </div>
          <button class="button button--block" type="submit">
            {setup ? t.confirm : t.verify}
          </button>
        </form>
        <form method="post" action="/admin/sign-out" class="form-links">
          <CsrfField ctx={ctx} />
          <button class="link-button" type="submit">
            {t.restart}
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}

export function DashboardPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  canSeeMembers: boolean;
  canSeeOutbox: boolean;
  canHandlePrivacy: boolean;
  canManageStaff: boolean;
}) {
  const { ctx, staff } = props;
  const t = text[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.dashboard} staff={staff}>
      <h1>
        {t.welcome}, {staff.name}
      </h1>
      <p class="muted">
        {t.yourRole}: {roleName(staff.role, ctx.locale)}
      </p>
      <div class="tiles">
        {props.canSeeMembers && (
          <a class="tile" href="/admin/members">
            <strong>{t.members}</strong>
            {t.membersTile}
          </a>
        )}
        {props.canSeeOutbox && (
          <a class="tile" href="/admin/outbox">
            <strong>Outbox</strong>
            {t.outboxTile}
          </a>
        )}
        {props.canHandlePrivacy && (
          <a class="tile" href="/admin/privacy">
            <strong>{t.privacy}</strong>
            {t.privacyTile}
          </a>
        )}
        {props.canManageStaff && (
          <a class="tile" href="/admin/staff">
            <strong>{t.staff}</strong>
            {t.staffTile}
          </a>
        )}
        <a class="tile" href="/admin/recovery-codes">
          <strong>{t.recovery}</strong>
          {t.recoveryTile}
        </a>
      </div>
    </StaffLayout>
  );
}

export function MembersPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  query: string;
  members: MemberListEntry[];
  offset: number;
  pageSize: number;
  hasMore: boolean;
}) {
  const { ctx, members } = props;
  const t = text[ctx.locale];
  const pageLink = (offset: number) =>
    `/admin/members?${new URLSearchParams({ ...(props.query ? { q: props.query } : {}), ...(offset ? { offset: String(offset) } : {}) })}`;
  return (
    <StaffLayout ctx={ctx} title={t.members} staff={props.staff}>
      <h1>{t.members}</h1>
      <form method="get" action="/admin/members" class="search-form">
        <Field name="q" type="search" label={t.search} value={props.query} maxLength={100} />
        <button class="button" type="submit">
          {t.find}
        </button>
      </form>
      <p class="small muted">
        {t.found(members.length)} · {t.purpose}
      </p>
      {members.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ScrollTable label={t.members} headers={[t.username, t.name, t.email, t.verified, t.since]}>
          {members.map((member) => (
            <tr key={member.id}>
              <td>{member.username}</td>
              <td>{member.name ?? member.display_name ?? '—'}</td>
              <td>{member.email}</td>
              <td>{member.email_verified_at ? t.yes : t.no}</td>
              <td>{formatDate(member.created_at, ctx.locale)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <p class="actions">
        {props.offset > 0 && (
          <a class="button button--ghost" href={pageLink(Math.max(0, props.offset - props.pageSize))}>
            {t.previous}
          </a>
        )}
        {props.hasMore && (
          <a class="button button--ghost" href={pageLink(props.offset + props.pageSize)}>
            {t.nextPage}
          </a>
        )}
      </p>
    </StaffLayout>
  );
}
