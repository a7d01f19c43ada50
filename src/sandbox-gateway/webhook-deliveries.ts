import type { SandboxEvent } from './checkout-store.js';
import type { GatewayLog } from './gateway-log.js';
import { postWebhook } from './post-webhook.js';
import { seededRandom } from './seeded-random.js';
import { signatureHeader, signWebhook } from './webhook-signature.js';

/**
 * Real PSPs deliver webhooks at least once, not exactly once, and not in order: a delivery is
 * retried until the shop answers 2xx, some events arrive twice, and a later event can overtake an
 * earlier one. The chaos settings make the sandbox do all of that on purpose (seeded, so a test
 * sees the same run every time), so the shop's handling is proven against it.
 */
export interface ChaosSettings {
  /** The chance (0 to 1) that an event is delivered twice, the copy on its own schedule. */
  duplicateProbability: number;
  /** Each delivery first waits a random 0 to this many ms: events overtake each other. */
  maxExtraDelayMs: number;
  /** The random source's seed: the same seed, the same duplicates and delays. */
  seed: number;
}

export const noChaos: ChaosSettings = { duplicateProbability: 0, maxExtraDelayMs: 0, seed: 1 };

/** Retries: 1 s, 2 s, 4 s… doubling up to `maxDelayMs`, for up to `giveUpAfterMs` (3 days, as Stripe). */
export interface RetrySettings {
  firstDelayMs: number;
  maxDelayMs: number;
  giveUpAfterMs: number;
  /** How long one delivery waits for the shop's answer. */
  timeoutMs: number;
}

export const defaultRetry: RetrySettings = {
  firstDelayMs: 1000,
  maxDelayMs: 60 * 60 * 1000,
  giveUpAfterMs: 3 * 24 * 60 * 60 * 1000,
  timeoutMs: 10_000,
};

/** One delivery attempt, for tests and the log. */
export interface DeliveryRecord {
  eventId: string;
  type: string;
  /** The checkout session the event concerns. */
  session: string;
  /** The event's rank among all events (creation order). */
  sequence: number;
  copy: 'original' | 'duplicate';
  attempt: number;
  /** The shop's HTTP status, or 'error' when it did not answer. */
  status: number | 'error';
  /** Delivered after a later event of the same session. */
  outOfOrder: boolean;
  at: string;
}

export interface DeliveryStats {
  events: number;
  duplicates: number;
  attempts: number;
  delivered: number;
  failedAttempts: number;
  outOfOrder: number;
  gaveUp: number;
}

interface Pending {
  event: SandboxEvent;
  body: string;
  session: string;
  sequence: number;
  copy: DeliveryRecord['copy'];
  attempt: number;
  dueAt: number;
  firstDueAt: number;
}

export interface WebhookDeliveriesOptions {
  url: () => string | undefined;
  secret: string;
  now: () => Date;
  chaos: ChaosSettings;
  retry: RetrySettings;
  log: GatewayLog;
  /**
   * How many deliveries may be under way at once (default 1, for a run a seed replays exactly).
   * Never two of one checkout session's at once, as real PSPs deliver: across sessions in parallel.
   */
  concurrency?: number;
}

export class WebhookDeliveries {
  private readonly queue: Pending[] = [];
  private readonly random: () => number;
  private readonly latestDelivered = new Map<string, number>();
  private readonly idleWaiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The sessions with a delivery under way. */
  private readonly sending = new Set<string>();
  private paused = false;
  private closed = false;
  private sequence = 0;
  readonly records: DeliveryRecord[] = [];
  readonly stats: DeliveryStats = {
    events: 0,
    duplicates: 0,
    attempts: 0,
    delivered: 0,
    failedAttempts: 0,
    outOfOrder: 0,
    gaveUp: 0,
  };

  constructor(private readonly options: WebhookDeliveriesOptions) {
    this.random = seededRandom(options.chaos.seed);
  }

