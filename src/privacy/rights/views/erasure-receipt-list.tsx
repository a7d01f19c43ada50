import { defineWording } from '../../../platform/http/i18n.js';
import type { Locale } from '../../core/languages.js';
import type { ReceiptLine } from '../erasure-receipt.js';

const text = defineWording({
  en: {
    keptUntil: (day: string) => `Kept until ${day} at the latest: `,
    why: 'Why:',
    basis: 'Legal basis:',
    nothing: 'nothing to remove',
    colon: ': ',
  },
  fr: {
    keptUntil: (day: string) => `Conservé jusqu’au ${day} au plus tard : `,
    why: 'Pourquoi :',
    basis: 'Base légale :',
    nothing: 'rien à supprimer',
    colon: ' : ',
  },
});

/** An erasure's receipt, line by line: what each part of the shop removes, and what it keeps, why, until when. */
export function ErasureReceiptList(props: { lines: readonly ReceiptLine[]; locale: Locale }) {
  const t = text[props.locale];
  return (
    <ul class="receipt">
      {props.lines.map((line) => (
        <li key={line.about}>
          <strong>{line.about}</strong>
          {t.colon}
          {line.removed || t.nothing}
          {line.kept.length > 0 && (
            <ul>
              {line.kept.map((kept) => (
                <li key={kept.says}>
                  {t.keptUntil(kept.until)}
                  {kept.says}. {t.why} {kept.reason} {t.basis} {kept.basis}.
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
