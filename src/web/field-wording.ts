import { type Locale, defineWording } from '../platform/http/i18n.js';
import { passwordLength } from '../platform/auth/password-policy.js';

/** What each field problem code (member-input.ts) means, in the visitor's language. */
const problems = defineWording({
  en: {
    required: 'This field is required.',
    'too-long': 'This is too long.',
    'username-format': 'Use 3 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    'username-reserved': 'This username is reserved. Please choose another one.',
    'username-taken': 'This username is already taken. Please choose another one.',
    'email-format': 'Enter an email address such as name@example.com.',
    'email-same': 'This is already your address.',
    'password-too-short': `Use at least ${passwordLength.min} characters. A few words make a long password that is easy to remember.`,
    'password-too-long': `Use at most ${passwordLength.max} characters.`,
    'password-common': 'This password is too common: it is among the first ones attackers try. Choose another one.',
    'password-personal': 'This password contains your username, your email or the shop’s name. Choose another one.',
    'password-wrong': 'This is not your current password.',
    'phone-format': 'Enter a telephone number such as +33 1 23 45 67 89.',
    locale: 'Choose French or English.',
    confirm: 'Tick this box to confirm.',
    role: 'Choose one of the roles: owner, support, marketing, accountant.',
    'staff-email-taken': 'A staff account already uses this email address.',
    'totp-wrong':
      'This is not the code your authenticator app shows now (each code works once: wait for the next one).',
    country: 'Choose a country from the list.',
    'shipping-country': 'We deliver goods to France, Monaco, Belgium and Luxembourg only: choose one of them.',
    'postal-code-format': 'Enter the postal code as your post office writes it (five digits in France).',
    terms: 'To order, tick this box to accept the terms of sale.',
    'early-start':
      'A course in your cart starts within 14 days: tick this box to ask that it start before your withdrawal period ends, or remove it from your cart.',
    quantity: 'Choose a quantity from 1 to 20.',
    'cart-full': 'Your cart is full (30 lines). Order what is in it, or remove a line first.',
    amount: 'Enter an amount in euros greater than zero, such as 49 or 49.50.',
    'refund-reason': 'Choose why the order is refunded.',
    slug: 'Use lowercase letters, digits and dashes, such as javascript-fundamentals.',
    'slug-taken': 'Another product already has this address: choose another one.',
    price: 'Enter a price in euros, VAT included, such as 49 or 49.90.',
    'vat-rate': 'Choose one of the French VAT rates.',
    stock: 'Enter a whole number, 0 or more.',
    date: 'Enter a date and time, such as 11/01/2027 19:30.',
    hours: 'Enter a number of hours, such as 7.',
    'price-zero': 'Enter a price above zero: a card payment cannot be of 0 €.',
    'ends-before-start': 'The end must come after the start.',
    'offer-mix':
      'An item is sold either as it is (one offer without a label) or in sizes (a label each), not both: archive the other offers first.',
    'kind-locked':
      'A course or workshop sells sessions, goods sell sizes: archive its offers on sale before changing it between the two.',
    'photo-required': 'Choose a photo to upload: a JPEG, PNG or WebP file.',
    'photo-empty': 'This file is empty: choose the photo again.',
    'photo-type':
      'This file is not a JPEG, PNG or WebP photo, whatever its name says. Export it as JPEG (or PNG, or WebP) and upload that.',
    'photo-unreadable':
      'This photo cannot be read through: the file is damaged or incomplete. Export it again and upload the new file.',
    'photo-dimensions': 'This photo is more than 8000 pixels wide or high: export it smaller (2000 pixels is plenty).',
    'photo-too-large':
      'This photo is larger than 5 MB: export it smaller (2000 pixels wide, JPEG quality 80, is plenty).',
    'photo-count': 'A product has at most 12 photos: remove one before adding another.',
    'photo-duplicate': 'This photo is already among the product’s photos.',
    'alt-required':
      'Describe what the photo shows, for people who cannot see it, such as “The grey hoodie, front, with the { } print”.',
  },
  fr: {
    required: 'Ce champ est obligatoire.',
    'too-long': 'C’est trop long.',
    'username-format':
      'Utilisez 3 à 30 lettres, chiffres, points, tirets ou tirets bas, en commençant par une lettre ou un chiffre.',
    'username-reserved': 'Ce nom d’utilisateur est réservé. Veuillez en choisir un autre.',
    'username-taken': 'Ce nom d’utilisateur est déjà pris. Veuillez en choisir un autre.',
    'email-format': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
    'email-same': 'C’est déjà votre adresse.',
    'password-too-short': `Utilisez au moins ${passwordLength.min} caractères. Quelques mots font un mot de passe long et facile à retenir.`,
    'password-too-long': `Utilisez au plus ${passwordLength.max} caractères.`,
    'password-common':
      'Ce mot de passe est trop courant : il fait partie des premiers essayés par les attaquants. Choisissez-en un autre.',
    'password-personal':
      'Ce mot de passe contient votre nom d’utilisateur, votre e-mail ou le nom de la boutique. Choisissez-en un autre.',
    'password-wrong': 'Ce n’est pas votre mot de passe actuel.',
    'phone-format': 'Saisissez un numéro comme +33 1 23 45 67 89.',
    locale: 'Choisissez français ou anglais.',
    confirm: 'Cochez cette case pour confirmer.',
    role: 'Choisissez l’un des rôles : owner, support, marketing, accountant.',
    'staff-email-taken': 'Un compte du personnel utilise déjà cette adresse e-mail.',
    'totp-wrong':
      'Ce n’est pas le code affiché maintenant par votre application d’authentification (chaque code sert une fois : attendez le suivant).',
    country: 'Choisissez un pays dans la liste.',
    'shipping-country':
      'Nous livrons les articles en France, à Monaco, en Belgique et au Luxembourg uniquement : choisissez l’un d’eux.',
    'postal-code-format': 'Saisissez le code postal tel que La Poste l’écrit (cinq chiffres en France).',
    terms: 'Pour commander, cochez cette case pour accepter les conditions générales de vente.',
    'early-start':
      'Un cours de votre panier commence dans moins de 14 jours : cochez cette case pour demander qu’il commence avant la fin de votre délai de rétractation, ou retirez-le du panier.',
    quantity: 'Choisissez une quantité de 1 à 20.',
    'cart-full': 'Votre panier est plein (30 lignes). Commandez son contenu, ou retirez d’abord une ligne.',
    amount: 'Saisissez un montant en euros supérieur à zéro, comme 49 ou 49,50.',
    'refund-reason': 'Choisissez le motif du remboursement.',
    slug: 'Utilisez des minuscules, des chiffres et des tirets, comme javascript-fundamentals.',
    'slug-taken': 'Un autre produit a déjà cette adresse : choisissez-en une autre.',
    price: 'Saisissez un prix TTC en euros, comme 49 ou 49,90.',
    'vat-rate': 'Choisissez l’un des taux de TVA français.',
    stock: 'Saisissez un nombre entier, 0 ou plus.',
    date: 'Saisissez une date et une heure, comme 11/01/2027 19:30.',
    hours: 'Saisissez un nombre d’heures, comme 7.',
    'price-zero': 'Saisissez un prix supérieur à zéro : un paiement par carte ne peut être de 0 €.',
    'ends-before-start': 'La fin doit venir après le début.',
    'offer-mix':
      'Un article se vend soit tel quel (une offre sans libellé), soit en tailles (un libellé chacune), pas les deux : archivez d’abord les autres offres.',
    'kind-locked':
      'Un cours ou un atelier vend des sessions, un article des tailles : archivez ses offres en vente avant de passer de l’un à l’autre.',
    'photo-required': 'Choisissez une photo à envoyer : un fichier JPEG, PNG ou WebP.',
    'photo-empty': 'Ce fichier est vide : choisissez de nouveau la photo.',
    'photo-type':
      'Ce fichier n’est pas une photo JPEG, PNG ou WebP, quoi qu’en dise son nom. Exportez-la en JPEG (ou PNG, ou WebP) et envoyez ce fichier.',
    'photo-unreadable':
      'Cette photo ne peut pas être lue jusqu’au bout : le fichier est abîmé ou incomplet. Exportez-la de nouveau et envoyez le nouveau fichier.',
    'photo-dimensions':
      'Cette photo dépasse 8000 pixels de large ou de haut : exportez-la plus petite (2000 pixels suffisent).',
    'photo-too-large':
      'Cette photo dépasse 5 Mo : exportez-la plus petite (2000 pixels de large, qualité JPEG 80, suffisent).',
    'photo-count': 'Un produit a au plus 12 photos : retirez-en une avant d’en ajouter une autre.',
    'photo-duplicate': 'Cette photo figure déjà parmi celles du produit.',
    'alt-required':
      'Décrivez ce que montre la photo, pour qui ne peut pas la voir, comme « Le sweat gris, de face, avec l’imprimé { } ».',
  },
});

export function fieldProblemText(problem: string, locale: Locale): string {
  return (problems[locale] as Record<string, string>)[problem] ?? problems[locale].required;
}
