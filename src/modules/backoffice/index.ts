import { membersModule } from '../members/index.js';
import { handle } from '../../platform/jobs/job-handler.js';
import { defineModule } from '../../platform/module.js';
import { privacyModule } from '../../privacy/privacy-module.js';
import { type BackofficeServices, backofficeServices } from './backoffice-services.js';
import { createStaffCommand } from './create-staff-command.js';
import * as staffManagementMigration from './migrations/20261126_20_staff_management.js';
import * as staffEmailLowerMigration from './migrations/20261203_42_staff_email_lower.js';
import * as staffLinkKeysMigration from './migrations/20261203_46_link_keys.js';
import { outboxRoutes } from './outbox-routes.js';
import { privacyQueueRoutes } from './privacy-queue-routes.js';
import { privacyRemindersJob } from './privacy-reminders.js';
import { backofficeData, staffSessionCookie } from './privacy.js';
import { staffAccountCommand } from './staff-account-command.js';
import { staffManagementRoutes } from './staff-management-routes.js';
import { staffArea } from './staff-area.js';
import { staffRoutes } from './staff-routes.js';

export type { BackofficeServices };
export {
  type StaffPermission,
  type StaffPrincipal,
  type StaffRole,
  mayStaff,
  requireStaff,
  signedInStaff,
  staffPermissions,
  staffRoles,
} from './staff-access.js';
export { staffArea } from './staff-area.js';
export { accessMemberData, subjectsOfAddresses } from './member-data-access.js';
export { StaffLayout } from './views/staff-layout.js';

/**
 * The back office at /admin: staff accounts and roles, two-factor sign-in, the dashboard, the
 * members list, the outbox, and the queue of privacy requests (with its daily reminder). Its
 * staff tables were created by the members' first migration (20261125_05_accounts, written when
 * both were one module; applied migrations are never edited).
 */
export const backofficeModule = defineModule({
  name: 'backoffice',
  dependsOn: { members: membersModule, privacy: privacyModule },
  migrations: {
    '20261126_20_staff_management': staffManagementMigration,
    '20261203_42_staff_email_lower': staffEmailLowerMigration,
    '20261203_46_link_keys': staffLinkKeysMigration,
  },
  data: [backofficeData],
  cookies: [staffSessionCookie],
  services: backofficeServices,
  jobs: ({ services }) => [handle(privacyRemindersJob, async () => void (await services.remindPrivacyRequests()))],
  schedules: [{ job: privacyRemindersJob, every: 'P1D' }],
  // One encapsulated plugin: its hooks (staff session) and its routes' `area` apply to /admin only.
  routes: (app, { platform, services }) =>
    staffArea(app, { platform, backoffice: services }, (admin) => {
      staffRoutes(admin, platform, services);
      staffManagementRoutes(admin, platform, services);
      outboxRoutes(admin, platform, services);
      privacyQueueRoutes(admin, platform, services);
    }),
  commands: {
    'staff:create': {
      usage:
        'staff:create --role <owner|support|marketing|accountant> --email <address> [--name "Full Name"]   create a staff account (the first owner)',
      run: (args, { platform, services }) => createStaffCommand(args, platform, services),
    },
    'staff:reset-2fa': {
      usage:
        'staff:reset-2fa --email <address>   clear a staff member’s two-factor key and recovery codes, end their sessions',
      run: (args, { services }) => staffAccountCommand('reset-2fa', args, services),
    },
    'staff:disable': {
      usage: 'staff:disable --email <address>   stop a staff member’s sign-in and end their sessions',
      run: (args, { services }) => staffAccountCommand('disable', args, services),
    },
    'staff:enable': {
      usage: 'staff:enable --email <address>   allow a disabled staff member to sign in again',
      run: (args, { services }) => staffAccountCommand('enable', args, services),
    },
  },
});
