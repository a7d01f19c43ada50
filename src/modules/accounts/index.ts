import { defineModule } from '../../platform/module.js';
import { accountServicesOf } from './account-services.js';
import { sendPasswordResetJob } from './credentials-service.js';
import { memberSessions } from './member-sessions.js';
import * as accountsMigration from './migrations/20261125_05_accounts.js';
import * as usernameSkeletonMigration from './migrations/20261126_10_username_skeleton.js';
import * as staffManagementMigration from './migrations/20261126_20_staff_management.js';
import { accountsData, knownDeviceCookie, memberSessionCookie, staffSessionCookie } from './privacy.js';
import { accountRoutes } from './routes/account-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { staffManagementRoutes } from './staff/staff-management-routes.js';
import { staffRoutes } from './staff/staff-routes.js';
import { staffSessions } from './staff/staff-sessions.js';

/** Members (sign-up, sessions, profile, devices) and staff (roles, two-factor sign-in). */
export const accountsModule = defineModule({
  name: 'accounts',
  migrations: { '20261125_05_accounts': accountsMigration, '20261126_10_username_skeleton': usernameSkeletonMigration, '20261126_20_staff_management': staffManagementMigration },
  data: [accountsData],
  cookies: [memberSessionCookie, staffSessionCookie, knownDeviceCookie],
  jobs: (context) => ({ [sendPasswordResetJob]: accountServicesOf(context).credentials.sendPasswordReset }),
  routes: (app, context) => {
    const services = accountServicesOf(context);
    const secure = context.config.publicUrl.startsWith('https:');
    memberSessions(app, { sessions: services.memberSessions, members: services.members, secure });
    staffSessions(app, { sessions: services.staffSessions, staff: services.staff, secure });
    authRoutes(app, context, services);
    accountRoutes(app, context, services);
    staffRoutes(app, context, services);
    staffManagementRoutes(app, context, services);
  },
});
