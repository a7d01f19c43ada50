import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layering check (.dependency-cruiser.cjs, `npm run layers`) run on small trees that mirror
// src/: a clean tree that must pass, and the same tree with one bad import added per case, which
// must fail on exactly that import, under the rule's name. The trees are written to a temporary
// folder so that tsc and biome never see their deliberate mistakes.

const projectRoot = path.resolve(import.meta.dirname, '..');
const configFile = path.join(projectRoot, '.dependency-cruiser.cjs');

type Tree = Record<string, string>;

/** A tree that keeps every rule: each layer imports the layers below it, never above. */
const cleanTree: Tree = {
  'src/privacy/core/vocabulary.ts': `
    import path from 'node:path';
    export const categories = ['contact', path.sep];`,
  'src/privacy/core/registry.ts': `
    import { categories } from './vocabulary.js';
    export const registry = { categories };`,
  'src/platform/i18n.ts': `
    import { categories } from '../privacy/core/vocabulary.js';
    export const locales = ['en', 'fr', ...categories];`,
  'src/platform/module.ts': `
    import type { registry } from '../privacy/core/registry.js';
    export type Module = { name: string; data?: typeof registry };`,
  'src/web/layout.ts': `
    import { locales } from '../platform/i18n.js';
    export const layout = (body: string) => locales.join() + body;`,
  'src/privacy/policy/policy-page.ts': `
    import { registry } from '../core/registry.js';
    import { layout } from '../../web/layout.js';
    export const policyPage = () => layout(String(registry));`,
  'src/privacy/privacy-module.ts': `
    import { policyPage } from './policy/policy-page.js';
    export const privacyModule = { name: 'privacy', policyPage };`,
  'src/modules/shop/shop-store.ts': `
    export const shopName = 'Vitrine';`,
  'src/modules/shop/shop-service.ts': `
    import { shopName } from './shop-store.js';
    import { layout } from '../../web/layout.js';
    export const shopService = { name: () => layout(shopName) };`,
  'src/modules/shop/index.ts': `
    import type { Module } from '../../platform/module.js';
    import { privacyModule } from '../../privacy/privacy-module.js';
    export { shopService } from './shop-service.js';
    export const shopModule: Module = { name: privacyModule.name };`,
  'src/modules/orders/index.ts': `
    import { shopService } from '../shop/index.js';
    export const ordersModule = { name: shopService.name() };`,
  // Tests may reach into any layer and any module's files.
  'src/platform/i18n.test.ts': `
    import { shopName } from '../modules/shop/shop-store.js';
    import { locales } from './i18n.js';
    export const seen = [shopName, ...locales];`,
  'src/modules/orders/orders.test.ts': `
    import { shopName } from '../shop/shop-store.js';
    export const seen = shopName;`,
  'src/modules/orders/orders.fixture.ts': `
    import { shopService } from '../shop/shop-service.js';
    export const fixture = shopService;`,
  'src/platform/mailer.contract.ts': `
    import { layout } from '../web/layout.js';
    import { modules } from '../modules/index.js';
    export const contract = [layout, modules];`,
  'src/modules/index.ts': `
    import { ordersModule } from './orders/index.js';
    import { shopModule } from './shop/index.js';
    export const modules = [shopModule, ordersModule];`,
  'src/main.ts': `
    import { modules } from './modules/index.js';
    import { locales } from './platform/i18n.js';
    export const started = [modules, locales];`,
  // The sandbox gateway, a program of its own: its files import each other and npm packages.
  'src/sandbox-gateway/card-check.ts': `
    export const luhn = (digits: string) => digits.length > 0;`,
  'src/sandbox-gateway/main.ts': `
    import path from 'node:path';
    import { luhn } from './card-check.js';
    export const started = [luhn, path.sep];`,
  // Tests may start it beside the shop's code.
  'src/platform/payments.test.ts': `
    import { started } from '../sandbox-gateway/main.js';
    import { locales } from './i18n.js';
    export const seen = [started, locales];`,
};

/** A violation as `rule: from → to`, and for a cycle the whole loop from `from` back to it. */
type Violation = string;

