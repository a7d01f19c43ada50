import type { LightMyRequestResponse } from 'fastify';
import { locales } from '../../src/platform/http/i18n.js';
import { paths } from '../../src/web/paths.js';

/** The error code an answer carries: `{ error: { code } }` in JSON, `<code>VT_…</code>` on a page. */
export function errorCodeOf(response: LightMyRequestResponse): string | undefined {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('json')) {
    try {
      return (JSON.parse(response.body) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  }
  return /<code>(VT_[A-Z_]+)<\/code>/.exec(response.body)?.[1];
}

const memberSignIn = new Set(locales.map((locale) => paths.signIn(locale)));

/** Where a redirect goes, as `{ path, next }`, or undefined for any other answer. */
export function redirectOf(response: LightMyRequestResponse): { path: string; next: string | null } | undefined {
  const location = response.headers.location;
  if (response.statusCode < 300 || response.statusCode >= 400 || typeof location !== 'string') return undefined;
  const url = new URL(location, 'http://shop.test');
  return { path: url.pathname, next: url.searchParams.get('next') };
}

/** A redirect to the members' sign-in page that brings the visitor back (requireMember). */
export const toMemberSignIn = (response: LightMyRequestResponse) => {
  const redirect = redirectOf(response);
  return (
    response.statusCode === 303 && redirect !== undefined && memberSignIn.has(redirect.path) && redirect.next !== null
  );
};

/** A redirect to the staff sign-in page; `withNext`: one that brings the visitor back (requireStaff). */
export const toStaffSignIn = (response: LightMyRequestResponse, withNext: boolean) => {
  const redirect = redirectOf(response);
  return response.statusCode === 303 && redirect?.path === '/admin/sign-in' && (redirect.next !== null) === withNext;
};

/** `303 → /admin/sign-in?next=%2Fadmin` or `401 VT_UNAUTHORIZED`: how failures show an answer. */
export function summary(response: LightMyRequestResponse): string {
  const location = response.headers.location;
  if (typeof location === 'string') return `${response.statusCode} → ${location}`;
  const code = errorCodeOf(response);
  return code ? `${response.statusCode} ${code}` : String(response.statusCode);
}

/** A stack trace or a source path in an answer: what a visitor must never see. */
export const showsStackTrace = (body: string) => /\n\s+at \S|node_modules|\/src\/\S+\.tsx?\b|\.tsx?:\d+:\d+/.test(body);
