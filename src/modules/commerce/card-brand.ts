/** A card brand as the gateways name it ('visa', 'amex'), as people write it. */
const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  cartes_bancaires: 'CB',
};

export function cardBrandName(brand: string): string {
  return brandNames[brand.toLowerCase()] ?? brand;
}