  /** Queues an event for the shop. Without a webhook URL, events are kept (see `events`) but not sent. */
  enqueue(event: SandboxEvent, session: string): void {
    if (this.closed || !this.options.url()) return;
    const sequence = ++this.sequence;
    const body = JSON.stringify(event);
    const { duplicateProbability } = this.options.chaos;
    const copies: DeliveryRecord['copy'][] = ['original'];
    if (duplicateProbability > 0 && this.random() < duplicateProbability) copies.push('duplicate');
    this.stats.events += 1;
    this.stats.duplicates += copies.length - 1;
    for (const copy of copies) {
      const dueAt = Date.now() + this.extraDelay();
      this.queue.push({ event, body, session, sequence, copy, attempt: 0, dueAt, firstDueAt: dueAt });
    }
    this.schedule();
  }

  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Resolves once nothing is queued or being sent (waits through a pause). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    this.queue.length = 0;
    this.notifyIdle();
  }

  private extraDelay(): number {
    const { maxExtraDelayMs } = this.options.chaos;
    return maxExtraDelayMs > 0 ? Math.floor(this.random() * (maxExtraDelayMs + 1)) : 0;
  }

  /**
   * The earliest due first (then in event order), up to `concurrency` at once and one per session:
   * with one at a time, a seeded run replays exactly.
   */
  private schedule(): void {
    this.clearTimer();
    if (this.paused || this.closed || this.sending.size >= (this.options.concurrency ?? 1)) return;
    const next = this.next();
    if (!next) {
      this.notifyIdle();
      return;
    }
    this.timer = setTimeout(() => void this.deliverNext(), Math.max(0, next.dueAt - Date.now()));
    this.timer.unref();
  }

  /** The next delivery that may start: the earliest due of a session with none under way. */
  private next(): Pending | undefined {
    this.queue.sort((a, b) => a.dueAt - b.dueAt || a.sequence - b.sequence || a.copy.localeCompare(b.copy));
    return this.queue.find((pending) => !this.sending.has(pending.session));
  }

  private async deliverNext(): Promise<void> {
    this.timer = undefined;
    const pending = this.next();
    if (!pending || this.paused || this.closed || this.sending.size >= (this.options.concurrency ?? 1)) return;
    if (pending.dueAt > Date.now()) return this.schedule();
    this.queue.splice(this.queue.indexOf(pending), 1);
    this.sending.add(pending.session);
    // Another session's delivery may start while this one waits for the shop.
    this.schedule();
    try {
      await this.attempt(pending);
    } finally {
      this.sending.delete(pending.session);
      this.schedule();
    }
  }

  private async attempt(pending: Pending): Promise<void> {
    const url = this.options.url();
    if (!url) return;
    pending.attempt += 1;
    const at = this.options.now();
    let status: number | 'error';
    try {
      status = await postWebhook(
        url,
        {
          'content-type': 'application/json',
          'user-agent': 'VitrineSandboxGateway/1.0',
          [signatureHeader]: signWebhook(this.options.secret, pending.body, at),
        },
        pending.body,
        this.options.retry.timeoutMs,
      );
    } catch {
      status = 'error';
    }
    this.stats.attempts += 1;
    const delivered = typeof status === 'number' && status >= 200 && status < 300;
    const latest = this.latestDelivered.get(pending.session) ?? 0;
    const outOfOrder = delivered && pending.sequence < latest;
    this.records.push({
      eventId: pending.event.id,
      type: pending.event.type,
      session: pending.session,
      sequence: pending.sequence,
      copy: pending.copy,
      attempt: pending.attempt,
      status,
      outOfOrder,
      at: at.toISOString(),
    });
    const fields = {
      eventId: pending.event.id,
      type: pending.event.type,
      copy: pending.copy,
      attempt: pending.attempt,
    };
    if (delivered) {
      this.stats.delivered += 1;
      this.latestDelivered.set(pending.session, Math.max(latest, pending.sequence));
      if (outOfOrder) {
        this.stats.outOfOrder += 1;
        this.options.log({ level: 'info', msg: 'webhook delivered out of order', ...fields });
      }
      return;
    }
    this.stats.failedAttempts += 1;
    const { firstDelayMs, maxDelayMs, giveUpAfterMs } = this.options.retry;
    const delay = Math.min(firstDelayMs * 2 ** (pending.attempt - 1), maxDelayMs);
    if (Date.now() + delay - pending.firstDueAt > giveUpAfterMs) {
      this.stats.gaveUp += 1;
      this.options.log({ level: 'error', msg: 'webhook abandoned after retrying', ...fields, status });
      return;
    }
    this.options.log({ level: 'warn', msg: 'webhook refused, retrying', ...fields, status, retryInMs: delay });
    pending.dueAt = Date.now() + delay;
    this.queue.push(pending);
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.sending.size === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
