import {
  type DataDeclaration,
  type PersonalTable,
  type TableDeclaration,
  isPersonalTable,
} from './data-declaration.js';
import { durationSeconds, isDuration } from './duration.js';
import { type Wording, locales } from './languages.js';
import {
  dataCategories,
  dataSubjects,
  legalBases,
  purposes,
  subjectLinkKinds,
  tableEraseActions,
} from './vocabulary.js';

/**
 * What the compiler cannot see in a declaration, checked when the module loads so a mistake fails
 * at start-up and in every test: a value cast past the types, a period that is not ISO 8601, a
 * text missing in one language, or a reason that restates the period it should explain (the
 * published period is worded from the declared one; a reason that repeats it can drift from it).
 */
export function checkDeclaration(declaration: DataDeclaration): void {
  for (const [name, table] of Object.entries(declaration.tables)) {
    const problem = tableProblem(table);
    if (problem) throw new Error(`Privacy declaration ${declaration.module}: table ${name}: ${problem}`);
  }
}

function tableProblem(table: TableDeclaration): string | undefined {
  if (new Set(table.nonPersonal).size !== table.nonPersonal.length) return 'lists a non-personal column twice';
  if (!isWording(table.about)) return 'says what it is (about) not in every language';
  return isPersonalTable(table) ? personalTableProblem(table) : undefined;
}

function personalTableProblem(table: PersonalTable): string | undefined {
  const personal = Object.keys(table.columns);
  const declared = new Set([...personal, ...table.nonPersonal]);
  const undeclared = (column: string) => !declared.has(column);
  if (personal.length === 0) return 'is declared personal but names no personal column';
  if (table.note !== undefined && !isWording(table.note)) return 'has a note not in every language';
  if (table.subject.length === 0) return 'names no subject link: no way to find a person’s rows';
  for (const link of table.subject) {
    if (undeclared(link.column)) return `subject column ${link.column} is not declared`;
    if (!(link.kind in subjectLinkKinds)) return `subject column ${link.column} has unknown kind "${link.kind}"`;
    if (link.of.length === 0) return `subject column ${link.column} finds no data subject`;
    for (const subject of link.of) if (!(subject in dataSubjects)) return `unknown data subject "${subject}"`;
    if (link.scope === 'column' && !table.columns[link.column]?.erase)
      return `subject column ${link.column} names a person in someone else's row: it must say how it is erased (erase)`;
  }
  if (table.purposes.length === 0) return 'names no purpose';
  for (const purpose of table.purposes) if (!(purpose in purposes)) return `unknown purpose "${purpose}"`;
  if (!(table.basis in legalBases)) return `unknown legal basis "${table.basis}"`;
  if (!(table.erase in tableEraseActions)) return `unknown erase action "${table.erase}"`;
  const retention = periodProblem(
    'retention',
    table.retention.keep,
    table.retention,
    table.retention.reason,
    undeclared,
  );
  if (retention) return retention;

  for (const column of personal) {
    const spec = table.columns[column];
    if (!spec) continue;
    const problem = (text: string) => `column ${column} ${text}`;
    if (table.nonPersonal.includes(column)) return problem('is declared both personal and non-personal');
    if (!(spec.category in dataCategories)) return problem(`has unknown category "${spec.category}"`);
    if (!isWording(spec.says)) return problem('does not say what it is (says) in every language');
    for (const purpose of spec.purposes ?? [])
      if (!(purpose in purposes)) return problem(`has unknown purpose "${purpose}"`);
    if (spec.basis !== undefined && !(spec.basis in legalBases))
      return problem(`has unknown legal basis "${spec.basis}"`);
    if (spec.retention) {
      const own = {
        from: spec.retention.from ?? table.retention.from,
        after: spec.retention.after ?? table.retention.after,
      };
      const found = periodProblem('retention', spec.retention.keep, own, spec.retention.reason, undeclared);
      if (found) return problem(found);
      if (
        own.from === table.retention.from &&
        durationSeconds(spec.retention.keep) >= durationSeconds(table.retention.keep)
      ) {
        return problem(
          `retention ${spec.retention.keep} is not shorter than its row’s ${table.retention.keep}: it would never apply`,
        );
      }
    }
    const erase = spec.erase;
    if (erase && 'hold' in erase) {
      const found = periodProblem('hold', erase.hold, erase, erase.reason, undeclared);
      if (found) return problem(found);
      if (!(erase.basis in legalBases)) return problem(`hold has unknown legal basis "${erase.basis}"`);
      if (erase.releasedAs !== undefined && !isPseudonym(erase.releasedAs))
        return problem('becomes something other than null, "random" or { text } when its hold ends');
      if (erase.from === table.retention.from && durationSeconds(erase.hold) > durationSeconds(table.retention.keep)) {
        return problem(
          `hold ${erase.hold} outlasts its row’s retention ${table.retention.keep}: the row would be deleted first`,
        );
      }
    } else if (erase && !isPseudonym(erase.pseudonymize)) {
      return problem('pseudonymizes to something other than null, "random" or { text }');
    }
  }
  return undefined;
}

function periodProblem(
  what: string,
  keep: string,
  period: { from: string; after: Wording },
  reason: Wording,
  undeclared: (column: string) => boolean,
): string | undefined {
  if (!isDuration(keep)) return `${what} "${keep}" is not an ISO 8601 duration`;
  if (undeclared(period.from)) return `${what} runs from undeclared column ${period.from}`;
  if (!isWording(period.after)) return `${what} does not say from when (after) in every language`;
  if (!isWording(reason)) return `${what} does not say why (reason) in every language`;
  for (const text of [...Object.values(period.after), ...Object.values(reason)]) {
    if (restatesDuration(text))
      return `${what} restates a period in words ("${text}"): the period is worded from ${keep}`;
  }
  return undefined;
}

const spelledPeriod = [
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(second|minute|hour|day|week|month|year)s?\b/i,
  /\b(\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quelques)\s+(seconde|minute|heure|jour|semaine|mois|an|année)s?\b/i,
  /\b(daily|weekly|monthly|yearly|lendemain)\b/i,
];

/** Whether a text states a length of time ("three years", "12 mois", "a week"). */
export function restatesDuration(text: string): boolean {
  return spelledPeriod.some((pattern) => pattern.test(text));
}

function isWording(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return locales.every((locale) => {
    const text = (value as Record<string, unknown>)[locale];
    return typeof text === 'string' && text.trim() !== '';
  });
}

function isPseudonym(value: unknown): boolean {
  if (value === null || value === 'random') return true;
  return typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string';
}