const cases: { title: string; files: Tree; violations: Violation[] }[] = [
  {
    title: 'the privacy core importing the platform',
    files: {
      'src/privacy/core/duration.ts': `
        import { locales } from '../../platform/i18n.js';
        export const units = locales;`,
    },
    violations: ['privacy-core-is-a-leaf: src/privacy/core/duration.ts → src/platform/i18n.ts'],
  },
  {
    title: 'the platform importing a module',
    files: {
      'src/platform/mailer.ts': `
        import { shopService } from '../modules/shop/index.js';
        export const sender = shopService.name();`,
    },
    violations: ['platform-imports-upward: src/platform/mailer.ts → src/modules/shop/index.ts'],
  },
  {
    title: 'the web layer importing a privacy engine, type only',
    files: {
      'src/web/footer.ts': `
        import type { policyPage } from '../privacy/policy/policy-page.js';
        export type Footer = typeof policyPage;`,
    },
    violations: ['web-imports-upward: src/web/footer.ts → src/privacy/policy/policy-page.ts'],
  },
  {
    title: 'a privacy engine importing a module',
    files: {
      'src/privacy/retention/enforce-retention.ts': `
        import { shopService } from '../../modules/shop/index.js';
        export const enforce = () => shopService.name();`,
    },
    violations: [
      'privacy-engine-imports-upward: src/privacy/retention/enforce-retention.ts → src/modules/shop/index.ts',
    ],
  },
  {
    title: 'a module importing the module list',
    files: {
      'src/modules/orders/order-service.ts': `
        import { modules } from '../index.js';
        export const count = modules.length;`,
    },
    violations: ['module-imports-composition-root: src/modules/orders/order-service.ts → src/modules/index.ts'],
  },
  {
    title: "a module importing another module's file instead of its index",
    files: {
      'src/modules/orders/views/order-page.tsx': `
        import { shopName } from '../../shop/shop-store.js';
        export const OrderPage = () => <h1>{shopName}</h1>;`,
    },
    violations: ['module-internals: src/modules/orders/views/order-page.tsx → src/modules/shop/shop-store.ts'],
  },
  {
    title: 'an import cycle closed by a type-only import',
    files: {
      'src/modules/shop/shop-store.ts': `
        import type { shopService } from './shop-service.js';
        export const shopName = 'Vitrine';
        export type Service = typeof shopService;`,
    },
    // One violation per cycle, whichever edge dependency-cruiser meets first.
    violations: [
      'no-cycle: src/modules/shop/shop-service.ts → src/modules/shop/shop-store.ts (src/modules/shop/shop-service.ts → src/modules/shop/shop-store.ts → src/modules/shop/shop-service.ts)',
    ],
  },
  {
    title: 'an import cycle through a test file',
    files: {
      'src/platform/i18n.ts': `
        import type { seen } from './i18n.test.js';
        export const locales: string[] = [];
        export type Seen = typeof seen;`,
    },
    violations: [
      'no-cycle: src/platform/i18n.test.ts → src/platform/i18n.ts (src/platform/i18n.test.ts → src/platform/i18n.ts → src/platform/i18n.test.ts)',
    ],
  },
  {
    title: 'the sandbox gateway importing the shop',
    files: {
      'src/sandbox-gateway/card-check.ts': `
        import { locales } from '../platform/i18n.js';
        export const luhn = (digits: string) => locales.includes(digits);`,
    },
    violations: ['sandbox-gateway-is-separate: src/sandbox-gateway/card-check.ts → src/platform/i18n.ts'],
  },
  {
    title: 'the shop importing the sandbox gateway instead of speaking HTTP to it',
    files: {
      'src/main.ts': `
        import { modules } from './modules/index.js';
        import { started } from './sandbox-gateway/main.js';
        export const running = [modules, started];`,
    },
    violations: ['shop-imports-sandbox-gateway: src/main.ts → src/sandbox-gateway/main.ts'],
  },
  {
    title: 'an import of a file that does not exist',
    files: {
      'src/web/header.ts': `
        import { logo } from './logo.js';
        export const header = logo;`,
    },
    violations: ['unresolvable-import: src/web/header.ts → ./logo.js'],
  },
];

let workDir: string;
let options: ICruiseOptions;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-layering-'));
  options = await extractDepcruiseOptions(configFile);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Writes the tree into its own folder and returns that folder. */
function writeTree(name: string, tree: Tree): string {
  const root = path.join(workDir, name);
  for (const [file, source] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), `${source.trim()}\n`);
  }
  return root;
}

/** Runs the real configuration over a tree's src/, as `npm run layers` does from the project root. */
async function violationsIn(root: string): Promise<Violation[]> {
  const { output } = await cruise(['src'], { ...options, baseDir: root });
  const result = output as ICruiseResult;
  return result.summary.violations
    .map((violation) => {
      const line = `${violation.rule.name}: ${violation.from} → ${violation.to}`;
      return violation.cycle
        ? `${line} (${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')})`
        : line;
    })
    .sort();
}

describe('the layering check', () => {
  it('passes a tree that keeps every rule, tests reaching into other layers included', async () => {
    expect(await violationsIn(writeTree('clean', cleanTree))).toEqual([]);
  });

  it.each(cases.map((c, index) => ({ ...c, index })))('fails on $title', async ({ files, violations, index }) => {
    const root = writeTree(`case-${index}`, { ...cleanTree, ...files });
    expect(await violationsIn(root)).toEqual(violations);
  });

  it('exits non-zero from the command line and names the rule and the import', async () => {
    const cli = path.join(projectRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = (cwd: string) => promisify(execFile)(process.execPath, [cli, 'src', '--config', configFile], { cwd });
    await expect(run(writeTree('cli-clean', cleanTree))).resolves.toBeDefined();
    const failing = writeTree('cli-failing', { ...cleanTree, ...cases[1]!.files });
    await expect(run(failing)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining(
        'error platform-imports-upward: src/platform/mailer.ts → src/modules/shop/index.ts',
      ),
    });
  }, 60_000);
});
