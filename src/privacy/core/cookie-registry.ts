import type { CookieDeclaration } from './declare.js';

/** Every cookie the site may set, from every module's declarations. */
export class CookieRegistry {
  private readonly byName = new Map<string, CookieDeclaration & { module: string }>();

  constructor(declarations: { module: string; cookies: CookieDeclaration[] }[]) {
    for (const { module, cookies } of declarations) {
      for (const cookie of cookies) {
        const existing = this.byName.get(cookie.name);
        if (existing) throw new Error(`Cookie ${cookie.name} is declared by both ${existing.module} and ${module}`);
        this.byName.set(cookie.name, { ...cookie, module });
      }
    }
  }

  /**
   * The declaration of a cookie as it is set. The `__Host-` and `__Secure-` prefixes only ask
   * the browser for stricter handling (HTTPS, no Domain): the cookie is still the declared one.
   */
  get(name: string) {
    return this.byName.get(name.replace(/^__(Host|Secure)-/, ''));
  }

  all() {
    return [...this.byName.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name),
    );
  }
}
