import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { apiRoutes, sendError } from './api-routes.js';
import { CheckoutStore, type SandboxDispute, SandboxError, type SandboxEvent } from './checkout-store.js';
import { type GatewayLog, silentLog } from './gateway-log.js';
import { html, hostedPageRoutes, notFound, preferredLocale } from './hosted-page-routes.js';
import { MessagePage } from './hosted-page-views.js';
import { PageCsrf } from './page-csrf.js';
import { pageWording } from './page-wording.js';
import {
  type ChaosSettings,
  type DeliveryRecord,
  type DeliveryStats,
  defaultRetry,
  noChaos,
  type RetrySettings,
  WebhookDeliveries,
} from './webhook-deliveries.js';

export interface SandboxGatewayOptions {
  /** 0 picks a free port (tests). Default 4242. */
  port?: number;
  host?: string;
  /** The secret key the shop sends as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** The secret every webhook is signed with. */
  webhookSecret: string;
  /** Where events are POSTed (the shop's `/webhooks/payments`). None: events are kept, not sent. */
  webhookUrl?: string;
  /** The address buyers' browsers use, when not http://host:port (behind a proxy). */
  publicUrl?: string;
  /** Duplicates and reordering of webhooks (default: none). */
  chaos?: Partial<ChaosSettings>;
  retry?: Partial<RetrySettings>;
  /** Deliveries under way at once, never two of one session (default 1: a seeded run replays exactly). */
  webhookConcurrency?: number;
  /** How long after a payment the disputing test card is disputed, and a failing refund fails. Default 2000 ms. */
  asyncDelayMs?: number;
  /** The gateway's clock: session expiry, event and signature times. */
  now?: () => Date;
  log?: GatewayLog;
}

/** A running sandbox gateway, with the controls tests and the demo use. */
export interface RunningSandboxGateway {
  url: string;
  close(): Promise<void>;
  setWebhookUrl(url: string | undefined): void;
  /** Holds deliveries (they queue up) until `resumeDeliveries`. */
  pauseDeliveries(): void;
  resumeDeliveries(): void;
  /** Resolves when every queued delivery has been answered with 2xx (or abandoned). */
  waitForDeliveries(): Promise<void>;
  /** Every delivery attempt so far, in the order made. */
  deliveries(): readonly DeliveryRecord[];
  deliveryStats(): DeliveryStats;
  /** Every event raised so far, in the order raised. */
  events(): readonly SandboxEvent[];
  openDispute(reference: string, reason?: string): SandboxDispute;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): SandboxDispute;
  /** Expires every session whose time has passed now, instead of at the next sweep (each second). */
  expireDueSessions(): void;
}

/**
 * Starts the sandbox PSP: its API, its hosted card page and its webhook deliveries, on its own
 * port (its own origin, as a real PSP's page is). All state is in memory and goes with the process.
 */
export async function startSandboxGateway(options: SandboxGatewayOptions): Promise<RunningSandboxGateway> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silentLog;
  const host = options.host ?? '127.0.0.1';
  let webhookUrl = options.webhookUrl;
  let publicUrl = options.publicUrl?.replace(/\/$/, '');

  const deliveries = new WebhookDeliveries({
    url: () => webhookUrl,
    secret: options.webhookSecret,
    now,
    chaos: { ...noChaos, ...options.chaos },
    retry: { ...defaultRetry, ...options.retry },
    log,
    concurrency: options.webhookConcurrency,
  });
  const store = new CheckoutStore({
    now,
    pageUrl: (id) => `${publicUrl}/pay/${id}`,
    onEvent: (event, session) => deliveries.enqueue(event, session.id),
    asyncDelayMs: options.asyncDelayMs ?? 2000,
  });

  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  await app.register(formbody);
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern only: never the URL, a header or a body (card data comes in bodies).
    log({
      level: 'debug',
      msg: 'request',
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500)
      log({ level: 'error', msg: 'request failed', route: request.routeOptions.url, code: error.code });
    if (request.url.startsWith('/v1/')) {
      return sendError(
        reply,
        new SandboxError(status, status === 500 ? 'api_error' : 'invalid_request', 'The request could not be handled'),
      );
    }
    const t = pageWording[preferredLocale(request)];
    return html(reply, undefined, status, <MessagePage t={t} title={t.badRequestTitle} text={t.notFoundText} />);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/v1/')) {
      return sendError(reply, new SandboxError(404, 'resource_missing', 'Unrecognized request URL'));
    }
    return notFound(request, reply);
  });
  app.get('/health', () => ({ status: 'ok' }));
  apiRoutes(app, store, options.apiKey, now);
  hostedPageRoutes(app, store, new PageCsrf(publicUrl?.startsWith('https:') ?? false), now);

  await app.listen({ host, port: options.port ?? 4242 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl ??= url;

  // Expiry is also checked whenever a session is read; the sweep raises checkout.expired for
  // sessions nobody looks at any more.
  const sweep = setInterval(() => store.expireDue(), 1000);
  sweep.unref();

  return {
    url,
    async close() {
      clearInterval(sweep);
      store.stop();
      deliveries.close();
      await app.close();
    },
    setWebhookUrl: (next) => {
      webhookUrl = next;
    },
    pauseDeliveries: () => deliveries.pause(),
    resumeDeliveries: () => deliveries.resume(),
    waitForDeliveries: () => deliveries.whenIdle(),
    deliveries: () => deliveries.records,
    deliveryStats: () => ({ ...deliveries.stats }),
    events: () => store.events,
    openDispute: (reference, reason) => store.openDispute(reference, reason),
    closeDispute: (disputeId, outcome) => store.closeDispute(disputeId, outcome),
    expireDueSessions: () => store.expireDue(),
  };
}
