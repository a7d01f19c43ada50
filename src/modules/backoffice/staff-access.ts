import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Purpose } from '../../privacy/core/vocabulary.js';
import { AppError } from '../../platform/http/errors.js';

/**
 * Who may do what in the back office. The staff session hook (staff-sessions.ts) sets
 * `request.staff`; every staff page is guarded here, by one
 * preHandler, so the rules of access can be read in this one file.
 */
export const staffRoles = ['owner', 'support', 'marketing', 'accountant'] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return staffRoles.includes(value as StaffRole);
}

/** The pages and actions of the back office, and the roles that may use them. */
export const staffPermissions = {
  'back-office': ['owner', 'support', 'marketing', 'accountant'],
  'members.read': ['owner', 'support'],
  'mail.outbox': ['owner', 'support'],
  /** What a sent message says (its one-time links are never shown, to anyone). */
  'mail.bodies': ['owner'],
  /** The privacy requests queue (/admin/privacy): record, verify, run, extend, refuse, answer. */
  'privacy.requests': ['owner', 'support'],
  'staff.manage': ['owner'],
  /** Products, variants, course sessions and seats: create, edit, publish, archive (the catalog module). */
  'catalog.manage': ['owner', 'marketing'],
  /** The orders list and an order's page (the commerce module). */
  'orders.read': ['owner', 'support', 'accountant'],
  /** Mark an order fulfilled, cancel an unpaid one. */
  'orders.fulfil': ['owner', 'support'],
  /** Refund in full or in part, and the dispute evidence notes: money leaves the shop. */
  'orders.refund': ['owner', 'accountant'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof staffPermissions;

/**
 * For which purposes (privacy vocabulary) a role may see members' personal data. Every view of
 * member data by staff states its purpose and is checked against this (accessMemberData).
 */
export const rolePurposes: Record<StaffRole, readonly Purpose[]> = {
  owner: ['service', 'support', 'notices', 'marketing', 'statistics', 'legal', 'security'],
  support: ['service', 'support', 'notices'],
  marketing: ['marketing', 'statistics'],
  accountant: ['legal', 'statistics'],
};

export interface StaffPrincipal {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member (password and two-factor code both passed), on /admin pages. */
    staff: StaffPrincipal | null;
  }
}

/** The staff member of a request that passed `requireStaff` (the guard has already refused anyone else). */
export function signedInStaff(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError('VT_UNAUTHORIZED');
  return request.staff;
}

export function mayStaff(staff: Pick<StaffPrincipal, 'role'>, permission: StaffPermission): boolean {
  return (staffPermissions[permission] as readonly StaffRole[]).includes(staff.role);
}

export function decorateStaff(app: FastifyInstance) {
  app.decorateRequest('staff', null);
}

/**
 * The guard of every staff page. A visitor is sent to the staff sign-in page (and brought back);
 * an API client gets 401; a staff member whose role lacks the permission gets 403.
 */
export function requireStaff(permission: StaffPermission = 'back-office') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = request.staff;
    if (!staff) {
      if (request.method === 'GET')
        return reply.redirect(`/admin/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      throw new AppError('VT_UNAUTHORIZED');
    }
    if (!mayStaff(staff, permission)) throw new AppError('VT_FORBIDDEN');
  };
}
