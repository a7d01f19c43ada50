import type { RouteUnderCheck } from './routes-under-check.js';
import { sampleUrl, stateChangingMethods } from './routes-under-check.js';

/** One hostile request for a route: where it goes, and what it replaces of a normal request. */
export interface HostileRequest {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** Cookies to set (or remove, undefined) on top of the principal's own. */
  cookies?: Record<string, string | undefined>;
  /** The whole Cookie header, instead of the principal's. */
  rawCookie?: string;
  body?: { type?: string; payload: string };
  /** Send the principal's valid CSRF token (header) so the input reaches validation and handler. */
  token: boolean;
}

/** A small seeded generator (mulberry32): the same inputs on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seedOf = (text: string) =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** Values for a URL (already percent-encoded, some deliberately badly); the first five go everywhere. */
const urlValues: [string, string][] = [
  ['NUL', '%00'],
  ['lone surrogate', '%ED%A0%80'],
  ['bad percent-encoding', '%E0%A4%A'],
  ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
  ['very long', 'x'.repeat(6000)],
  ['NUL inside', 'a%00b'],
  ['lone percent', '%'],
  ['raw dot segments', '../../etc/passwd'],
  ['CRLF', 'a%0D%0ASet-Cookie:%20x=1'],
  ['SQL', "'%20OR%20'1'='1"],
  ['markup', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['emoji and RTL', '%F0%9F%92%A9%E2%80%AE'],
  ['at the router limit', 'x'.repeat(200)],
  ['over the router limit', 'x'.repeat(201)],
];

const queryValues: [string, string][] = [
  ...urlValues.filter(([label]) => !label.includes('router') && label !== 'raw dot segments'),
  ['huge number', '99999999999999999999999999'],
  ['negative', '-1'],
  ['not a number', 'NaN'],
  ['outside link', '%2F%2Fevil.example%2F'],
  ['script link', 'javascript:alert(1)'],
];

const jsonStrings: [string, string][] = [
  ['NUL', '"\\u0000"'],
  ['lone surrogate', '"\\ud800"'],
  ['array', '["a","b"]'],
  ['object', '{"$gt":""}'],
  ['number', '12345678901234567890'],
  ['reversed surrogates', '"\\udc00\\ud800"'],
  ['boolean', 'true'],
  ['null', 'null'],
  ['long string', `"${'a'.repeat(50_000)}"`],
];

function fieldsOf(schema: unknown, fallback: string[]): string[] {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? [...new Set([...Object.keys(properties), ...fallback])] : fallback;
}

/**
 * The first `always` values, and `extra` of the others picked by the seeded generator: every
 * route gets the worst, and a share of the rest (all routes together get them all).
 */
function someOf<T>(values: T[], random: () => number, extra: number, always = 5): T[] {
  const rest = values.slice(always);
  const picked = new Set<number>();
  while (picked.size < Math.min(extra, rest.length)) picked.add(Math.floor(random() * rest.length));
  return [...values.slice(0, always), ...[...picked].sort((a, b) => a - b).map((i) => rest[i] as T)];
}

const junk = (random: () => number, length: number) =>
  Array.from({ length }, () => String.fromCharCode(0x21 + Math.floor(random() * 0x5d))).join('');

/**
 * Malformed, oversized and hostile inputs for one route: path parameters, query strings,
 * headers, cookies, and (for state-changing routes) form and JSON bodies. Deterministic.
 */
export function hostileRequests(
  route: RouteUnderCheck,
  samples: Record<string, string>,
  cookieNames: string[],
): HostileRequest[] {
  const random = seededRandom(seedOf(route.name));
  const url = sampleUrl(route.url, samples);
  const requests: HostileRequest[] = [];
  const add = (request: Omit<HostileRequest, 'token'> & { token?: boolean }) =>
    requests.push({ token: true, ...request });

  if (/:[A-Za-z0-9_]+|\*$/.test(route.url)) {
    for (const [label, value] of someOf(urlValues, random, 5))
      add({ label: `path: ${label}`, url: route.url.replace(/:[A-Za-z0-9_]+/g, value).replace(/\*$/, value) });
  }

  const queryFields = fieldsOf((route.schema as { querystring?: unknown } | undefined)?.querystring, ['q', 'next']);
  const query = (make: (field: string) => string) => `${url}?${queryFields.map(make).join('&')}`;
  for (const [label, value] of someOf(queryValues, random, 4))
    add({ label: `query: ${label}`, url: query((f) => `${f}=${value}`) });
  add({ label: 'query: repeated', url: query((f) => `${f}=a&${f}=b&${f}[]=c`) });
  add({ label: 'query: nested', url: query((f) => `${f}[x]=1&${f}[__proto__][y]=2`) });
  add({ label: 'query: odd names', url: `${url}?%00=%00&=&&==&__proto__[x]=1&constructor[prototype][x]=1` });
  add({ label: 'query: long', url: query((f) => `${f}=${junk(random, 4000)}`) });

  const headers: [string, Record<string, string>][] = [
    ['15 KB', { 'x-fuzz': 'a'.repeat(15_000) }],
    // Node's parser refuses more than 16 KiB of headers with a 431 before the app; inject does not.
    ['17 KB', { 'x-fuzz': 'a'.repeat(17_000) }],
    ['odd language', { 'accept-language': `zz-ZZ;q=abc,*;q=-1,,;${'x'.repeat(3000)}` }],
    ['JSON client', { accept: 'application/json' }],
    ['long user agent', { 'user-agent': `Mozilla/5.0 ${'A'.repeat(8000)}` }],
    ['forged forwarding', { 'x-forwarded-for': 'garbage, 999.1.1.1, ::ffff:zz', 'x-forwarded-proto': 'gopher' }],
  ];
  for (const [label, value] of someOf(headers, random, 2, 2)) add({ label: `header: ${label}`, url, headers: value });

  // Cookies replace the principal's own: the fuzz check sends them anonymously only.
  const garbage = (value: string) => Object.fromEntries(cookieNames.map((name) => [name, value]));
  const cookies: [string, Pick<HostileRequest, 'cookies' | 'rawCookie'>][] = [
    ['garbage', { cookies: garbage(junk(random, 40)) }],
    ['4 KB', { cookies: garbage('z'.repeat(4000)) }],
    ['bad percent-encoding', { cookies: garbage('%E0%A4%A') }],
    ['NUL', { cookies: garbage('%00') }],
    ['repeated', { rawCookie: cookieNames.map((name) => `${name}=a; ${name}=b`).join('; ') }],
    ['hundreds', { rawCookie: Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; ') }],
  ];
  for (const [label, value] of someOf(cookies, random, 2, 3)) add({ label: `cookies: ${label}`, url, ...value });

  if (!stateChangingMethods.has(route.method)) return requests;

  const fields = fieldsOf((route.schema as { body?: unknown } | undefined)?.body, ['_x']);
  const form = (make: (field: string) => string) => ({
    type: 'application/x-www-form-urlencoded',
    payload: fields.map(make).join('&'),
  });
  const json = (value: string) => ({
    type: 'application/json',
    payload: `{${fields.map((f) => `"${f}":${value}`).join(',')}}`,
  });
  for (const [label, value] of someOf(queryValues, random, 4))
    add({ label: `form: ${label}`, url, body: form((f) => `${f}=${value}`) });
  add({ label: 'form: repeated', url, body: form((f) => `${f}=a&${f}=b`) });
  add({
    label: 'form: prototype keys',
    url,
    body: form(() => '__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=x'),
  });
  add({
    label: 'form: near the body limit',
    url,
    body: form((f) => `${f}=${'a'.repeat(Math.floor(60_000 / fields.length))}`),
  });
  add({ label: 'form: over the body limit', url, body: form((f) => `${f}=${'a'.repeat(70_000)}`) });
  add({
    label: 'form: unicode and templates',
    url,
    body: form((f) => `${f}=${encodeURIComponent(`Z\u0337\u0322a\u0338lgo \u202E\uFEFF \u{1F4A9} $\{7*7} {{7*7}}`)}`),
  });
  add({ label: 'form: empty', url, body: { type: 'application/x-www-form-urlencoded', payload: '' } });
  add({ label: 'form: NUL, without a token', url, body: form((f) => `${f}=%00`), token: false });
  for (const [label, value] of someOf(jsonStrings, random, 2)) add({ label: `json: ${label}`, url, body: json(value) });
  add({
    label: 'json: 10k nested arrays',
    url,
    body: { type: 'application/json', payload: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
  });
  add({
    label: 'json: 5k nested objects',
    url,
    body: { type: 'application/json', payload: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` },
  });
  add({
    label: 'json: prototype keys',
    url,
    body: {
      type: 'application/json',
      payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
    },
  });
  const odd: [string, { type?: string; payload: string }][] = [
    ...['{"a":', '{"a":"b"}garbage', '', '\u0000'].map((payload): [string, { type: string; payload: string }] => [
      `malformed JSON ${JSON.stringify(payload)}`,
      { type: 'application/json', payload },
    ]),
    ...['null', '[]', '"text"', '12', 'true'].map((payload): [string, { type: string; payload: string }] => [
      `top-level JSON ${payload}`,
      { type: 'application/json', payload },
    ]),
    ['text/plain', { type: 'text/plain', payload: 'x' }],
    ['multipart without boundary', { type: 'multipart/form-data', payload: '--x\r\n' }],
    ['form in UTF-16', { type: 'application/x-www-form-urlencoded; charset=utf-16', payload: 'a=b' }],
    ['JSON in Latin-1', { type: 'application/json; charset=latin1', payload: '{"a":"\u00e9"}' }],
    ['no content type', { payload: 'a=b' }],
  ];
  for (const [label, body] of someOf(odd, random, 5, 2)) add({ label: `body: ${label}`, url, body });
  return requests;
}
