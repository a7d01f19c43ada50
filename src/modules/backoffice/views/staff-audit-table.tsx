import { formatDate } from '../../../platform/format.js';
import type { PageContext } from '../../../web/page-context.js';
import type { StaffAuditRow } from '../staff-tables.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import type { StaffAuditAction } from '../staff-audit.js';
import { staffManagementText } from '../staff-management-text.js';

/** The recent audit entries of the staff page; `names` gives each staff id's name. */
export function StaffAuditTable(props: { ctx: PageContext; audit: StaffAuditRow[]; names: Map<string, string> }) {
  const { ctx } = props;
  const t = staffManagementText[ctx.locale];
  const who = (id: string) => (id === 'cli' ? t.cli : (props.names.get(id) ?? t.unknown));
  return (
    <>
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
    </>
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
