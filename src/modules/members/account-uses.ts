import type { Locale } from '../../platform/http/i18n.js';

/** One whole sentence, in each language. */
export type AccountLine = Record<Locale, string>;

/**
 * What the members' pages say an account is for, so that they promise only what exists. The
 * lines below are what the members module itself gives. A module that gives members more adds
 * its own line when its services are built (they receive the members module's, through
 * dependsOn), and the pages show it from then on:
 *
 *   services: (platform, { members }) => {
 *     members.accountUses.benefits.push({ en: 'Follow your orders.', fr: 'Suivez vos commandes.' });
 *     …
 *   }
 */
export interface AccountUses {
  /** The sign-up page's list of what an account gives. */
  benefits: AccountLine[];
  /** Where other visitors see a member's username or profile (display name, bio). Nowhere yet. */
  shownToOthers: AccountLine[];
}

/** A fresh list per shop (the members module's services are built once per process). */
export function accountUses(): AccountUses {
  return {
    benefits: [
      {
        en: 'Keep your details (name, address, telephone) in one place, and change them whenever you like.',
        fr: 'Garder vos coordonnées (nom, adresse, téléphone) au même endroit, et les modifier quand vous voulez.',
      },
      {
        en: 'See which devices are signed in to your account, and sign any of them out.',
        fr: 'Voir les appareils connectés à votre compte, et déconnecter celui que vous voulez.',
      },
      {
        en: 'Change your email address or your password at any time.',
        fr: 'Changer d’adresse e-mail ou de mot de passe à tout moment.',
      },
      { en: 'Delete your account whenever you want.', fr: 'Supprimer votre compte quand vous le souhaitez.' },
    ],
    shownToOthers: [],
  };
}
