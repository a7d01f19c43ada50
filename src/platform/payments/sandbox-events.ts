import {
  type CardSummary,
  type GatewayEvent,
  type PaymentFailure,
  type PaymentState,
  type PaymentStatus,
  PaymentWebhookError,
} from './payment-gateway.js';

/**
 * What the sandbox gateway sends, read into the port's types. Its resources look like a PSP's:
 * a checkout session (`cs_test_…`), a refund (`re_test_…`) and a dispute (`dp_test_…`), each
 * naming its checkout session; events wrap one of them: `{ id, type, created, data: { object } }`.
 */
const failures: readonly PaymentFailure[] = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'authentication_failed',
  'processing_error',
];
const states: readonly PaymentState[] = ['pending', 'succeeded', 'failed', 'expired'];

type Json = Record<string, unknown>;

export class MalformedAnswer extends Error {}

/** A checkout session as the sandbox's API answers it. */
export function statusFromSession(session: Json): PaymentStatus {
  const state = session.state as PaymentState;
  if (!states.includes(state)) throw new MalformedAnswer(`unknown state ${String(state)}`);
  const failure = session.failure_reason;
  return {
    reference: str(session, 'id'),
    orderId: str(object(session.metadata), 'orderId'),
    state,
    amountCents: int(session, 'amount'),
    currency: str(session, 'currency').toUpperCase(),
    ...(session.card ? { card: cardOf(object(session.card)) } : {}),
    ...(typeof failure === 'string' ? { failure: failureOf(failure) } : {}),
  };
}

/** A signed event's body, read into a GatewayEvent; anything malformed is a 'payload' refusal. */
export function eventFromBody(rawBody: Buffer): GatewayEvent {
  try {
    const event = object(JSON.parse(rawBody.toString('utf8')));
    const data = object(object(event.data).object);
    const type = str(event, 'type');
    const base = {
      id: str(event, 'id'),
      occurredAt: new Date(int(event, 'created') * 1000).toISOString(),
      orderId: orderIdOf(data.metadata),
    };
    switch (type) {
      case 'payment.succeeded':
        return {
          ...base,
          type,
          reference: str(data, 'id'),
          amountCents: int(data, 'amount'),
          currency: str(data, 'currency').toUpperCase(),
          ...(data.card ? { card: cardOf(object(data.card)) } : {}),
        };
      case 'payment.failed':
        return { ...base, type, reference: str(data, 'id'), failure: failureOf(str(data, 'failure_reason')) };
      case 'checkout.expired':
        return { ...base, type, reference: str(data, 'id') };
      case 'refund.succeeded':
      case 'refund.failed':
        return {
          ...base,
          type,
          reference: str(data, 'checkout_session'),
          refundId: str(data, 'id'),
          amountCents: int(data, 'amount'),
        };
      case 'dispute.opened':
      case 'dispute.won':
      case 'dispute.lost':
        return {
          ...base,
          type,
          reference: str(data, 'checkout_session'),
          disputeId: str(data, 'id'),
          amountCents: int(data, 'amount'),
          reason: str(data, 'reason'),
        };
      default:
        return { ...base, type: 'ignored', gatewayType: type, reference: typeof data.id === 'string' ? data.id : '' };
    }
  } catch {
    throw new PaymentWebhookError('payload');
  }
}

function orderIdOf(metadata: unknown): string | undefined {
  const orderId = typeof metadata === 'object' && metadata !== null ? (metadata as Json).orderId : undefined;
  return typeof orderId === 'string' ? orderId : undefined;
}

function cardOf(card: Json): CardSummary {
  return {
    brand: str(card, 'brand'),
    last4: str(card, 'last4'),
    expMonth: int(card, 'exp_month'),
    expYear: int(card, 'exp_year'),
  };
}

function failureOf(reason: string): PaymentFailure {
  return failures.includes(reason as PaymentFailure) ? (reason as PaymentFailure) : 'processing_error';
}

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedAnswer('not an object');
  return value as Json;
}

function str(value: Json, key: string): string {
  const found = value[key];
  if (typeof found !== 'string' || found === '') throw new MalformedAnswer(`${key} is not a string`);
  return found;
}

function int(value: Json, key: string): number {
  const found = value[key];
  if (!Number.isSafeInteger(found)) throw new MalformedAnswer(`${key} is not an integer`);
  return found as number;
}
