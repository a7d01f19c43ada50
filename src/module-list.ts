import { backofficeModule } from './modules/backoffice/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { commerceModule } from './modules/commerce/index.js';
import { devMailboxModule } from './modules/dev-mailbox/index.js';
import { invoicesModule } from './modules/invoices/index.js';
import { legalModule } from './modules/legal/index.js';
import { membersModule } from './modules/members/index.js';
import type { AnyModule } from './platform/module.js';
import { platformModule } from './platform/platform-module.js';
import { privacyModule } from './privacy/privacy-module.js';

/**
 * Every module of the shop, in the order their services are built and their routes and seeds
 * registered: a module after those it depends on, and members before the pages that show who is
 * signed in (its session hook must exist first). Only the composition root reads this list.
 */
export const modules: readonly AnyModule[] = [
  platformModule,
  privacyModule,
  membersModule,
  backofficeModule,
  catalogModule,
  legalModule,
  invoicesModule,
  commerceModule,
  devMailboxModule,
];
