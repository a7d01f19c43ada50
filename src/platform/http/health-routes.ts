import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../platform-context.js';
import { pingDatabase } from '../db/database.js';

/**
 * For the reverse proxy and the process supervisor. Live: the process answers. Ready: it can do
 * its work (database and, when configured, Redis answer), so traffic may be sent to it.
 */
export function healthRoutes(app: FastifyInstance, context: PlatformContext) {
  // The proxy asks every few seconds: a failing check is logged when it starts failing and when
  // it recovers, not at every probe.
  const lastStatus = new Map<string, 'ok' | 'failed'>();
  app.get('/health/live', { config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { config: { access: 'public' } }, async (request, reply) => {
    const checks: Record<string, 'ok' | 'failed'> = {};
    const check = async (name: string, probe: () => Promise<void>) => {
      try {
        await probe();
        checks[name] = 'ok';
        if (lastStatus.get(name) === 'failed') request.log.info({ check: name }, 'readiness check passes again');
      } catch (error) {
        if (lastStatus.get(name) !== 'failed') request.log.warn({ err: error, check: name }, 'readiness check failed');
        checks[name] = 'failed';
      }
      lastStatus.set(name, checks[name]);
    };
    await check('database', () => pingDatabase(context.database));
    if (context.rateLimitStore.external) {
      await check(context.rateLimitStore.name, () => context.rateLimitStore.ping());
    }
    const ready = Object.values(checks).every((status) => status === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
