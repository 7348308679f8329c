/** How people label the fields we guard (NIR, card, IBAN, birth date): each one matches a precise pattern. */
export const SENSITIVE_PHRASES = [
  'NIR', 'NSS', 'N° SS', 'No de SS', 'Sécurité sociale', 'N° sécu', 'Numéro INSEE', 'N° INSEE', 'Assuré social', "Numéro d'assuré social",
  "N° d'immatriculation sécurité", 'Numéro de la carte Vitale', 'N° de carte Vitale', 'carte Vitale', 'Assuré', 'Assurée',
  "Numéro d'assuré", "N° d'assuré", 'Immatriculation', 'Identifiant', 'Numéro de votre carte bancaire', 'Numéro de carte de crédit',
  'N° carte bancaire', 'Carte bancaire', 'Card number', 'cardNumber', 'Card num', 'CC num', 'ccNumber', 'ccnum', 'Credit card',
  'Numéro CB', 'Expiration', 'Expiry', 'Expire', 'Exp', 'ccExp', 'expDate', 'Date de validité', 'MM/AA', 'MM / YY', 'mm aaaa',
  'CVV', 'CVC2', 'CSC', 'Cryptogramme', 'Code de sécurité', 'Security code', 'IBAN', 'RIB', 'BIC / IBAN', 'Date de naissance',
  'Né le', 'Née le', 'Né(e) le', 'Birthday', 'Birthdate', 'birthDate', 'DOB', 'bday',
];
