import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

const rendered = new WeakMap<object, Map<string, string>>();

/**
 * Renders markup that depends only on `owner` (a product as loaded from the catalog cache, the
 * shop identity) once, and returns the same HTML afterwards. Keyed by the owner object itself:
 * when the catalog cache reloads a product, the new object renders anew, and the old HTML is
 * garbage-collected with the old object. Never use it for markup that varies per request
 * (nonces, CSRF tokens, the visitor's session).
 */
export function renderOnce(owner: object, key: string, render: () => JSX.Element): string {
  let byKey = rendered.get(owner);
  if (!byKey) {
    byKey = new Map();
    rendered.set(owner, byKey);
  }
  let html = byKey.get(key);
  if (html === undefined) {
    html = renderToString(render());
    byKey.set(key, html);
  }
  return html;
}
