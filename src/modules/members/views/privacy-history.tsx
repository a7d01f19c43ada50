import { formatDate } from '../../../platform/format.js';
import { defineWording, type Locale } from '../../../platform/http/i18n.js';
import { type Purpose, purposes } from '../../../privacy/core/vocabulary.js';
import { type RequestKind, requestKinds, type PrivacyLedgerRow } from '../../../privacy/rights/rights-tables.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import type { StaffRead } from '../member-privacy.js';
import { requestKindWording } from './privacy-requests-table.js';

/** The back office's roles, as a member reads them (an unknown one is shown as recorded). */
const roles = defineWording<Record<string, string>>({
  en: { owner: 'owner', support: 'support', marketing: 'marketing', accountant: 'accountant' },
  fr: { owner: 'propriétaire', support: 'support', marketing: 'marketing', accountant: 'comptabilité' },
});

const text = defineWording({
  en: {
    title: 'Who accessed my data',
    lead: 'Each time a staff member viewed your data, when, and for which purpose: the back office lets staff see a person’s data only for a purpose their role serves, and records it.',
    none: 'No staff member has viewed your data.',
    headers: ['When', 'Purpose', 'Who'],
    someone: 'A staff member',
    withRole: (role: string) => `A staff member (${role})`,
    mineTitle: 'My privacy actions',
    mineHeaders: ['When', 'What'],
    mineNone: 'Nothing yet.',
    did: {
      received: (kind: string) => `You asked for: ${kind.toLowerCase()}`,
      objected: (purpose: string) => `You objected to: ${purpose.toLowerCase()}`,
      lifted: (purpose: string) => `You lifted your objection to: ${purpose.toLowerCase()}`,
      restricted: 'Processing of your data was restricted',
      restrictionLifted: 'The restriction of processing was lifted',
      corrected: 'A correction was made',
      downloaded: 'Your copy of your data was downloaded',
      other: 'A step of one of your requests',
    },
  },
  fr: {
    title: 'Qui a consulté mes données',
    lead: 'Chaque fois qu’un membre du personnel a consulté vos données, quand, et dans quel but : le back-office ne montre les données d’une personne au personnel que pour un but que sert son rôle, et l’enregistre.',
    none: 'Aucun membre du personnel n’a consulté vos données.',
    headers: ['Quand', 'But', 'Qui'],
    someone: 'Un membre du personnel',
    withRole: (role: string) => `Un membre du personnel (${role})`,
    mineTitle: 'Mes actions sur mes données',
    mineHeaders: ['Quand', 'Quoi'],
    mineNone: 'Rien pour l’instant.',
    did: {
      received: (kind: string) => `Vous avez demandé : ${kind.toLowerCase()}`,
      objected: (purpose: string) => `Vous vous êtes opposé(e) à : ${purpose.toLowerCase()}`,
      lifted: (purpose: string) => `Vous avez levé votre opposition à : ${purpose.toLowerCase()}`,
      restricted: 'Le traitement de vos données a été limité',
      restrictionLifted: 'La limitation du traitement a été levée',
      corrected: 'Une rectification a été faite',
      downloaded: 'La copie de vos données a été téléchargée',
      other: 'Une étape de l’une de vos demandes',
    },
  },
});

/** Staff reads of the member's data (when, why, who), then the member's own privacy actions. */
export function AccessesPanel(props: {
  locale: Locale;
  reads: readonly StaffRead[];
  actions: readonly PrivacyLedgerRow[];
}) {
  const { locale } = props;
  const t = text[locale];
  return (
    <section class="panel" id="accesses" aria-labelledby="accesses-title">
      <h2 id="accesses-title">{t.title}</h2>
      <p class="muted">{t.lead}</p>
      {props.reads.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ScrollTable label={t.title} headers={t.headers}>
          {props.reads.map((read) => (
            <tr key={read.seq}>
              <td>{formatDate(read.at, locale, true)}</td>
              <td>{purposeName(read.purpose, locale)}</td>
              <td>{whoOf(read, locale)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h3 id="mine-title">{t.mineTitle}</h3>
      {props.actions.length === 0 ? (
        <p class="muted">{t.mineNone}</p>
      ) : (
        <ScrollTable label={t.mineTitle} headers={t.mineHeaders}>
          {props.actions.map((entry) => (
            <tr key={entry.seq}>
              <td>{formatDate(entry.at, locale, true)}</td>
              <td>{actionText(entry, locale)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function whoOf(read: StaffRead, locale: Locale): string {
  const t = text[locale];
  const role = read.staff.role && (roles[locale][read.staff.role] ?? read.staff.role);
  if (read.staff.name) return role ? `${read.staff.name} (${role})` : read.staff.name;
  return role ? t.withRole(role) : t.someone;
}

function purposeName(purpose: string | null, locale: Locale): string {
  if (purpose && purpose in purposes) return purposes[purpose as Purpose][locale];
  return purpose ?? '—';
}

/** A ledger entry about the member, in words. */
function actionText(entry: PrivacyLedgerRow, locale: Locale): string {
  const did = text[locale].did;
  switch (entry.action) {
    case 'request.received': {
      const kind = kindIn(entry.details);
      return kind ? did.received(requestKindWording[locale][kind]) : did.other;
    }
    case 'objection.recorded':
      return did.objected(purposeName(entry.purpose, locale));
    case 'objection.lifted':
      return did.lifted(purposeName(entry.purpose, locale));
    case 'restriction.recorded':
      return did.restricted;
    case 'restriction.lifted':
      return did.restrictionLifted;
    case 'correction.made':
      return did.corrected;
    case 'export.downloaded':
      return did.downloaded;
    default:
      return did.other;
  }
}

function kindIn(details: string | null): RequestKind | undefined {
  if (!details) return undefined;
  try {
    const kind = (JSON.parse(details) as Record<string, unknown>).kind;
    return (requestKinds as readonly unknown[]).includes(kind) ? (kind as RequestKind) : undefined;
  } catch {
    return undefined;
  }
}
