import type { ModuleDefinition } from '../platform/module.js';
import { platformModule } from '../platform/platform-module.js';
import { privacyModule } from '../privacy/privacy-module.js';
import { accountsModule } from './accounts/index.js';
import { catalogModule } from './catalog/index.js';
import { shopModule } from './shop/index.js';

/**
 * Every module of the application, in the order their routes and seeds are registered.
 * Accounts come before the pages that show who is signed in (its session hook must exist first).
 */
export const modules: ModuleDefinition[] = [platformModule, shopModule, privacyModule, accountsModule, catalogModule];
