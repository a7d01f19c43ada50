import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';

const shop = shopInChromium();

const pages = [
  '/fr',
  '/en',
  '/fr/catalogue',
  '/en/catalog?kind=workshop',
  '/fr/catalogue/fullstack-web-bootcamp',
  '/en/catalog/developer-notebook',
  '/fr/confidentialite',
  '/en/cookies',
  '/en/no-such-page',
  '/fr/compte/inscription',
  '/en/account/sign-in',
  '/fr/compte/mot-de-passe-oublie',
  '/admin/sign-in',
  '/en/privacy/request',
  '/fr/confidentialite/demande',
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
        found.push(...(await accessibilityViolations(page)));
      }
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
