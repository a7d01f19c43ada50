import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import type { Locale } from '../core/languages.js';
import type { ResolvedColumn, ResolvedPersonalTable } from '../core/resolved-model.js';
import { dataCategories, dataSubjects, purposes } from '../core/vocabulary.js';
import { wordBasis, wordErase, wordPeriod } from '../core/wording.js';

/** The published policy, read back from its HTML the way a visitor reads it. */
interface ReadSection {
  table: string;
  heading: string;
  whose: string[];
  groups: {
    items: { says: string; category: string }[];
    why: string[];
    basis: string;
    period: string;
    reason: string;
    erase: string;
    holdReason?: string;
    holdBasis?: string;
  }[];
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match.slice(1));
const one = (html: string, className: string) => {
  const found = new RegExp(`<span class="${className}">([\\s\\S]*?)</span>`).exec(html);
  return found ? text(found[1] ?? '') : undefined;
};

function readPolicy(body: string): ReadSection[] {
  return all(body, /<section class="policy-entry" id="data-([a-z_]+)"[^>]*>([\s\S]*?)<\/section>/g).map(
    ([table = '', html = '']) => ({
      table,
      heading: text(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(html)?.[1] ?? ''),
      whose: text(/<p class="policy-whose">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')
        .replace(/^[^:]*:\s*/, '')
        .split(', '),
      groups: html
        .split('<div class="policy-group">')
        .slice(1)
        .map((group) => {
          const facts = new Map(
            all(group, /<div><dt>([\s\S]*?)<\/dt><dd[^>]*>([\s\S]*?)<\/dd><\/div>/g).map(([dt = '', dd = '']) => [
              text(dt),
              dd,
            ]),
          );
          const [why = '', basis = '', kept = '', erasure = ''] = [...facts.values()];
          return {
            items: all(
              group,
              /<li><span class="policy-item">([\s\S]*?)<\/span> <span class="policy-category">([\s\S]*?)<\/span><\/li>/g,
            ).map(([says = '', category = '']) => ({
              says: text(says),
              category: text(category),
            })),
            why: all(why, /<li>([\s\S]*?)<\/li>/g).map(([purpose = '']) => text(purpose)),
            basis: text(basis),
            period: one(kept, 'policy-period') ?? '',
            reason: one(kept, 'policy-reason') ?? '',
            erase: one(erasure, 'policy-erase') ?? '',
            holdReason: one(erasure, 'policy-reason'),
            holdBasis: one(erasure, 'policy-hold-basis'),
          };
        }),
    }),
  );
}

/** What the page must say of a column, built from the resolved model alone. */
function expected(column: ResolvedColumn, locale: Locale) {
  const { retention, erase } = column;
  return {
    why: column.purposes.map((purpose) => purposes[purpose][locale]),
    basis: wordBasis(column.basis, locale),
    period: `${wordPeriod(retention, retention.after, locale)}.`,
    reason: retention.reason[locale],
    erase: `${wordErase(erase, locale)}.`,
    holdReason: erase.action === 'hold' ? erase.reason[locale] : undefined,
    holdBasis:
      erase.action === 'hold'
        ? `${locale === 'fr' ? 'Base légale\u00a0: ' : 'Legal basis: '}${wordBasis(erase.basis, locale)}`
        : undefined,
  };
}

const pages: [Locale, string][] = [
  ['en', '/en/privacy'],
  ['fr', '/fr/confidentialite'],
];

describeEachEngine('the published policy, read against the columns behind it', (suite) => {
  for (const [locale, url] of pages) {
    const read = async () => {
      const page = await suite.app.inject({ url });
      expect(page.statusCode).toBe(200);
      return { body: page.body, sections: readPolicy(page.body) };
    };

    it(`[${locale}] lists every personal table once, under its heading, and no other`, async () => {
      const { sections } = await read();
      const tables = suite.context.privacy.personalTables();
      expect(sections.map((s) => s.table).sort()).toEqual(tables.map((t) => t.name).sort());
      for (const section of sections) {
        expect(section.heading).toBe(text(suite.context.privacy.table(section.table)?.about[locale] ?? ''));
      }
    });

    it(`[${locale}] says of each item exactly what the columns behind it declare`, async () => {
      const { sections } = await read();
      for (const section of sections) {
        const table = suite.context.privacy.table(section.table) as ResolvedPersonalTable;
        const shown = new Map<string, number>();
        for (const group of section.groups) {
          expect(group.items.length, `${table.name}: a group lists nothing`).toBeGreaterThan(0);
          for (const item of group.items) {
            // The columns behind an item: those of this table that say this, as this category.
            const behind = table.columns.filter(
              (c) => text(c.says[locale]) === item.says && dataCategories[c.category][locale] === item.category,
            );
            expect(behind.length, `${table.name}: "${item.says}" (${item.category}) is no column's`).toBeGreaterThan(0);
            for (const column of behind) {
              const { holdReason, holdBasis, ...facts } = expected(column, locale);
              expect(
                { ...group, items: undefined, holdReason: group.holdReason, holdBasis: group.holdBasis },
                `${table.name}.${column.name}`,
              ).toEqual({
                ...facts,
                items: undefined,
                holdReason,
                holdBasis,
              });
              shown.set(column.name, (shown.get(column.name) ?? 0) + 1);
            }
          }
        }
        // Every personal column is said, once.
        expect(Object.fromEntries(shown), table.name).toEqual(
          Object.fromEntries(table.columns.map((c) => [c.name, 1])),
        );
      }
    });

    it(`[${locale}] names as concerned only whom the subject links find`, async () => {
      const { sections } = await read();
      for (const section of sections) {
        const table = suite.context.privacy.table(section.table) as ResolvedPersonalTable;
        const found = [...new Set(table.links.flatMap((link) => link.of))];
        expect(section.whose.sort(), table.name).toEqual(found.map((s) => dataSubjects[s][locale]).sort());
      }
      const named = new Set(suite.context.privacy.personalTables().flatMap((t) => t.subjects));
      const listed = new Set(sections.flatMap((s) => s.whose));
      for (const [subject, wording] of Object.entries(dataSubjects)) {
        expect(listed.has(wording[locale]), subject).toBe(named.has(subject as keyof typeof dataSubjects));
      }
    });
  }

  it('no longer says what the declarations used to get wrong', async () => {
    const en = readPolicy((await suite.app.inject({ url: '/en/privacy' })).body);
    const section = (table: string) => en.find((s) => s.table === table);
    const groupOf = (table: string, says: string) =>
      section(table)?.groups.find((g) => g.items.some((i) => i.says.startsWith(says)));
    const items = en.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.says)));
    // A last-seen time is not "pages, response times, interactions"; a token hash is not a password;
    // a one-time link is not a telephone; buyers who have no account (customers) are concerned by
    // what selling keeps (orders, invoices), and say so.
    expect(groupOf('accounts_members', 'The day you last used')?.items).toEqual([
      { says: expect.stringContaining('The day you last used your account'), category: 'Activity' },
    ]);
    expect(items.filter((says) => /password/i.test(says))).toEqual([
      expect.stringMatching(/^Your password/),
      expect.stringMatching(/^Password/),
    ]);
    expect(items.filter((says) => /telephone/i.test(says))).toEqual(['Your telephone number, if you give it']);
    expect(en.flatMap((s) => s.whose)).toContain('Customers');
    // Where a session was used from is kept with the session, for security, on legitimate interests,
    // members and staff alike; its period is the session's, not a year stated beside it.
    for (const table of ['accounts_sessions', 'accounts_staff_sessions']) {
      expect(groupOf(table, 'The IP address')).toMatchObject({
        items: [
          { says: 'The IP address the session was last used from', category: 'Connection information' },
          { says: expect.stringContaining('The browser and system'), category: 'Device information' },
        ],
        why: ['To keep the services and accounts secure'],
        basis: 'Our legitimate interests (GDPR art. 6(1)(f))',
        period: '1 day after the session expires.',
      });
    }
  });
});
