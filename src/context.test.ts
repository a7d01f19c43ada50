import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness.js';
import { createContext } from './context.js';
import { backofficeModule } from './modules/backoffice/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { membersModule } from './modules/members/index.js';
import { loadConfig } from './platform/config.js';
import { defineModule } from './platform/module.js';

describe('the composition root', () => {
  it('refuses a module listed before a module it depends on, naming both', async () => {
    await expect(
      createContext(loadConfig({ NODE_ENV: 'test' }), { modules: [backofficeModule, membersModule] }),
    ).rejects.toThrow('Module backoffice depends on members, which must come before it in the module list');
  });

  it('refuses a dependency named otherwise than the module it is', () => {
    expect(() => defineModule({ name: 'reviews', dependsOn: { people: membersModule } })).toThrow(
      'dependsOn.people is the module "members"',
    );
  });
});

describeEachEngine(
  'module services',
  (suite) => {
    it('are built once per shop: routes, jobs and dependent modules share the same instances', () => {
      const members = suite.context.servicesOf(membersModule);
      expect(suite.context.servicesOf(membersModule)).toBe(members);
      expect(suite.context.runtimeOf(backofficeModule).dependencies.members).toBe(members);
      expect(suite.context.servicesOf(backofficeModule).members).toBe(members.members);
      expect(suite.context.servicesOf(catalogModule).catalog).toBe(suite.context.servicesOf(catalogModule).catalog);
    });

    it('are reached only through the module definition of this shop', () => {
      const stranger = defineModule({ name: 'stranger', services: () => ({ value: 1 }) });
      expect(() => suite.context.servicesOf(stranger)).toThrow('Module stranger is not part of this shop');
    });
  },
  { app: false },
);
