import type { Locale } from '../../platform/http/i18n.js';
import type { SellerIdentity } from '../../platform/settings/seller-identity.js';
import type { ShopIdentity } from '../../platform/settings/shop-identity.js';
import type { VatShare } from '../../platform/vat.js';
import type { DocumentRow } from './invoices-tables.js';
import type { DocumentKind } from './numbering.js';

export interface BuyerAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166 code, as the checkout stores it ("FR"). */
  country: string;
}

/** A line as printed: prices include VAT (French shops show them so), the total is quantity × unit. */
export interface DocumentLine {
  description: string;
  quantity: number;
  unitPriceCents: number;
  vatRateBasisPoints: number;
  totalCents: number;
}

/**
 * Who sold, as the document states it (CGI art. 242 nonies A): copied from the settings when the
 * document is issued, so an invoice never changes when the settings do.
 */
export interface SellerSnapshot {
  shopName: string;
  companyName: string;
  legalForm: SellerIdentity['legalForm'];
  address: ShopIdentity['address'];
  registration: string;
  siret: string;
  vatNumber: string;
  email: string;
  phone: string;
  invoiceFooter: SellerIdentity['invoiceFooter'];
}

export function sellerSnapshot(shop: ShopIdentity, seller: SellerIdentity): SellerSnapshot {
  return {
    shopName: shop.name,
    companyName: seller.companyName,
    legalForm: seller.legalForm,
    address: shop.address,
    registration: seller.registration,
    siret: seller.siret,
    vatNumber: seller.vatNumber,
    email: shop.email,
    phone: seller.phone,
    invoiceFooter: seller.invoiceFooter,
  };
}

/** An invoice or a credit note, as issued. */
export interface InvoiceDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  sequence: number;
  issuedAt: string;
  orderId: string;
  orderNumber: string;
  /** For a credit note: the invoice it credits. */
  invoiceId: string | null;
  refundId: string | null;
  memberId: string | null;
  locale: Locale;
  currency: string;
  buyer: { name: string; email: string; address: BuyerAddress };
  lines: DocumentLine[];
  totalCents: number;
  vat: VatShare[];
  seller: SellerSnapshot;
  paymentReference: string;
  reason: string | null;
}

export function documentOf(row: DocumentRow): InvoiceDocument {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    sequence: row.sequence,
    issuedAt: row.issued_at,
    orderId: row.order_id,
    orderNumber: row.order_number,
    invoiceId: row.invoice_id,
    refundId: row.refund_id,
    memberId: row.member_id,
    locale: row.locale === 'en' ? 'en' : 'fr',
    currency: row.currency,
    buyer: { name: row.buyer_name, email: row.buyer_email, address: JSON.parse(row.buyer_address) as BuyerAddress },
    lines: JSON.parse(row.lines) as DocumentLine[],
    totalCents: row.total_cents,
    vat: JSON.parse(row.vat) as VatShare[],
    seller: JSON.parse(row.seller) as SellerSnapshot,
    paymentReference: row.payment_reference,
    reason: row.reason,
  };
}
