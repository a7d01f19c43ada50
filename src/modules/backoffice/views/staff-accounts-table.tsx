import { staffRoles } from '../staff-access.js';
import { CsrfField } from '../../../web/components/form.js';
import { roleName } from './staff-layout.js';
import { formatDate } from '../../../platform/format.js';
import type { PageContext } from '../../../web/page-context.js';
import type { StaffRow } from '../staff-tables.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import { invitationLanguages, staffManagementText } from '../staff-management-text.js';

/** Invited and not in yet: no password chosen (StaffManagement). */
const invited = (account: StaffRow) => account.password_hash === '';

/** Every staff account of the staff page, each with its forms: role, new invitation, disable or re-enable, reset two-factor. */
export function StaffAccountsTable(props: { ctx: PageContext; accounts: StaffRow[] }) {
  const { ctx } = props;
  const t = staffManagementText[ctx.locale];
  return (
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
                  {invitationLanguages.map(([value, label]) => (
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
            <ActionButton
              ctx={ctx}
              id={account.id}
              action={account.disabled_at ? 'enable' : 'disable'}
              label={account.disabled_at ? t.enable : t.disable}
            />
            <ActionButton ctx={ctx} id={account.id} action="reset-2fa" label={t.reset} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function ActionButton(props: {
  ctx: PageContext;
  id: string;
  action: 'disable' | 'enable' | 'reset-2fa';
  label: string;
}) {
  return (
    <form method="post" action={`/admin/staff/${props.id}/${props.action}`}>
      <CsrfField ctx={props.ctx} />
      <button class="link-button" type="submit">
        {props.label}
      </button>
    </form>
  );
}
