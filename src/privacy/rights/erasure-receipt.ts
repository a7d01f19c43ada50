import type { Locale } from '../core/languages.js';
import type { PrivacyRegistry } from '../core/registry.js';
import type { ResolvedPersonalTable } from '../core/resolved-model.js';
import { wordBasis } from '../core/wording.js';
import type { TableErasure } from './erasure-engine.js';

/** One line of a receipt: what was (or will be) removed from one table, and what is kept, why, until when. */
export interface ReceiptLine {
  about: string;
  removed: string;
  kept: { says: string; reason: string; basis: string; until: string }[];
}

/**
 * The erasure receipt, in the person's language, built from the engine's counts and the resolved
 * model only: exactly what is removed, what is kept, why, and until when. The same lines are shown
 * on screen and mailed before the address goes.
 */
export function erasureReceipt(
  registry: PrivacyRegistry,
  plan: readonly TableErasure[],
  locale: Locale,
): ReceiptLine[] {
  const fr = locale === 'fr';
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(fr ? 'fr-FR' : 'en-GB', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
  return plan.flatMap((entry) => {
    const table = registry.table(entry.table) as ResolvedPersonalTable | undefined;
    if (!table?.personal) return [];
    const parts: string[] = [];
    const rows = (n: number) => (fr ? `${n} enregistrement${n > 1 ? 's' : ''}` : `${n} record${n > 1 ? 's' : ''}`);
    if (entry.deleted)
      parts.push(
        fr ? `${rows(entry.deleted)} supprimé${entry.deleted > 1 ? 's' : ''}` : `${rows(entry.deleted)} deleted`,
      );
    if (entry.pseudonymized)
      parts.push(
        fr
          ? `${rows(entry.pseudonymized)} conservé${entry.pseudonymized > 1 ? 's' : ''} sans ce qui vous identifie`
          : `${rows(entry.pseudonymized)} kept without what identifies you`,
      );
    if (entry.named)
      parts.push(
        fr
          ? `votre nom retiré de ${rows(entry.named)} d’autres personnes`
          : `your name removed from ${rows(entry.named)} of other people`,
      );
    const kept = entry.held.flatMap((held) => {
      const column = table.columns.find((c) => c.name === held.column);
      if (column?.erase.action !== 'hold') return [];
      return [
        {
          says: column.says[locale],
          reason: column.erase.reason[locale],
          basis: wordBasis(column.erase.basis, locale),
          until: day(held.until),
        },
      ];
    });
    return [{ about: table.about[locale], removed: parts.join(fr ? ' ; ' : '; '), kept }];
  });
}

/** The receipt as plain text, for the mail. */
export function receiptText(lines: readonly ReceiptLine[], locale: Locale): string {
  const fr = locale === 'fr';
  return lines
    .map((line) => {
      const kept = line.kept.map((k) =>
        fr
          ? `   Conservé jusqu’au ${k.until} au plus tard : ${k.says}. Pourquoi : ${k.reason} Base légale : ${k.basis}.`
          : `   Kept until ${k.until} at the latest: ${k.says}. Why: ${k.reason} Legal basis: ${k.basis}.`,
      );
      return [`- ${line.about}: ${line.removed || (fr ? 'rien à supprimer' : 'nothing to remove')}`, ...kept].join(
        '\n',
      );
    })
    .join('\n');
}
