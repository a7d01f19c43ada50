import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCard } from './card-check.js';
import type { CheckoutStore, PaymentOutcome, SandboxSession } from './checkout-store.js';
import {
  AuthenticationPage,
  MessagePage,
  PaymentPage,
  type PaymentFormState,
  renderPage,
} from './hosted-page-views.js';
import type { PageCsrf } from './page-csrf.js';
import { type PageLocale, type PageWording, pageWording } from './page-wording.js';
import { pageStyle } from './page-style.js';
import { behaviourOf } from './test-cards.js';

/**
 * The buyer's side: the card page, the 3-D Secure challenge, and what a closed session shows.
 * Plain HTML forms (no JavaScript), each POST checked against the page's CSRF token. The card
 * number and security code are read, checked and dropped: only brand, last 4 and expiry are kept.
 */
export function hostedPageRoutes(app: FastifyInstance, store: CheckoutStore, csrf: PageCsrf, now: () => Date) {
  app.get('/assets/page.css', (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(pageStyle),
  );

  app.get<{ Params: { id: string } }>('/pay/:id', (request, reply) => {
    const session = store.find(request.params.id);
    if (!session) return notFound(request, reply);
    if (session.state !== 'pending') return closed(reply, session);
    return html(
      reply,
      session,
      200,
      <PaymentPage t={wordingOf(session)} session={session} csrf={csrf.token(request, reply, session.id)} />,
    );
  });

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/pay/:id', (request, reply) => {
    const session = store.find(request.params.id);
    if (!session) return notFound(request, reply);
    const body = request.body ?? {};
    if (!csrf.verify(request, session.id, body.csrf)) return formExpired(reply, session);
    if (session.state !== 'pending') return closed(reply, session);
    const input = {
      number: text(body.number, 40),
      expiry: text(body.expiry, 20),
      cvc: text(body.cvc, 10),
      name: text(body.name, 200),
    };
    const values = { expiry: input.expiry, name: input.name };
    const checked = checkCard(input, now());
    const t = wordingOf(session);
    const form = (state: Omit<PaymentFormState, 'values'>) => (
      <PaymentPage t={t} session={session} csrf={csrf.token(request, reply, session.id)} form={{ values, ...state }} />
    );
    if (!checked.ok) return html(reply, session, 422, form({ problems: checked.problems }));
    const { behaviour, testCard } = behaviourOf(checked.card.number);
    const outcome = store.pay(session.id, checked.card, behaviour);
    if (outcome.kind === 'declined') {
      return html(reply, session, 402, form({ problems: {}, declined: { reason: outcome.reason, testCard } }));
    }
    return follow(reply, outcome);
  });

  app.get<{ Params: { id: string } }>('/pay/:id/authenticate', (request, reply) => {
    const session = store.find(request.params.id);
    if (!session) return notFound(request, reply);
    if (session.state !== 'pending' || !session.authentication) return reply.redirect(`/pay/${session.id}`, 303);
    return html(
      reply,
      session,
      200,
      <AuthenticationPage t={wordingOf(session)} session={session} csrf={csrf.token(request, reply, session.id)} />,
    );
  });

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/pay/:id/authenticate', (request, reply) => {
    const session = store.find(request.params.id);
    if (!session) return notFound(request, reply);
    const body = request.body ?? {};
    if (!csrf.verify(request, session.id, body.csrf)) return formExpired(reply, session);
    if (body.outcome !== 'complete' && body.outcome !== 'fail')
      return reply.redirect(`/pay/${session.id}/authenticate`, 303);
    return follow(reply, store.authenticate(session.id, body.outcome === 'complete'));
  });
}

/** After a payment step: to the shop when paid, else back to the card page (which shows why). */
function follow(reply: FastifyReply, outcome: PaymentOutcome) {
  const { session } = outcome;
  if (outcome.kind === 'succeeded') return reply.redirect(successUrl(session), 303);
  if (outcome.kind === 'authenticate') return reply.redirect(`/pay/${session.id}/authenticate`, 303);
  if (outcome.kind === 'closed') return closed(reply, session);
  return reply.redirect(`/pay/${session.id}`, 303);
}

/** Stripe's placeholder works here too: the shop learns which session the buyer comes back from. */
function successUrl(session: SandboxSession): string {
  return session.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

function closed(reply: FastifyReply, session: SandboxSession) {
  const t = wordingOf(session);
  if (session.state === 'succeeded') {
    const link = { href: successUrl(session), label: t.continue };
    return html(
      reply,
      session,
      200,
      <MessagePage t={t} session={session} title={t.paidTitle} text={t.paidText} link={link} />,
    );
  }
  const [title, text] = session.state === 'failed' ? [t.failedTitle, t.failedText] : [t.expiredTitle, t.expiredText];
  const link = { href: session.cancelUrl, label: t.continue };
  return html(reply, session, 410, <MessagePage t={t} session={session} title={title} text={text} link={link} />);
}

function formExpired(reply: FastifyReply, session: SandboxSession) {
  const t = wordingOf(session);
  const link = { href: `/pay/${session.id}`, label: t.reload };
  return html(
    reply,
    session,
    403,
    <MessagePage t={t} title={t.formExpiredTitle} text={t.formExpiredText} link={link} />,
  );
}

/** No session to take the language from: the browser's preference, English otherwise. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  const t = pageWording[preferredLocale(request)];
  return html(reply, undefined, 404, <MessagePage t={t} title={t.notFoundTitle} text={t.notFoundText} />);
}

export function preferredLocale(request: FastifyRequest): PageLocale {
  return /^\s*fr\b/i.test(request.headers['accept-language'] ?? '') ? 'fr' : 'en';
}

function wordingOf(session: SandboxSession): PageWording {
  return pageWording[session.locale];
}

/**
 * A page with the headers a payment page needs: nothing cached, nothing framed, no script at all,
 * and forms that may only post here (a form's redirect to the shop counts as its action in
 * browsers that enforce form-action on redirects, so the shop's origins are allowed too).
 */
export function html(
  reply: FastifyReply,
  session: SandboxSession | undefined,
  status: number,
  page: Parameters<typeof renderPage>[0],
) {
  const targets = session ? [origin(session.successUrl), origin(session.cancelUrl)] : [];
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ${[...new Set(targets)].join(' ')}; frame-ancestors 'none'; base-uri 'none'`.replace(
        ' ;',
        ';',
      ),
    )
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(renderPage(page));
}

function origin(url: string): string {
  return new URL(url).origin;
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
