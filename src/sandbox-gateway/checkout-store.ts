import { randomBytes } from 'node:crypto';
import type { CheckedCard } from './card-check.js';
import type { CardBehaviour, FailureReason } from './test-cards.js';

/**
 * The sandbox's whole state, in memory: checkout sessions, refunds, disputes, the events they
 * raised, and the idempotency keys seen. A restarted gateway starts empty (the shop's
 * reconciliation then finds its open sessions unknown and opens new ones). The rules are a real
 * PSP's: a session can be paid once, until it expires; a declined card leaves it payable, with
 * the reason kept (after five declines it fails for good, as PSPs stop card testing, and only
 * then is payment.failed sent); refunds never exceed what was paid.
 */
export type SessionState = 'pending' | 'succeeded' | 'failed' | 'expired';

export interface CardSummary {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export interface NewSession {
  amount: number;
  currency: string;
  description: string;
  customerEmail: string;
  locale: 'fr' | 'en';
  successUrl: string;
  cancelUrl: string;
  /** Unix seconds. */
  expiresAt: number;
  metadata: Record<string, string>;
}

export interface SandboxSession extends NewSession {
  id: string;
  created: number;
  state: SessionState;
  card: CardSummary | null;
  failureReason: FailureReason | null;
  failedAttempts: number;
  paidAt: number | null;
  /** What the paying card does later (a dispute, failing refunds). */
  after: 'dispute' | 'refunds-fail' | undefined;
  /** A card waiting for its 3-D Secure answer. */
  authentication: { card: CardSummary } | null;
}

export interface SandboxRefund {
  id: string;
  object: 'refund';
  checkout_session: string;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  created: number;
  metadata: Record<string, string>;
}

export interface SandboxDispute {
  id: string;
  object: 'dispute';
  checkout_session: string;
  amount: number;
  currency: string;
  reason: string;
  status: 'needs_response' | 'won' | 'lost';
  created: number;
  metadata: Record<string, string>;
}

export type EventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'checkout.expired'
  | 'refund.succeeded'
  | 'refund.failed'
  | 'dispute.opened'
  | 'dispute.won'
  | 'dispute.lost';

/** One event, as POSTed to the shop: `{ id, object: 'event', type, created, data: { object } }`. */
export interface SandboxEvent {
  id: string;
  object: 'event';
  type: EventType;
  created: number;
  data: { object: Record<string, unknown> };
}

/** A refusal of the API, shaped like a PSP's error (HTTP status, stable code, the parameter at fault). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** An Idempotency-Key and the request it came with: the same key with another request is refused. */
export interface Idempotency {
  key: string;
  request: unknown;
}

/** What paying (or authenticating) did: the hosted page shows or redirects accordingly. */
export type PaymentOutcome =
  | { kind: 'succeeded'; session: SandboxSession }
  | { kind: 'declined'; session: SandboxSession; reason: FailureReason }
  | { kind: 'authenticate'; session: SandboxSession }
  | { kind: 'closed'; session: SandboxSession };

export const maxFailedAttempts = 5;

export interface CheckoutStoreOptions {
  now: () => Date;
  /** The hosted page of a session. */
  pageUrl: (id: string) => string;
  /** Told of every event, in the order they happen. */
  onEvent: (event: SandboxEvent, session: SandboxSession) => void;
  /** How long after a payment a disputing card is disputed, and a failing refund fails. */
  asyncDelayMs: number;
}

export class CheckoutStore {
  private readonly sessions = new Map<string, SandboxSession>();
  private readonly refunds = new Map<string, SandboxRefund>();
  private readonly disputes = new Map<string, SandboxDispute>();
  private readonly idempotency = new Map<string, { fingerprint: string; id: string }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly events: SandboxEvent[] = [];

  constructor(private readonly options: CheckoutStoreOptions) {}

  /** `idempotency.request` is what the caller sent, as sent: a retry must send the same. */
  create(input: NewSession, idempotency?: Idempotency): SandboxSession {
    const remembered = this.remembered('create', idempotency);
    if (remembered) return this.get(remembered);
    if (input.expiresAt <= this.seconds()) {
      throw new SandboxError(400, 'parameter_invalid', 'expires_at must be in the future', 'expires_at');
    }
    const session: SandboxSession = {
      ...input,
      id: newId('cs_test'),
      created: this.seconds(),
      state: 'pending',
      card: null,
      failureReason: null,
      failedAttempts: 0,
      paidAt: null,
      after: undefined,
      authentication: null,
    };
    this.sessions.set(session.id, session);
    this.remember('create', idempotency, session.id);
    return session;
  }

