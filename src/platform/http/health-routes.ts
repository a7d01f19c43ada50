import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { pingDatabase } from '../db/database.js';

/**
 * For the reverse proxy and the process supervisor. Live: the process answers. Ready: it can do
 * its work (database and, when configured, Redis answer), so traffic may be sent to it.
 */
export function healthRoutes(app: FastifyInstance, context: AppContext) {
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (request, reply) => {
    const checks: Record<string, 'ok' | 'failed'> = {};
    const check = async (name: string, probe: () => Promise<void>) => {
      try {
        await probe();
        checks[name] = 'ok';
      } catch (error) {
        request.log.warn({ err: error, check: name }, 'readiness check failed');
        checks[name] = 'failed';
      }
    };
    await check('database', () => pingDatabase(context.database));
    if (context.rateLimitStore.backend !== 'memory') {
      await check(context.rateLimitStore.backend, () => context.rateLimitStore.ping());
    }
    const ready = Object.values(checks).every((status) => status === 'ok');
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
