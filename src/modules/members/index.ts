import { defineModule } from '../../platform/module.js';
import { privacyModule } from '../../privacy/privacy-module.js';
import { accountRoutes } from './account-routes.js';
import { authRoutes } from './auth-routes.js';
import { handle } from '../../platform/jobs/job-handler.js';
import { passwordResetJob } from './credentials-service.js';
import { type MemberServices, memberServices } from './member-services.js';
import { memberSessions } from './member-sessions.js';
import * as accountsMigration from './migrations/20261125_05_accounts.js';
import * as usernameSkeletonMigration from './migrations/20261126_10_username_skeleton.js';
import * as emailLowerMigration from './migrations/20261203_41_email_lower.js';
import * as linkKeysMigration from './migrations/20261203_45_link_keys.js';
import { memberSessionCookie, membersData } from './privacy.js';
import { privacyRoutes } from './privacy-routes.js';

export type { MemberServices };
export type { MemberListEntry } from './member-store.js';
export type { MemberRow } from './member-tables.js';
export { requireMember } from './member-sessions.js';
export { AccountLayout } from './views/account-layout.js';

/** Members: sign-up, sign-in, sessions, profile, devices, password and email changes, deletion. */
export const membersModule = defineModule({
  name: 'members',
  dependsOn: { privacy: privacyModule },
  migrations: {
    '20261125_05_accounts': accountsMigration,
    '20261126_10_username_skeleton': usernameSkeletonMigration,
    '20261203_41_email_lower': emailLowerMigration,
    '20261203_45_link_keys': linkKeysMigration,
  },
  data: [membersData],
  cookies: [memberSessionCookie],
  services: memberServices,
  jobs: ({ services }) => [handle(passwordResetJob, services.credentials.sendPasswordReset)],
  routes: (app, { platform, services }) => {
    // Before any page that shows who is signed in: catalog pages come after in the module list.
    memberSessions(app, {
      sessions: services.sessions,
      members: services.members,
      secure: platform.config.secureCookies,
    });
    authRoutes(app, platform, services);
    accountRoutes(app, platform, services);
    privacyRoutes(app, platform, services);
  },
});
