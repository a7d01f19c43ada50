import type { Locale } from '../../platform/http/i18n.js';
import { paths } from '../../web/paths.js';
import type { TokenPurpose } from './member-tables.js';

const linkPage: Record<TokenPurpose, (locale: Locale) => string> = {
  'verify-email': paths.verifyEmail,
  'reset-password': paths.resetPassword,
  'change-email': paths.confirmEmail,
};

/**
 * The absolute addresses the members module puts in its mails. Built once by the module's wiring
 * (member-services.ts): the services ask this, and never import the web layer's paths.
 */
export function memberUrls(publicUrl: string) {
  return {
    signIn: (locale: Locale) => publicUrl + paths.signIn(locale),
    forgotPassword: (locale: Locale) => publicUrl + paths.forgotPassword(locale),
    /** The page of a one-time link, with its token. */
    link: (purpose: TokenPurpose, locale: Locale, token: string) =>
      `${publicUrl}${linkPage[purpose](locale)}?token=${token}`,
  };
}

export type MemberUrls = ReturnType<typeof memberUrls>;
