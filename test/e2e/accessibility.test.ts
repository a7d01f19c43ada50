import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { shopInChromium } from './shop-in-chromium.js';

// axe-core, the accessibility engine browsers' dev tools use, run inside the real page.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const shop = shopInChromium();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const pages = [
  '/fr', '/en', '/fr/catalogue', '/en/catalog?kind=workshop', '/fr/catalogue/fullstack-web-bootcamp',
  '/en/catalog/developer-notebook', '/fr/confidentialite', '/en/cookies', '/en/no-such-page',
];

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const width of [1280, 390]) {
    it(`has no violations on the main pages at ${width} px`, async () => {
      // Our CSP (rightly) refuses injected scripts; the test page lifts it to run the checker.
      const context = await shop.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(shop.server.baseUrl + path);
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
          const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations;
        })) as Violation[];
        for (const v of violations) found.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
