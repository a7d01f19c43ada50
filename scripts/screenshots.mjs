// Screenshots of the main pages at desktop and phone widths, to look at what we build:
//   npm start & node scripts/screenshots.mjs [baseUrl] [outDir]
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/e2e/chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? '.screenshots';
const pages = [
  '/fr',
  '/en/catalog',
  '/fr/catalogue/javascript-fundamentals',
  '/en/catalog/developer-notebook',
  '/fr/confidentialite',
  '/en/cookies',
  '/en/nothing-here',
  '/en/account/sign-up',
  '/fr/compte/connexion',
  '/en/account/forgot-password',
  '/admin/sign-in',
];
// Signed-in pages (account, back office): SCREENSHOTS_DIR=.screenshots npm run test:e2e
const widths = { desktop: 1280, phone: 390 };

const browser = await chromium.launch(chromiumLaunchOptions());
for (const [label, width] of Object.entries(widths)) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  for (const path of pages) {
    await page.goto(base + path);
    const file = `${out}/${label}${path.replaceAll('/', '_')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`${file}\n`);
  }
  await page.close();
}
await browser.close();