  /** A session, expired first if its time has passed (so a page or an API read never sees it payable late). */
  get(id: string): SandboxSession {
    const session = this.sessions.get(id);
    if (!session) throw new SandboxError(404, 'resource_missing', `No such checkout session: ${id}`, 'id');
    this.expireIfDue(session);
    return session;
  }

  find(id: string): SandboxSession | undefined {
    return this.sessions.has(id) ? this.get(id) : undefined;
  }

  /** Closes an open session; an expired or failed one stays as it is; a paid one cannot be closed. */
  expire(id: string): SandboxSession {
    const session = this.get(id);
    if (session.state === 'succeeded') {
      throw new SandboxError(409, 'session_already_paid', 'This checkout session is paid: it can no longer be expired');
    }
    if (session.state === 'pending') this.close(session, 'expired');
    return session;
  }

  expireDue(): void {
    for (const session of this.sessions.values()) this.expireIfDue(session);
  }

  /** A card typed on the hosted page, already checked field by field. */
  pay(id: string, card: CheckedCard, behaviour: CardBehaviour): PaymentOutcome {
    const session = this.get(id);
    if (session.state !== 'pending') return { kind: 'closed', session };
    const summary = { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear };
    if (behaviour.kind === 'authenticate') {
      session.authentication = { card: summary };
      return { kind: 'authenticate', session };
    }
    session.authentication = null;
    if (behaviour.kind === 'decline') return this.decline(session, behaviour.reason);
    return this.succeed(session, summary, behaviour.after);
  }

  /** The buyer's answer to the 3-D Secure challenge. */
  authenticate(id: string, passed: boolean): PaymentOutcome {
    const session = this.get(id);
    const pending = session.authentication;
    if (session.state !== 'pending' || !pending) return { kind: 'closed', session };
    session.authentication = null;
    return passed ? this.succeed(session, pending.card, undefined) : this.decline(session, 'authentication_failed');
  }

  refund(sessionId: string, amount: number | undefined, idempotency?: Idempotency): SandboxRefund {
    const remembered = this.remembered('refund', idempotency);
    if (remembered) return this.refunds.get(remembered)!;
    const session = this.get(sessionId);
    if (session.state !== 'succeeded') {
      throw new SandboxError(400, 'not_paid', 'This checkout session took no payment: there is nothing to refund');
    }
    const disputed = [...this.disputes.values()].some((d) => d.checkout_session === session.id && d.status !== 'won');
    if (disputed) throw new SandboxError(400, 'charge_disputed', 'This payment is disputed: the dispute settles it');
    const left = session.amount - this.refunded(session.id);
    // No amount: whatever is left.
    amount ??= left;
    if (!Number.isInteger(amount) || amount < 1) {
      throw new SandboxError(400, 'parameter_invalid', 'amount must be a whole number of cents, at least 1', 'amount');
    }
    if (amount > left) {
      throw new SandboxError(
        400,
        'amount_too_large',
        `Refund amount (${amount}) is greater than the unrefunded amount of the payment (${left})`,
        'amount',
      );
    }
    const refund: SandboxRefund = {
      id: newId('re_test'),
      object: 'refund',
      checkout_session: session.id,
      amount,
      currency: session.currency,
      status: session.after === 'refunds-fail' ? 'pending' : 'succeeded',
      created: this.seconds(),
      metadata: session.metadata,
    };
    this.refunds.set(refund.id, refund);
    this.remember('refund', idempotency, refund.id);
    if (refund.status === 'succeeded') this.emit('refund.succeeded', refund, session);
    else {
      this.later(() => {
        refund.status = 'failed';
        this.emit('refund.failed', refund, session);
      });
    }
    return refund;
  }

  refundById(id: string): SandboxRefund {
    const refund = this.refunds.get(id);
    if (!refund) throw new SandboxError(404, 'resource_missing', `No such refund: ${id}`, 'id');
    return refund;
  }

  /** The buyer's bank disputes the payment (a test card does it by itself; tests and staff ask through the API). */
  openDispute(sessionId: string, reason = 'fraudulent'): SandboxDispute {
    const session = this.get(sessionId);
    if (session.state !== 'succeeded') throw new SandboxError(400, 'not_paid', 'Only a paid checkout can be disputed');
    if ([...this.disputes.values()].some((d) => d.checkout_session === session.id)) {
      throw new SandboxError(400, 'already_disputed', 'This payment is already disputed');
    }
    const dispute: SandboxDispute = {
      id: newId('dp_test'),
      object: 'dispute',
      checkout_session: session.id,
      amount: session.amount - this.refunded(session.id),
      currency: session.currency,
      reason,
      status: 'needs_response',
      created: this.seconds(),
      metadata: session.metadata,
    };
    this.disputes.set(dispute.id, dispute);
    this.emit('dispute.opened', dispute, session);
    return dispute;
  }

