import type { Locale } from './languages.js';
import { formatDuration } from './duration.js';
import type { EraseAction, ResolvedRetention } from './resolved-model.js';
import { type LegalBasis, legalBases } from './vocabulary.js';

/**
 * The published words for the resolved model's periods, legal bases and erase actions, built
 * from the declared values only: the policy page and (later) the export say them the same way.
 */

/** "3 years after you last use your account", "3 ans après la dernière utilisation de votre compte". */
export function wordPeriod(
  period: { keep: string } | { hold: string },
  after: ResolvedRetention['after'],
  locale: Locale,
): string {
  const length = formatDuration('keep' in period ? period.keep : period.hold, locale);
  return locale === 'fr' ? `${length} après ${after.fr}` : `${length} after ${after.en}`;
}

/** "Performance of a contract with you (GDPR art. 6(1)(b))". */
export function wordBasis(basis: LegalBasis, locale: Locale): string {
  return `${legalBases[basis][locale]} (${locale === 'fr' ? 'RGPD' : 'GDPR'} art. ${legalBases[basis].article})`;
}

/** What happens to a column on erasure, in a few words (a hold's basis and reason are said apart). */
export function wordErase(erase: EraseAction, locale: Locale): string {
  const fr = locale === 'fr';
  switch (erase.action) {
    case 'delete-row':
      return fr ? 'Suppression' : 'Deleted';
    case 'hold':
      return fr
        ? `Conservation ${wordPeriod(erase, erase.after, locale)}, puis suppression`
        : `Kept ${wordPeriod(erase, erase.after, locale)}, then deleted`;
    case 'pseudonymize':
      if (erase.becomes === null)
        return fr
          ? 'Effacement, le reste de l’enregistrement étant conservé'
          : 'Emptied, the rest of the record being kept';
      if (erase.becomes === 'random')
        return fr ? 'Remplacement par une valeur aléatoire' : 'Replaced by a random value';
      return fr ? `Remplacement par « ${erase.becomes.text} »` : `Replaced by “${erase.becomes.text}”`;
  }
}
