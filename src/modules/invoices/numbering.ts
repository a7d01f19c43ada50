/**
 * How documents are numbered (CGI annexe II art. 242 nonies A: "un numéro unique basé sur une
 * séquence chronologique et continue"). Each kind of document has one series that never
 * restarts: FA-000001, FA-000002… for invoices, AV-000001… for credit notes (avoirs). A series per
 * year (F-2026-000001) is allowed too, but only if each year's series is itself gap-free and the
 * switch is dated; one series for the life of the shop is the simplest rule that can be proven,
 * and nothing on the document needs the year in its number (the date is beside it).
 */
export type DocumentKind = 'invoice' | 'credit-note';

const prefixes: Record<DocumentKind, string> = { invoice: 'FA', 'credit-note': 'AV' };

/** The series a kind of document is numbered in (a row of invoices_series). */
export function seriesOf(kind: DocumentKind): string {
  return kind;
}

/** "FA-000042": six digits, more when the series outgrows them (never cut, so never repeated). */
export function documentNumber(kind: DocumentKind, sequence: number): string {
  return `${prefixes[kind]}-${String(sequence).padStart(6, '0')}`;
}
