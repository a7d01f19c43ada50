import { staffRoles } from '../staff-access.js';
import { CsrfField, Field, FormAlert, SelectField } from '../../../web/components/form.js';
import { roleName } from './staff-layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { type FormState, problemOf } from '../../../web/form-state.js';
import { invitationLanguages, staffManagementText } from '../staff-management-text.js';

/** The invitation form of the staff page; `state` is its refusal, if it was refused. */
export function InviteForm(props: { ctx: PageContext; state?: FormState }) {
  const { ctx, state } = props;
  const t = staffManagementText[ctx.locale];
  return (
    <>
      <h2>{t.invite}</h2>
      <p class="muted">{t.inviteLead}</p>
      <FormAlert ctx={ctx} code={state?.code} />
      <form method="post" action="/admin/staff/invite" class="inline-form">
        <CsrfField ctx={ctx} />
        <Field
          name="name"
          label={t.name}
          value={state?.values?.name}
          error={problemOf(state, 'name', ctx.locale)}
          required
          maxLength={100}
          autocomplete="off"
        />
        <Field
          name="email"
          type="email"
          label={t.email}
          value={state?.values?.email}
          error={problemOf(state, 'email', ctx.locale)}
          required
          maxLength={254}
          autocomplete="off"
        />
        <SelectField
          name="role"
          label={t.role}
          error={problemOf(state, 'role', ctx.locale)}
          selected={state?.values?.role ?? 'support'}
          options={staffRoles.map((role) => [role, roleName(role, ctx.locale)])}
        />
        <SelectField
          name="locale"
          label={t.language}
          error={problemOf(state, 'locale', ctx.locale)}
          selected={state?.values?.locale ?? ctx.locale}
          options={invitationLanguages}
        />
        <button class="button" type="submit">
          {t.send}
        </button>
      </form>
    </>
  );
}
