import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../../platform/platform-context.js';
import type { BackofficeServices } from './backoffice-services.js';
import { decorateStaff } from './staff-access.js';
import { staffSessions } from './staff-sessions.js';

/**
 * Registers back-office routes under /admin, in their own encapsulated plugin with what every
 * staff page needs: the `back-office` area (its own CSRF token, no member session), the staff
 * session hook and `request.staff`. The back office uses it for its own screens, and the other
 * modules (catalog, orders) for theirs, so a staff screen is guarded the same whoever wrote it.
 */
export async function staffArea(
  app: FastifyInstance,
  { platform, backoffice }: { platform: PlatformContext; backoffice: BackofficeServices },
  register: (admin: FastifyInstance) => void | Promise<void>,
) {
  await app.register(
    async (admin) => {
      admin.addHook('onRoute', (route) => {
        route.config = { ...route.config, area: 'back-office' };
      });
      decorateStaff(admin);
      staffSessions(admin, {
        sessions: backoffice.staffSessions,
        staff: backoffice.staff,
        secure: platform.config.secureCookies,
      });
      await register(admin);
    },
    { prefix: '/admin' },
  );
}
