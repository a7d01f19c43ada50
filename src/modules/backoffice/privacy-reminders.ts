import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { defineJob, noPayload } from '../../platform/jobs/job-definition.js';
import type { MailService } from '../../platform/mail/mail-service.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { PrivacyRequests } from '../../privacy/rights/privacy-requests.js';
import type { PrivacyRequestRow, RequestKind, RightsTables } from '../../privacy/rights/rights-tables.js';
import { formatDeadline } from './privacy-queue-mail.js';
import { isStaffRole, mayStaff } from './staff-access.js';
import type { StaffRow } from './staff-tables.js';

/** Daily: reminds the staff who handle privacy requests of the deadlines of the coming week. */
export const privacyRemindersJob = defineJob({ name: 'backoffice.privacy-reminders', parse: noPayload });

/** How long before its legal deadline a request is reminded. */
export const reminderDays = 7;

export interface ReminderDependencies {
  database: Database;
  requests: PrivacyRequests;
  staff: () => Promise<StaffRow[]>;
  mail: MailService;
  shop: () => ShopIdentity;
  /** The absolute URL of a request's page in the back office. */
  requestUrl: (id: string) => string;
  queueUrl: string;
  now: () => Date;
}

/**
 * Open requests whose deadline falls within the week and that were not reminded yet: one mail to
 * each owner and support staff member (those who may handle them) listing them all, and each
 * request marked reminded in the same transaction (claimed one by one, so two workers at once do
 * not mail twice). An extension clears the mark: the new deadline is reminded too.
 * Returns how many requests were reminded.
 */
export async function sendPrivacyReminders(deps: ReminderDependencies): Promise<number> {
  const now = deps.now();
  const due = await deps.requests.dueSoon(new Date(now.getTime() + reminderDays * 86_400_000));
  if (due.length === 0) return 0;
  const recipients = (await deps.staff()).filter(
    (staff) =>
      !staff.disabled_at &&
      staff.password_hash !== '' &&
      isStaffRole(staff.role) &&
      mayStaff({ role: staff.role }, 'privacy.requests'),
  );
  return deps.database.db.transaction().execute(async (trx) => {
    const rights = trx as unknown as Transaction<RightsTables>;
    const claimed: PrivacyRequestRow[] = [];
    for (const request of due) {
      const result = await rights
        .updateTable('privacy_requests')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', request.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push(request);
    }
    if (claimed.length === 0) return 0;
    for (const staff of recipients) await deps.mail.queue(trx, reminderMail(deps, staff.email, claimed, now));
    return claimed.length;
  });
}

const kinds: Record<'en' | 'fr', Record<RequestKind, string>> = {
  en: {
    access: 'copy',
    correction: 'correction',
    erasure: 'erasure',
    restriction: 'restriction',
    objection: 'objection',
  },
  fr: {
    access: 'copie',
    correction: 'rectification',
    erasure: 'effacement',
    restriction: 'limitation',
    objection: 'opposition',
  },
};

/** Staff's language is not recorded: French, then English. Kinds, deadlines and links only, no one's data. */
function reminderMail(deps: ReminderDependencies, to: string, requests: PrivacyRequestRow[], now: Date) {
  const shop = deps.shop();
  const one = requests.length === 1;
  const lines = (locale: 'en' | 'fr') =>
    requests
      .map((request) => {
        const late = request.due_at < now.toISOString();
        const due = formatDeadline(request.due_at, locale);
        const link = deps.requestUrl(request.id);
        return locale === 'fr'
          ? `- ${kinds.fr[request.kind]}, ${late ? 'en retard, échéance le' : 'échéance le'} ${due} : ${link}`
          : `- ${kinds.en[request.kind]}, ${late ? 'overdue, was due' : 'due'} ${due}: ${link}`;
      })
      .join('\n');
  const fr = `Bonjour,\n\n${
    one
      ? 'Une demande relative aux données personnelles arrive à son échéance légale'
      : `${requests.length} demandes relatives aux données personnelles arrivent à leur échéance légale`
  } dans les ${reminderDays} jours, ou l’${one ? 'a' : 'ont'} dépassée :\n\n${lines('fr')}\n\nToutes les demandes : ${deps.queueUrl}`;
  const en = `Hello,\n\n${
    one ? 'A privacy request reaches its' : `${requests.length} privacy requests reach their`
  } legal deadline within ${reminderDays} days, or ${one ? 'has' : 'have'} passed it:\n\n${lines('en')}\n\nAll requests: ${deps.queueUrl}`;
  return {
    to,
    subject: `Demandes RGPD à traiter / Privacy requests due – ${shop.name}`,
    text: `${fr}\n\n---\n\n${en}\n\n— ${shop.name}`,
  };
}
