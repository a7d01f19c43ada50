import { formatDate } from '../../../platform/format.js';
import { locales } from '../../../platform/http/i18n.js';
import { requestKinds } from '../../../privacy/rights/rights-tables.js';
import { Checkbox, CsrfField, Field, FormAlert, SelectField } from '../../../web/components/form.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import { type FormState, problemOf } from '../../../web/form-state.js';
import type { PageContext } from '../../../web/page-context.js';
import { formatDeadline } from '../privacy-queue-mail.js';
import type { QueueEntry } from '../privacy-queue-service.js';
import { staffChannels } from '../privacy-queue-input.js';
import type { StaffPrincipal } from '../staff-access.js';
import { privacyQueueText } from './privacy-queue-text.js';
import { StaffLayout } from './staff-layout.js';

const day = 86_400_000;

/** Whole days until a deadline (0: due today), or how many days it is past. */
export function deadlineOf(dueAt: string, now: Date): { days: number; overdue: boolean } {
  const left = new Date(dueAt).getTime() - now.getTime();
  return left < 0 ? { days: Math.ceil(-left / day), overdue: true } : { days: Math.floor(left / day), overdue: false };
}

/** The deadline as the queue shows it: the date, and the days left or late (in red). */
export function Deadline(props: { ctx: PageContext; dueAt: string; extended: boolean; now: Date }) {
  const t = privacyQueueText[props.ctx.locale];
  const { days, overdue } = deadlineOf(props.dueAt, props.now);
  return (
    <>
      {formatDeadline(props.dueAt, props.ctx.locale)}
      {props.extended && <span class="small muted"> ({t.extendedMark})</span>}
      <br />
      <span class={overdue ? 'deadline deadline--overdue' : days < 7 ? 'deadline deadline--soon' : 'deadline'}>
        {overdue ? t.overdue(days) : t.daysLeft(days)}
      </span>
    </>
  );
}

/** A field's problem, in this page's words when it is one of its own, else in the shared ones. */
export function queueProblem(state: FormState | undefined, field: string, ctx: PageContext): string | undefined {
  const problem = state?.fields?.[field];
  const own = privacyQueueText[ctx.locale].problems as Record<string, string>;
  return problem && own[problem] ? own[problem] : problemOf(state, field, ctx.locale);
}

/** /admin/privacy: the open requests by legal deadline, then a page of the closed ones. */
export function PrivacyQueuePage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  open: QueueEntry[];
  closed: QueueEntry[];
  closedOffset: number;
  pageSize: number;
  moreClosed: boolean;
  now: Date;
}) {
  const { ctx, now } = props;
  const t = privacyQueueText[ctx.locale];
  const link = (entry: QueueEntry) => (
    <a href={`/admin/privacy/${encodeURIComponent(entry.request.id)}`}>{t.kinds[entry.request.kind]}</a>
  );
  const page = (offset: number) => (offset > 0 ? `/admin/privacy?closed=${offset}#closed` : '/admin/privacy#closed');
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        <a class="button" href="/admin/privacy/new">
          {t.record}
        </a>
      </p>
      <h2>{t.open}</h2>
      {props.open.length === 0 ? (
        <p class="muted">{t.noOpen}</p>
      ) : (
        <ScrollTable label={t.open} headers={[t.due, t.kindHeader, t.who, t.channelHeader, t.statusHeader, t.received]}>
          {props.open.map((entry) => (
            <tr key={entry.request.id}>
              <td>
                <Deadline
                  ctx={ctx}
                  dueAt={entry.request.due_at}
                  extended={Boolean(entry.request.extended_at)}
                  now={now}
                />
              </td>
              <td>{link(entry)}</td>
              <td>{entry.who}</td>
              <td>{t.channels[entry.request.channel]}</td>
              <td>{t.statuses[entry.request.status]}</td>
              <td>{formatDate(entry.request.received_at, ctx.locale)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h2 id="closed">{t.closed}</h2>
      {props.closed.length === 0 ? (
        <p class="muted">{t.noClosed}</p>
      ) : (
        <ScrollTable label={t.closed} headers={[t.closedAt, t.kindHeader, t.who, t.channelHeader, t.statusHeader]}>
          {props.closed.map((entry) => (
            <tr key={entry.request.id}>
              <td>{entry.request.closed_at ? formatDate(entry.request.closed_at, ctx.locale) : '—'}</td>
              <td>{link(entry)}</td>
              <td>{entry.who}</td>
              <td>{t.channels[entry.request.channel]}</td>
              <td>{t.statuses[entry.request.status]}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <p class="actions">
        {props.closedOffset > 0 && (
          <a class="button button--ghost" href={page(Math.max(0, props.closedOffset - props.pageSize))}>
            {t.previous}
          </a>
        )}
        {props.moreClosed && (
          <a class="button button--ghost" href={page(props.closedOffset + props.pageSize)}>
            {t.next}
          </a>
        )}
      </p>
    </StaffLayout>
  );
}

/** /admin/privacy/new: a request received by post or email, recorded to run through the same engine. */
export function RecordRequestPage(props: { ctx: PageContext; staff: StaffPrincipal; state?: FormState }) {
  const { ctx, state } = props;
  const t = privacyQueueText[ctx.locale];
  const values = state?.values ?? {};
  return (
    <StaffLayout ctx={ctx} title={t.recordTitle} staff={props.staff}>
      <p>
        <a href="/admin/privacy">← {t.back}</a>
      </p>
      <div class="form-card form-card--wide">
        <h1>{t.recordTitle}</h1>
        <p class="muted">{t.recordLead}</p>
        <FormAlert ctx={ctx} code={state?.code} />
        <form method="post" action="/admin/privacy">
          <CsrfField ctx={ctx} />
          <SelectField
            name="channel"
            label={t.channel}
            error={queueProblem(state, 'channel', ctx)}
            selected={values.channel ?? 'post'}
            options={staffChannels.map((channel) => [channel, t.channels[channel]])}
          />
          <SelectField
            name="kind"
            label={t.kind}
            error={queueProblem(state, 'kind', ctx)}
            selected={values.kind ?? 'access'}
            options={requestKinds.map((kind) => [kind, t.kinds[kind]])}
          />
          <Field
            name="person"
            label={t.person}
            hint={t.personHint}
            value={values.person}
            error={queueProblem(state, 'person', ctx)}
            required
            maxLength={254}
            autocomplete="off"
          />
          <Field
            name="details"
            label={t.details}
            value={values.details}
            error={queueProblem(state, 'details', ctx)}
            maxLength={2000}
            multiline
          />
          <SelectField
            name="locale"
            label={t.locale}
            error={queueProblem(state, 'locale', ctx)}
            selected={values.locale ?? ctx.locale}
            options={locales.map((locale) => [locale, t.languages[locale]])}
          />
          <Checkbox name="verified" label={t.verified} checked={values.verified === '1'} />
          <button class="button" type="submit">
            {t.save}
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}
