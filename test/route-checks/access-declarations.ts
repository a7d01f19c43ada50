import { staffPermissions } from '../../src/modules/backoffice/staff-access.js';
import type { RouteUnderCheck } from './routes-under-check.js';

const kinds = new Set(['public', 'member', 'staff-pending']);

/**
 * Routes that do not say who may use them (`config.access`), or say it with a permission the
 * table does not have. Each is named, so a new route without a declaration fails by name.
 */
export function undeclaredAccess(routes: RouteUnderCheck[]): string[] {
  return routes.flatMap((route) => {
    const access = route.config.access as unknown;
    if (access === undefined) return [`${route.name}: no config.access`];
    if (typeof access === 'string' && kinds.has(access)) return [];
    const permission =
      typeof access === 'object' && access !== null ? (access as { staff?: unknown }).staff : undefined;
    if (typeof permission === 'string' && Object.hasOwn(staffPermissions, permission)) return [];
    return [`${route.name}: unknown access ${JSON.stringify(access)}`];
  });
}
