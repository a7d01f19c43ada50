import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who a route is for, read by the authorization-matrix test: every route says it in its
     * config, and staff routes repeat the permission their guard checks (the back office's
     * permission table names them).
     */
    access?: 'public' | 'member' | 'staff-pending' | { staff: string };
    /**
     * The side of the shop a route belongs to. The back office's plugin marks every route under
     * /admin 'back-office': those have their own session cookie and CSRF token, and the
     * storefront's member session is not read there.
     */
    area?: 'storefront' | 'back-office';
  }
}

/**
 * Whether a request is for the back office, from the route it matched: the router decodes the
 * path (`/%61dmin/…` reaches `/admin/…`), so the raw URL could say storefront for a staff route.
 */
export function isBackOfficeRequest(request: FastifyRequest): boolean {
  return request.routeOptions.config?.area === 'back-office';
}
