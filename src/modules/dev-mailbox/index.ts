import { defineModule } from '../../platform/module.js';
import { DevMailboxService } from './dev-mailbox-service.js';
import { devMailboxRoutes } from './routes.js';

/**
 * The development mailbox (`/dev/mailbox`, docs/admin.md): mail as its recipients read it, links
 * working, on a developer's own computer only. It has no tables: it reads the outbox.
 */
export const devMailboxModule = defineModule({
  name: 'dev-mailbox',
  services: (platform) => ({ mailbox: new DevMailboxService(platform) }),
  routes: (app, { platform, services }) => devMailboxRoutes(app, platform, services.mailbox),
});
