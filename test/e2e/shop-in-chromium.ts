import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './server.js';

export interface ShopInChromium {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
}

/**
 * For a browser test file: starts the built shop and Chromium before its tests and stops both
 * after. The returned object is filled in by beforeAll, so read it inside tests only. `env` is
 * read in beforeAll too, so it may name services that an earlier beforeAll started.
 */
export function shopInChromium(env: () => Record<string, string> = () => ({})): ShopInChromium {
  const shop = {} as ShopInChromium;
  beforeAll(async () => {
    shop.server = await startServer(env());
    shop.browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await shop.browser?.close();
    await shop.server?.stop();
  });
  return shop;
}
