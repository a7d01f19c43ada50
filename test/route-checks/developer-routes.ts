import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Suite } from '../harness.js';
import { type RouteUnderCheck, routesUnderCheck } from './routes-under-check.js';

/**
 * The routes the app has only as a developer runs it (the suite's env is `developerEnv`): those
 * of the suite's app that the same app deployed (NODE_ENV=production) does not register, such as
 * the development mailbox. The rest is the deployed app, which the main runs of the suites check.
 */
export async function developerOnlyRoutes(suite: Suite): Promise<RouteUnderCheck[]> {
  let deployed: FastifyInstance | undefined;
  try {
    deployed = await buildApp({ ...suite.context, config: { ...suite.context.config, env: 'production' } });
    await deployed.ready();
    const everywhere = new Set(routesUnderCheck(deployed).map((route) => route.name));
    return routesUnderCheck(suite.app, (route) => !everywhere.has(route.name));
  } finally {
    await deployed?.close();
  }
}
