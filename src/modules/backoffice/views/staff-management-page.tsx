import type { StaffPrincipal } from '../staff-access.js';
import { FormAlert, Notice } from '../../../web/components/form.js';
import { StaffLayout } from './staff-layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { StaffAuditRow, StaffRow } from '../staff-tables.js';
import type { FormState } from '../../../web/form-state.js';
import { InviteForm } from './invite-form.js';
import { StaffAccountsTable } from './staff-accounts-table.js';
import { StaffAuditTable } from './staff-audit-table.js';
import { staffManagementText } from '../staff-management-text.js';

export type StaffPageNotice = 'invited' | 'changed';

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
  const t = staffManagementText[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      {props.notice && <Notice kind="success">{props.notice === 'invited' ? t.invitedNotice : t.changedNotice}</Notice>}
      {props.refused === 'action' && <FormAlert ctx={ctx} code={state?.code} />}
      <StaffAccountsTable ctx={ctx} accounts={props.accounts} />
      <InviteForm ctx={ctx} state={props.refused === 'invite' ? state : undefined} />
      <StaffAuditTable
        ctx={ctx}
        audit={props.audit}
        names={new Map(props.accounts.map((account) => [account.id, account.name]))}
      />
    </StaffLayout>
  );
}
