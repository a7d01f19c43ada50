import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import { lazyValidation } from './platform/http/lazy-validation.js';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { AppContext } from './context.js';
import { csrfProtection } from './platform/http/csrf.js';
import { errorHandling } from './platform/http/error-handler.js';
import { defaultRateLimitRules, rateLimits } from './platform/http/rate-limit/rate-limit.js';
import { validatePathParams } from './platform/http/path-params.js';
import { recordRoutes } from './platform/http/route-table.js';
import { securityHeaders, securityHeadersOnEveryReply } from './platform/http/security-headers.js';
import { routeOf } from './platform/log/logger.js';
import { randomId } from './platform/crypto/tokens.js';
import { cookieGuard } from './platform/http/cookie-guard.js';
import { compression } from './platform/http/compression.js';
import { assetRoutes } from './web/assets.js';
import { errorResponder } from './web/error-responder.js';
import { htmlRendering } from './web/render.js';
import { pageIndexing } from './web/page-indexing.js';

/** The largest request body we accept: forms and JSON are small; uploads get their own limit. */
export const bodyLimitBytes = 64 * 1024;

/** The longest path parameter the router matches (a longer one is a 404). */
const maxParamLength = 200;

/**
 * Builds the HTTP application: platform machinery first (every hook applies to every route),
 * then each module's routes. No I/O here beyond what the context already opened, so tests build
 * one app per suite cheaply with `app.inject`.
 */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const { config } = context;
  const secure = config.secureCookies;
  const respond = errorResponder(() => context.shop.identity());
  const applySecurityHeaders = securityHeaders({ https: secure });

  const validation = lazyValidation();
  const app = Fastify({
    loggerInstance: context.logger,
    // Route schemas compiled on first use and in idle moments after start, not all at start.
    schemaController: validation.schemaController,
    // Fastify's own request lines would log the raw URL; ours (onResponse below) logs the route.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count is supported at run time though Fastify's types omit it.
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    bodyLimit: bodyLimitBytes,
    // A client that sends its request slowly or stops half-way gets 408 and is closed: without
    // these Fastify sets no limit and Node's 5 minutes never apply (docs/deployment.md).
    requestTimeout: config.timeouts.requestMs,
    http: {
      headersTimeout: config.timeouts.headersMs,
      // Node checks both timeouts only this often (30 s by default, which would let a 10 s
      // timeout run to 40 s): a quarter of the headers timeout (the shorter), between 0.1 and 1 s.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(config.timeouts.headersMs / 4))),
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength },
    return503OnClosing: true,
    // Random, not sequential: the id is shown to visitors as the reference of a server error.
    genReqId: () => randomId(9),
    // Malformed URLs (bad percent-encoding) are answered by our own error page, not Fastify's.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: 'VT_BAD_URL', cause: error.code }, 'request refused');
      applySecurityHeaders(reply);
      respond(request, reply, 'VT_BAD_URL');
    },
  });

  app.addHook('onListen', async () => {
    setImmediate(validation.warmUp).unref();
  });

  // Closing: a request in flight on a keep-alive connection (a gateway's webhook) is answered, then
  // its connection closed. Without this the connection, idle only after close began, would hold
  // the shutdown for the whole keep-alive timeout (72 s): Node closes idle connections only once.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // One log line per request, by route pattern: the raw URL can carry personal data.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: routeOf(request),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  validatePathParams(app, maxParamLength);
  // Every route, for the permanent checks (authorization, CSRF, hostile input): see docs/testing.md.
  recordRoutes(app);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: bodyLimitBytes });
  securityHeadersOnEveryReply(app, applySecurityHeaders);
  rateLimits(app, {
    store: context.rateLimitStore,
    secrets: context.secrets,
    rules: defaultRateLimitRules(config.rateLimit),
  });
  csrfProtection(app, { secrets: context.secrets, secure });
  cookieGuard(app, {
    registry: context.privacy.cookies,
    onViolation: config.env === 'production' ? 'drop' : 'throw',
    // Consent arrives with the consent module; until then only essential cookies exist.
    hasConsent: () => false,
  });
  compression(app);
  errorHandling(app, respond);
  htmlRendering(app);
  pageIndexing(app, config.publicUrl);
  assetRoutes(app);

  // The context given here is the platform the routes see: a test may hand in a variant of it
  // (another configuration) without assembling the modules again.
  for (const module of context.modules) await module.routes?.(app, { ...context.runtimeOf(module), platform: context });
  return app;
}