  closeDispute(disputeId: string, outcome: 'won' | 'lost'): SandboxDispute {
    const dispute = this.disputes.get(disputeId);
    if (!dispute) throw new SandboxError(404, 'resource_missing', `No such dispute: ${disputeId}`, 'id');
    if (dispute.status !== 'needs_response') {
      throw new SandboxError(400, 'dispute_closed', `This dispute is already ${dispute.status}`);
    }
    dispute.status = outcome;
    this.emit(outcome === 'won' ? 'dispute.won' : 'dispute.lost', dispute, this.get(dispute.checkout_session));
    return dispute;
  }

  disputesOf(sessionId: string): SandboxDispute[] {
    return [...this.disputes.values()].filter((dispute) => dispute.checkout_session === sessionId);
  }

  /** What the API answers for a session. */
  resource(session: SandboxSession): Record<string, unknown> {
    return {
      id: session.id,
      object: 'checkout.session',
      url: this.options.pageUrl(session.id),
      state: session.state,
      amount: session.amount,
      currency: session.currency,
      description: session.description,
      customer_email: session.customerEmail,
      locale: session.locale,
      success_url: session.successUrl,
      cancel_url: session.cancelUrl,
      created: session.created,
      expires_at: session.expiresAt,
      metadata: session.metadata,
      card: session.card,
      failure_reason: session.failureReason,
      failed_attempts: session.failedAttempts,
      paid_at: session.paidAt,
      amount_refunded: this.refunded(session.id),
    };
  }

  close(session: SandboxSession, state: 'expired' | 'failed'): void {
    session.state = state;
    session.authentication = null;
    if (state === 'expired') this.emit('checkout.expired', this.eventCopy(session), session);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private succeed(session: SandboxSession, card: CardSummary, after: SandboxSession['after']): PaymentOutcome {
    session.state = 'succeeded';
    session.card = card;
    session.failureReason = null;
    session.paidAt = this.seconds();
    session.after = after;
    this.emit('payment.succeeded', this.eventCopy(session), session);
    if (after === 'dispute') {
      this.later(() => {
        // Unless it was disputed by hand meanwhile, or refunded in full (nothing left to take back).
        const left = session.amount - this.refunded(session.id);
        if (this.disputesOf(session.id).length === 0 && left > 0) this.openDispute(session.id, 'fraudulent');
      });
    }
    return { kind: 'succeeded', session };
  }

  private decline(session: SandboxSession, reason: FailureReason): PaymentOutcome {
    session.failureReason = reason;
    session.failedAttempts += 1;
    // A decline leaves the session payable (the buyer tries another card): as on Stripe's hosted
    // page, nothing is announced. Only the session's own failure, final, is an event.
    if (session.failedAttempts < maxFailedAttempts) return { kind: 'declined', session, reason };
    session.state = 'failed';
    this.emit('payment.failed', this.eventCopy(session), session);
    return { kind: 'closed', session };
  }

  private expireIfDue(session: SandboxSession): void {
    if (session.state === 'pending' && session.expiresAt <= this.seconds()) this.close(session, 'expired');
  }

  private refunded(sessionId: string): number {
    let total = 0;
    for (const refund of this.refunds.values()) {
      if (refund.checkout_session === sessionId && refund.status !== 'failed') total += refund.amount;
    }
    return total;
  }

  /** A session as events carry it: without the buyer's address, which the shop already has. */
  private eventCopy(session: SandboxSession): Record<string, unknown> {
    const { customer_email: _left, ...copy } = this.resource(session);
    return copy;
  }

  private emit(type: EventType, object: object, session: SandboxSession): void {
    const event: SandboxEvent = {
      id: newId('evt_test'),
      object: 'event',
      type,
      created: this.seconds(),
      data: { object: { ...object } as Record<string, unknown> },
    };
    this.events.push(event);
    this.options.onEvent(event, session);
  }

  private later(action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, this.options.asyncDelayMs);
    this.timers.add(timer);
  }

  private remembered(scope: string, idempotency: Idempotency | undefined): string | undefined {
    if (idempotency === undefined) return undefined;
    const seen = this.idempotency.get(`${scope}:${idempotency.key}`);
    if (!seen) return undefined;
    if (seen.fingerprint !== JSON.stringify(idempotency.request)) {
      throw new SandboxError(
        400,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with other parameters',
        'Idempotency-Key',
      );
    }
    return seen.id;
  }

  private remember(scope: string, idempotency: Idempotency | undefined, id: string): void {
    if (idempotency === undefined) return;
    this.idempotency.set(`${scope}:${idempotency.key}`, { fingerprint: JSON.stringify(idempotency.request), id });
  }

  private seconds(): number {
    return Math.floor(this.options.now().getTime() / 1000);
  }
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString('base64url')}`;
}
