import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Secrets } from '../crypto/secrets.js';
import { safeEqual } from '../crypto/tokens.js';
import { AppError } from './errors.js';

/**
 * The one gate in front of every staff page. Until staff accounts arrive (issue: members and
 * staff), it is HTTP Basic authentication with user "admin" and the password generated into
 * DATA_DIR/secrets.json on the first run. Basic auth sets no cookie: nothing to register.
 */
export function requireStaff(secrets: Secrets) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const [scheme, encoded = ''] = header.split(' ');
    const [user = '', password = ''] = Buffer.from(encoded, 'base64').toString('utf8').split(/:(.*)/s);
    const valid = scheme === 'Basic' && safeEqual(user, 'admin') && safeEqual(password, secrets.adminPassword);
    if (!valid) {
      reply.header('www-authenticate', 'Basic realm="Vitrine staff", charset="UTF-8"');
      throw new AppError('VT_UNAUTHORIZED');
    }
  };
}
