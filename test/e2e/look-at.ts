import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';

// axe-core, the accessibility engine of browsers' dev tools, run inside the real page.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The WCAG 2.1 A and AA violations axe-core finds on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as Violation[];
  return violations.map(
    (v) => `${page.url()}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Checks a page for accessibility problems and, when SCREENSHOTS_DIR is set, saves it at desktop
 * and phone widths (to look at what we build: `SCREENSHOTS_DIR=.screenshots npm run test:e2e`).
 * The browser context must be created with `bypassCSP: true` for the checker to run.
 */
export async function lookAt(page: Page, name: string): Promise<string[]> {
  const problems = await accessibilityViolations(page);
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(dir, `${width}-${name}.png`), fullPage: true });
    }
    await page.setViewportSize(viewport);
  }
  return problems;
}
