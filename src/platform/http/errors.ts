import type { Locale } from './i18n.js';

interface ErrorSpec {
  status: number;
  title: Record<Locale, string>;
  message: Record<Locale, string>;
}

/**
 * Every error a visitor or API client can see, with a stable code. The code is the contract
 * (clients and tests match on it); the wording can improve freely. Keep them in this one file
 * so a newcomer can read every failure the shop can answer with.
 */
export const errorCatalog = {
  VT_NOT_FOUND: {
    status: 404,
    title: { en: 'Page not found', fr: 'Page introuvable' },
    message: {
      en: 'We could not find this page. It may have moved, or the address may be mistyped.',
      fr: 'Nous ne trouvons pas cette page. Elle a peut-être été déplacée, ou l’adresse contient une erreur.',
    },
  },
  VT_PRODUCT_NOT_FOUND: {
    status: 404,
    title: { en: 'Product not found', fr: 'Produit introuvable' },
    message: {
      en: 'This course or product is not in our catalog (any more).',
      fr: 'Ce cours ou ce produit ne figure pas (ou plus) dans notre catalogue.',
    },
  },
  VT_BAD_URL: {
    status: 400,
    title: { en: 'Malformed address', fr: 'Adresse mal formée' },
    message: {
      en: 'The address of this page is not valid. Check it and try again.',
      fr: 'L’adresse de cette page n’est pas valide. Vérifiez-la et réessayez.',
    },
  },
  VT_BAD_REQUEST: {
    status: 400,
    title: { en: 'Request not understood', fr: 'Requête incomprise' },
    message: {
      en: 'We could not understand this request. Nothing was changed.',
      fr: 'Nous n’avons pas compris cette requête. Rien n’a été modifié.',
    },
  },
  VT_VALIDATION: {
    status: 400,
    title: { en: 'Some information is not valid', fr: 'Certaines informations ne sont pas valides' },
    message: {
      en: 'Please check what you entered and try again. Nothing was changed.',
      fr: 'Veuillez vérifier votre saisie et réessayer. Rien n’a été modifié.',
    },
  },
  VT_BAD_JSON: {
    status: 400,
    title: { en: 'Invalid JSON', fr: 'JSON invalide' },
    message: {
      en: 'The request body is not valid JSON. Nothing was changed.',
      fr: 'Le corps de la requête n’est pas du JSON valide. Rien n’a été modifié.',
    },
  },
  VT_BODY_TOO_LARGE: {
    status: 413,
    title: { en: 'Too much data', fr: 'Trop de données' },
    message: {
      en: 'What you sent is larger than we accept. Nothing was changed.',
      fr: 'Votre envoi dépasse la taille acceptée. Rien n’a été modifié.',
    },
  },
  VT_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { en: 'Unsupported format', fr: 'Format non pris en charge' },
    message: {
      en: 'This kind of content is not accepted here. Nothing was changed.',
      fr: 'Ce type de contenu n’est pas accepté ici. Rien n’a été modifié.',
    },
  },
  VT_METHOD_NOT_ALLOWED: {
    status: 405,
    title: { en: 'Action not allowed', fr: 'Action non autorisée' },
    message: {
      en: 'This page does not accept this kind of request.',
      fr: 'Cette page n’accepte pas ce type de requête.',
    },
  },
  VT_CSRF_INVALID: {
    status: 403,
    title: { en: 'Form expired', fr: 'Formulaire expiré' },
    message: {
      en: 'For your security this form could not be accepted. Go back, reload the page and try again. Nothing was changed.',
      fr: 'Par sécurité, ce formulaire n’a pas pu être accepté. Revenez en arrière, rechargez la page et réessayez. Rien n’a été modifié.',
    },
  },
  VT_UNAUTHORIZED: {
    status: 401,
    title: { en: 'Sign-in required', fr: 'Connexion requise' },
    message: {
      en: 'This area is for the shop’s staff. Please sign in.',
      fr: 'Cet espace est réservé à l’équipe de la boutique. Veuillez vous connecter.',
    },
  },
  VT_FORBIDDEN: {
    status: 403,
    title: { en: 'Not allowed', fr: 'Accès non autorisé' },
    message: {
      en: 'Your role does not give access to this page. Ask the shop’s owner if you need it.',
      fr: 'Votre rôle ne donne pas accès à cette page. Demandez-le au propriétaire de la boutique si vous en avez besoin.',
    },
  },
  VT_SIGN_IN_REQUIRED: {
    status: 401,
    title: { en: 'Please sign in', fr: 'Veuillez vous connecter' },
    message: {
      en: 'Sign in to your account to see this page.',
      fr: 'Connectez-vous à votre compte pour voir cette page.',
    },
  },
  VT_SIGN_IN_FAILED: {
    status: 401,
    title: { en: 'Sign-in failed', fr: 'Échec de la connexion' },
    message: {
      en: 'The username, email or password is incorrect.',
      fr: 'Le nom d’utilisateur, l’e-mail ou le mot de passe est incorrect.',
    },
  },
  VT_SIGN_IN_THROTTLED: {
    status: 429,
    title: { en: 'Too many attempts', fr: 'Trop de tentatives' },
    message: {
      en: 'There were too many sign-in attempts for this account or from your connection. For your security, wait 15 minutes, or reset your password.',
      fr: 'Il y a eu trop de tentatives de connexion pour ce compte ou depuis votre connexion. Par sécurité, patientez 15 minutes ou réinitialisez votre mot de passe.',
    },
  },
  VT_MAIL_THROTTLED: {
    status: 429,
    title: { en: 'Email already sent', fr: 'E-mail déjà envoyé' },
    message: {
      en: 'We have already sent several emails to this address recently. Check your inbox and spam folder, or try again in an hour. Nothing was changed.',
      fr: 'Nous avons déjà envoyé plusieurs e-mails à cette adresse récemment. Vérifiez votre boîte de réception et vos indésirables, ou réessayez dans une heure. Rien n’a été modifié.',
    },
  },
  VT_EMAIL_NOT_VERIFIED: {
    status: 403,
    title: { en: 'Please confirm your email address', fr: 'Veuillez confirmer votre adresse e-mail' },
    message: {
      en: 'Your account is not active until you confirm your email address. We have sent you a new confirmation link.',
      fr: 'Votre compte sera actif dès que vous aurez confirmé votre adresse e-mail. Nous vous avons envoyé un nouveau lien de confirmation.',
    },
  },
  VT_USERNAME_TAKEN: {
    status: 409,
    title: { en: 'Username taken', fr: 'Nom d’utilisateur déjà pris' },
    message: {
      en: 'Someone already uses this username. Please choose another one. Nothing was changed.',
      fr: 'Ce nom d’utilisateur est déjà utilisé. Veuillez en choisir un autre. Rien n’a été modifié.',
    },
  },
  VT_EMAIL_TAKEN: {
    status: 409,
    title: { en: 'Address already in use', fr: 'Adresse déjà utilisée' },
    message: {
      en: 'Another account already uses this email address, so it could not be moved to yours. Nothing was changed.',
      fr: 'Un autre compte utilise déjà cette adresse e-mail : elle n’a pas pu être attribuée au vôtre. Rien n’a été modifié.',
    },
  },
  VT_LINK_INVALID: {
    status: 400,
    title: { en: 'Link expired or already used', fr: 'Lien expiré ou déjà utilisé' },
    message: {
      en: 'This link has expired or has already been used. Ask for a new one. Nothing was changed.',
      fr: 'Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau. Rien n’a été modifié.',
    },
  },
  VT_PASSWORD_WRONG: {
    status: 403,
    title: { en: 'Wrong password', fr: 'Mot de passe incorrect' },
    message: {
      en: 'Your current password is not correct. Nothing was changed.',
      fr: 'Votre mot de passe actuel n’est pas correct. Rien n’a été modifié.',
    },
  },
  VT_TOTP_INVALID: {
    status: 401,
    title: { en: 'Code not accepted', fr: 'Code refusé' },
    message: {
      en: 'This code is not valid or was already used. Enter the current code from your authenticator app.',
      fr: 'Ce code n’est pas valide ou a déjà servi. Saisissez le code affiché en ce moment par votre application d’authentification.',
    },
  },
  VT_LAST_OWNER: {
    status: 409,
    title: { en: 'The last owner must stay', fr: 'Le dernier propriétaire doit rester' },
    message: {
      en: 'This is the last owner who can sign in: make another staff member owner first. Nothing was changed.',
      fr: 'C’est le dernier propriétaire pouvant se connecter : nommez d’abord un autre membre du personnel propriétaire. Rien n’a été modifié.',
    },
  },
  VT_STAFF_NOT_FOUND: {
    status: 404,
    title: { en: 'Staff member not found', fr: 'Membre du personnel introuvable' },
    message: {
      en: 'This staff account does not exist (any more). Nothing was changed.',
      fr: 'Ce compte du personnel n’existe pas (ou plus). Rien n’a été modifié.',
    },
  },
  VT_REQUEST_NOT_FOUND: {
    status: 404,
    title: { en: 'Request not found', fr: 'Demande introuvable' },
    message: {
      en: 'We have no such privacy request, or it is not yours. Nothing was changed.',
      fr: 'Nous n’avons pas cette demande relative aux données, ou elle n’est pas la vôtre. Rien n’a été modifié.',
    },
  },
  VT_REQUEST_CLOSED: {
    status: 409,
    title: { en: 'Request already closed', fr: 'Demande déjà close' },
    message: {
      en: 'This request is already done or refused; it cannot change any more. Nothing was changed.',
      fr: 'Cette demande est déjà traitée ou refusée ; elle ne peut plus changer. Rien n’a été modifié.',
    },
  },
  VT_REQUEST_PENDING: {
    status: 409,
    title: { en: 'A request is already under way', fr: 'Une demande est déjà en cours' },
    message: {
      en: 'You already have a request of this kind under way. Wait for it to finish; nothing was changed.',
      fr: 'Vous avez déjà une demande de ce type en cours. Attendez qu’elle se termine ; rien n’a été modifié.',
    },
  },
  VT_EXPORT_LINK_INVALID: {
    status: 410,
    title: { en: 'Download link expired or used', fr: 'Lien de téléchargement expiré ou déjà utilisé' },
    message: {
      en: 'This download link has expired, has already been used, or is not yours. Ask for a new copy of your data from your Privacy page.',
      fr: 'Ce lien de téléchargement a expiré, a déjà servi ou n’est pas le vôtre. Demandez une nouvelle copie de vos données depuis votre page Confidentialité.',
    },
  },
  VT_SOLD_OUT: {
    status: 409,
    title: { en: 'Sold out', fr: 'Épuisé' },
    message: {
      en: 'Someone bought the last one (or the last seat) a moment ago. Your cart shows what is still available; nothing was charged.',
      fr: 'Quelqu’un vient d’acheter le dernier exemplaire (ou la dernière place). Votre panier montre ce qui reste disponible ; rien n’a été débité.',
    },
  },
  VT_NOT_ENOUGH_STOCK: {
    status: 409,
    title: { en: 'Not that many left', fr: 'Quantité insuffisante' },
    message: {
      en: 'We do not have that many left. Choose a smaller quantity; your cart was not changed.',
      fr: 'Il n’en reste pas autant. Choisissez une quantité plus petite ; votre panier n’a pas été modifié.',
    },
  },
  VT_OFFER_UNAVAILABLE: {
    status: 404,
    title: { en: 'Not on sale', fr: 'Pas en vente' },
    message: {
      en: 'This item is not on sale (any more). Nothing was added to your cart.',
      fr: 'Cet article n’est pas (ou plus) en vente. Rien n’a été ajouté à votre panier.',
    },
  },
  VT_CART_EMPTY: {
    status: 409,
    title: { en: 'Your cart is empty', fr: 'Votre panier est vide' },
    message: {
      en: 'There is nothing in your cart to order. Browse the catalog and add what you like.',
      fr: 'Votre panier ne contient rien à commander. Parcourez le catalogue et ajoutez ce qui vous plaît.',
    },
  },
  VT_CART_CHANGED: {
    status: 409,
    title: { en: 'Your cart changed', fr: 'Votre panier a changé' },
    message: {
      en: 'Your cart or its prices changed since you opened this page (perhaps in another tab). Check the new summary before you order; nothing was charged.',
      fr: 'Votre panier ou ses prix ont changé depuis l’ouverture de cette page (peut-être dans un autre onglet). Vérifiez le nouveau récapitulatif avant de commander ; rien n’a été débité.',
    },
  },
  VT_ORDER_NOT_FOUND: {
    status: 404,
    title: { en: 'Order not found', fr: 'Commande introuvable' },
    message: {
      en: 'We have no such order, or the link is not valid (any more). Nothing was changed.',
      fr: 'Nous n’avons pas cette commande, ou le lien n’est pas (ou plus) valable. Rien n’a été modifié.',
    },
  },
  VT_ORDER_STATE: {
    status: 409,
    title: { en: 'Not possible for this order now', fr: 'Impossible pour cette commande maintenant' },
    message: {
      en: 'This order has moved on (paid, cancelled, refunded…) and this action no longer applies. Nothing was changed.',
      fr: 'Cette commande a évolué (payée, annulée, remboursée…) et cette action ne s’applique plus. Rien n’a été modifié.',
    },
  },
  VT_REFUND_TOO_LARGE: {
    status: 409,
    title: { en: 'Refund too large', fr: 'Remboursement trop élevé' },
    message: {
      en: 'A refund cannot exceed what was paid and not yet refunded. Nothing was refunded.',
      fr: 'Un remboursement ne peut dépasser ce qui a été payé et pas encore remboursé. Rien n’a été remboursé.',
    },
  },
  VT_PAYMENT_UNAVAILABLE: {
    status: 503,
    title: { en: 'Payment briefly unavailable', fr: 'Paiement momentanément indisponible' },
    message: {
      en: 'Our payment provider did not answer. Your order is kept and nothing was charged; please try again in a minute.',
      fr: 'Notre prestataire de paiement n’a pas répondu. Votre commande est conservée et rien n’a été débité ; réessayez dans une minute.',
    },
  },
  VT_WEBHOOK_SIGNATURE: {
    status: 401,
    title: { en: 'Signature refused', fr: 'Signature refusée' },
    message: {
      en: 'This notification is not signed by our payment provider. Nothing was changed.',
      fr: 'Cette notification n’est pas signée par notre prestataire de paiement. Rien n’a été modifié.',
    },
  },
  VT_INVOICE_NOT_FOUND: {
    status: 404,
    title: { en: 'Invoice not found', fr: 'Facture introuvable' },
    message: {
      en: 'There is no invoice here yet: an invoice is issued once the order is paid.',
      fr: 'Il n’y a pas encore de facture : une facture est émise une fois la commande payée.',
    },
  },
  VT_SLUG_TAKEN: {
    status: 409,
    title: { en: 'Address already used', fr: 'Adresse déjà utilisée' },
    message: {
      en: 'Another product already uses this web address (slug). Choose another; nothing was saved.',
      fr: 'Un autre produit utilise déjà cette adresse web (slug). Choisissez-en une autre ; rien n’a été enregistré.',
    },
  },
  VT_RATE_LIMITED: {
    status: 429,
    title: { en: 'Too many requests', fr: 'Trop de requêtes' },
    message: {
      en: 'You have made many requests in a short time. Please wait a minute and try again.',
      fr: 'Vous avez envoyé beaucoup de requêtes en peu de temps. Patientez une minute puis réessayez.',
    },
  },
  VT_UNAVAILABLE: {
    status: 503,
    title: { en: 'Temporarily unavailable', fr: 'Temporairement indisponible' },
    message: {
      en: 'The shop is briefly unavailable. Please try again in a few minutes.',
      fr: 'La boutique est momentanément indisponible. Veuillez réessayer dans quelques minutes.',
    },
  },
  VT_INTERNAL: {
    status: 500,
    title: { en: 'Internal error', fr: 'Erreur interne' },
    message: {
      en: 'Something went wrong on our side. Nothing was changed; please try again later.',
      fr: 'Une erreur s’est produite de notre côté. Rien n’a été modifié ; veuillez réessayer plus tard.',
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

/** An error meant for the visitor: a stable code, its status, and optional field details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: {
      fields?: Record<string, string>;
      retryAfterSeconds?: number;
      /** How many are left, when a quantity was too large (VT_NOT_ENOUGH_STOCK). */
      available?: number;
      /** The offers that ran short (VT_SOLD_OUT at checkout), so the cart can point at them. */
      offerIds?: string[];
    },
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorCatalog[code].status;
  }
}
