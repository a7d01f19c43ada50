import { defineModule } from '../../platform/module.js';
import { devMailboxRoutes } from './routes.js';

/**
 * The development mailbox (`/dev/mailbox`, docs/admin.md): mail as its recipients read it, links
 * working, on a developer's own computer only. It has no tables and no services of its own.
 */
export const devMailboxModule = defineModule({
  name: 'dev-mailbox',
  routes: (app, { platform }) => devMailboxRoutes(app, platform),
});
