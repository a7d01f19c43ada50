import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { CardField, FieldProblem } from './card-check.js';
import type { SandboxSession } from './checkout-store.js';
import type { FailureReason } from './test-cards.js';
import { formatAmount, type PageWording } from './page-wording.js';
import { formatCardNumber, testCards } from './test-cards.js';

/**
 * The hosted pages, server-rendered and escaped by preact: they work without JavaScript (there is
 * none) and look like a payment page a buyer can trust: the merchant's line, the amount, the
 * fields with their errors, and a banner that says plainly this is a test gateway.
 */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

function Layout(props: { t: PageWording; title: string; children: ComponentChildren }) {
  return (
    <html lang={props.t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${props.t.gateway}`}</title>
        <link rel="stylesheet" href="/assets/page.css" />
      </head>
      <body>
        <main class="card">
          <p class="gateway">
            <span aria-hidden="true">🔒</span> {props.t.gateway}
          </p>
          {props.children}
        </main>
      </body>
    </html>
  );
}

function TestModeBanner({ t }: { t: PageWording }) {
  return (
    <aside class="test-mode" aria-labelledby="test-mode-title">
      <p>
        <strong id="test-mode-title">{t.testMode}</strong> — {t.testModeText}
      </p>
      <table>
        <tbody>
          {testCards.map((card) => (
            <tr key={card.number}>
              <td>
                <code>{formatCardNumber(card.number)}</code>
              </td>
              <td>{card.says[t.lang as 'en' | 'fr']}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}

function Summary({ t, session }: { t: PageWording; session: SandboxSession }) {
  return (
    <header class="summary">
      <p class="merchant">{session.description}</p>
      <p class="amount">{formatAmount(session.amount, session.currency, t.lang as 'en' | 'fr')}</p>
    </header>
  );
}

export interface PaymentFormState {
  values: { expiry: string; name: string };
  problems: Partial<Record<CardField, FieldProblem>>;
  declined?: { reason: FailureReason; testCard: boolean };
}

export function PaymentPage(props: { t: PageWording; session: SandboxSession; csrf: string; form?: PaymentFormState }) {
  const { t, session, csrf } = props;
  const problems = props.form?.problems ?? {};
  const amount = formatAmount(session.amount, session.currency, t.lang as 'en' | 'fr');
  // A decline just now, or one from an earlier attempt (after a failed 3-D Secure challenge).
  const declined =
    props.form?.declined ?? (session.failureReason ? { reason: session.failureReason, testCard: true } : undefined);
  const field = (name: CardField, label: string, input: Record<string, string>, hint?: string) => {
    const problem = problems[name];
    const described = [hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div class={problem ? 'field invalid' : 'field'}>
        <label for={name}>{label}</label>
        {hint && (
          <p class="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        <input
          id={name}
          name={name}
          {...input}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described || undefined}
        />
        {problem && (
          <p class="field-error" id={`${name}-error`}>
            {t.problems[problem]}
          </p>
        )}
      </div>
    );
  };
  return (
    <Layout t={t} title={t.payTitle}>
      <Summary t={t} session={session} />
      <TestModeBanner t={t} />
      {Object.keys(problems).length > 0 && (
        <p class="alert" role="alert">
          {t.fixErrors}
        </p>
      )}
      {declined && Object.keys(problems).length === 0 && (
        <div class="alert" role="alert">
          <p>
            <strong>{props.form?.declined ? t.declined : t.previousDeclined}</strong>: {t.failures[declined.reason]}
          </p>
          {!declined.testCard && <p>{t.notTestCard}</p>}
          <p>{t.tryAnother}</p>
        </div>
      )}
      <form method="post" action={`/pay/${session.id}`} novalidate>
        <input type="hidden" name="csrf" value={csrf} />
        {field('number', t.cardNumber, {
          inputmode: 'numeric',
          autocomplete: 'cc-number',
          placeholder: '1234 1234 1234 1234',
          maxlength: '23',
        })}
        <div class="row">
          {field('expiry', t.expiry, {
            autocomplete: 'cc-exp',
            placeholder: t.lang === 'fr' ? 'MM/AA' : 'MM/YY',
            maxlength: '7',
            value: props.form?.values.expiry ?? '',
          })}
          {field('cvc', t.cvc, { inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: '4' }, t.cvcHint)}
        </div>
        {field('name', t.name, { autocomplete: 'cc-name', maxlength: '100', value: props.form?.values.name ?? '' })}
        <button type="submit">{t.submit(amount)}</button>
      </form>
      <p class="secured">{t.secured}</p>
      <p>
        <a href={session.cancelUrl}>← {t.backToShop}</a>
      </p>
    </Layout>
  );
}

export function AuthenticationPage(props: { t: PageWording; session: SandboxSession; csrf: string }) {
  const { t, session, csrf } = props;
  const amount = formatAmount(session.amount, session.currency, t.lang as 'en' | 'fr');
  const last4 = session.authentication?.card.last4 ?? '';
  return (
    <Layout t={t} title={t.authTitle}>
      <Summary t={t} session={session} />
      <h1>{t.authTitle}</h1>
      <p>{t.authText(amount)}</p>
      <p>
        <code>•••• {last4}</code>
      </p>
      <div class="choices">
        <form method="post" action={`/pay/${session.id}/authenticate`}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="outcome" value="complete" />
          <button type="submit">{t.authComplete}</button>
        </form>
        <form method="post" action={`/pay/${session.id}/authenticate`}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="outcome" value="fail" />
          <button type="submit" class="secondary">
            {t.authFail}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** A page that only says something: paid, expired, unknown, a stale form. */
export function MessagePage(props: {
  t: PageWording;
  title: string;
  text: string;
  link?: { href: string; label: string };
  session?: SandboxSession;
}) {
  return (
    <Layout t={props.t} title={props.title}>
      {props.session && <Summary t={props.t} session={props.session} />}
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.link && (
        <p>
          <a class="button" href={props.link.href}>
            {props.link.label}
          </a>
        </p>
      )}
    </Layout>
  );
}
