import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Secrets } from '../crypto/secrets.js';
import { safeEqual } from '../crypto/tokens.js';
import { durationSeconds } from '../../privacy/core/duration.js';
import { cookieNameFor, setDeclaredCookie } from '../http/cookie-guard.js';
import { defineCookie } from '../../privacy/core/declare.js';
import type { KnownDevice } from './login-throttle.js';
import type { ClientInfo } from './session-service.js';

/**
 * The known-device mark (issue 7, finding 9): during an attack on an account, a browser that
 * signed in to it before may still sign in. No table: the value is HMACs only (below).
 */
export const knownDeviceCookie = defineCookie({
  name: 'vitrine_device',
  category: 'essential',
  purpose: {
    en: 'Security and fraud prevention: remembers that this browser signed in to your account before, so that you can still sign in while someone else is trying to guess your password. It holds only codes signed by the shop, nothing about you, and is kept 12 months.',
    fr: 'Sécurité et prévention de la fraude : retient que ce navigateur s’est déjà connecté à votre compte, pour que vous puissiez encore vous connecter pendant que quelqu’un d’autre essaie de deviner votre mot de passe. Il ne contient que des codes signés par la boutique, rien sur vous, et est conservé 12 mois.',
  },
  duration: 'P12M',
  httpOnly: true,
});

/** Accounts one browser remembers: more than a family shares, few enough for a small cookie. */
const maxAccounts = 8;

/**
 * The known-device cookie (finding 9): after a successful sign-in, the browser keeps a mark for
 * that account, and during an attack on the account (the sign-in ceiling reached from many
 * addresses) a browser with the mark may still try, within its own per-address limit.
 *
 * A mark is `<issued, base 36 seconds>.<HMAC of account and issued>`, marks joined by `~`: no
 * table, nothing about the person (the account id is only inside the HMAC), unforgeable without
 * the server's key, and only good for 12 months after it was issued, like the cookie.
 */
export class KnownDevices {
  private readonly cookieName: string;
  private readonly lifetimeMs = durationSeconds(knownDeviceCookie.duration) * 1000;

  constructor(
    private readonly secrets: Secrets,
    private readonly secure: boolean,
    private readonly now: () => Date,
  ) {
    this.cookieName = cookieNameFor(knownDeviceCookie, secure);
  }

  private mark(account: string, issued: string) {
    return this.secrets.sign('known-device', `${account}\n${issued}`).slice(0, 22);
  }

  /** The marks in a cookie value that are well formed and not expired (not yet checked). */
  private marksIn(value: string | undefined): { issued: string; mac: string }[] {
    const oldest = this.now().getTime() - this.lifetimeMs;
    return (value ?? '')
      .split('~')
      .slice(-maxAccounts)
      .map((part) => /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(part))
      .filter((match) => match !== null && Number.parseInt(match[1] ?? '', 36) * 1000 >= oldest)
      .map((match) => ({ issued: match?.[1] ?? '', mac: match?.[2] ?? '' }));
  }

  /**
   * The client of a sign-in request: its address, and what its browser proves. The account of a
   * "Remember me" session open in this browser (`remembered`, its throttle identifier) counts as
   * a known device too.
   */
  clientOf(request: FastifyRequest, reply: FastifyReply, remembered?: string): ClientInfo {
    let marks = this.marksIn(request.cookies[this.cookieName]);
    const has = (account: string) => marks.some(({ issued, mac }) => safeEqual(mac, this.mark(account, issued)));
    const device: KnownDevice = {
      knows: (account) => has(account) || account === remembered,
      remember: (account) => {
        const issued = Math.floor(this.now().getTime() / 1000).toString(36);
        marks = [
          ...marks.filter(({ issued: at, mac }) => !safeEqual(mac, this.mark(account, at))),
          { issued, mac: this.mark(account, issued) },
        ].slice(-maxAccounts);
        setDeclaredCookie(reply, knownDeviceCookie, marks.map(({ issued: at, mac }) => `${at}.${mac}`).join('~'), {
          secure: this.secure,
        });
      },
    };
    return { ip: request.ip, userAgent: request.headers['user-agent'], device };
  }
}
