import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { PaymentWebhookError } from '../../platform/payments/payment-gateway.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import type { CommerceServices } from './commerce-services.js';

/** Where the payment gateway posts its signed notifications. */
export const webhookPath = '/webhooks/payments';

/**
 * The gateway's webhook. The signature is checked over the raw bytes, so this route reads its
 * body unparsed (its own plugin, its own content-type parser). A bad signature is a 401 that
 * changes nothing; a good event is stored once by its id and acted on once (settlement-service.ts),
 * and answered 200 even when it was a duplicate, so the gateway stops sending it.
 */
export async function webhookRoutes(app: FastifyInstance, platform: PlatformContext, services: CommerceServices) {
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    hooks.post(webhookPath, { config: { access: 'public', csrf: false } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      let event: Awaited<ReturnType<typeof services.gateway.parseWebhook>>;
      try {
        event = await services.gateway.parseWebhook(raw, request.headers, platform.now());
      } catch (error) {
        if (!(error instanceof PaymentWebhookError)) throw error;
        request.log.warn({ reason: error.reason }, 'payment webhook refused');
        throw new AppError('VT_WEBHOOK_SIGNATURE');
      }
      const outcome = await services.settlement.handleEvent(event);
      request.log.info({ type: event.type, outcome }, 'payment webhook');
      return reply.code(200).send({ received: true, outcome });
    });
  });
}
