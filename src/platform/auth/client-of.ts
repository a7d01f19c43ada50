import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from './session-service.js';

/** Where a request comes from, as a session records it: address and browser. */
export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
