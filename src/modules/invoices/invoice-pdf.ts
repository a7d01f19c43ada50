import { formatDate, formatMoney } from '../../platform/format.js';
import { formatVatRate, vatIncluded } from '../../platform/vat.js';
import type { InvoiceDocument } from './invoice-document.js';
import { countryText, invoiceWording, reasonText } from './invoice-wording.js';
import { winAnsi } from './win-ansi.js';

/** The invoice a credit note credits, as the credit note names it. */
export interface CreditedInvoiceRef {
  number: string;
  issuedAt: string;
}

// A4 in points, with 50 pt margins; the page number sits in the bottom margin.
const pageHeight = 841.89;
const margin = 50;
const left = margin;
const width = 595.28 - 2 * margin;
const bottom = pageHeight - margin;
const column = { x: left + 280, width: width - 280 };

interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * An invoice or credit note as a PDF: the seller as they were when it was issued, the document's
 * kind, number and date, the buyer, the order and payment it belongs to, its lines, its VAT per
 * rate and its totals, and (on an invoice) the seller's payment terms, in the document's
 * language. Fonts are PDF's standard Helvetica (see win-ansi.ts) and the creation date is the
 * issue date, so the same document always renders the same bytes.
 */
export async function renderDocumentPdf(
  document: InvoiceDocument,
  credited: CreditedInvoiceRef | null,
): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit and its font engine cost a shop's cold start.
  const { default: PDFDocument } = await import('pdfkit');
  const { locale, seller } = document;
  const words = invoiceWording[locale];
  const money = (cents: number) => formatMoney(cents, document.currency, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const labelled = (label: string, value: string) => (locale === 'fr' ? `${label} : ${value}` : `${label}: ${value}`);
  const title = words.title[document.kind];

  const pdf = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: {
      Title: winAnsi(`${title} ${document.number}`),
      Author: winAnsi(seller.companyName),
      CreationDate: new Date(document.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rendered = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  /** Writes `text` at (x, y) within `w`, and returns the height it took. */
  const write = (
    text: string,
    x: number,
    y: number,
    w: number,
    options: { size?: number; bold?: boolean; align?: 'left' | 'right' } = {},
  ) => {
    const safe = winAnsi(text);
    pdf.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? 9);
    pdf.text(safe, x, y, { width: w, align: options.align ?? 'left' });
    return pdf.heightOfString(safe, { width: w });
  };
  /** Lines written one under the other from `y`; returns where they end. */
  const block = (lines: string[], x: number, y: number, w: number, align: 'left' | 'right' = 'left') =>
    lines.reduce((at, line) => at + write(line, x, at, w, { align }) + 1, y);
  const rule = (y: number) => {
    pdf
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
  };
  const rowHeight = (cells: readonly Cell[], bold: boolean) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    return Math.max(...cells.map((cell) => pdf.heightOfString(winAnsi(cell.text), { width: cell.width - 4 })));
  };
  const row = (cells: readonly Cell[], y: number, x0: number, bold = false) => {
    let x = x0;
    for (const cell of cells) {
      write(cell.text, x + 2, y, cell.width - 4, { bold, align: cell.align ?? 'left' });
      x += cell.width;
    }
    return rowHeight(cells, bold);
  };
  /** A new page when `height` does not fit below `y`: the y to write at. */
  const room = (y: number, height: number) => {
    if (y + height <= bottom) return y;
    pdf.addPage();
    return margin;
  };

  // The seller, left; the document, right.
  let sellerEnd = write(seller.companyName, left, margin, 270, { size: 12, bold: true }) + margin + 2;
  sellerEnd = block(
    [
      seller.legalForm[locale],
      seller.address.street,
      `${seller.address.postalCode} ${seller.address.city}`,
      seller.address.country,
      seller.registration,
      `${words.siret} ${seller.siret}`,
      labelled(words.vatNumber, seller.vatNumber),
      `${seller.email} · ${seller.phone}`,
    ],
    left,
    sellerEnd,
    270,
  );
  let documentEnd = write(title, column.x, margin, column.width, { size: 18, bold: true, align: 'right' }) + margin + 4;
  documentEnd = block(
    [
      `${words.number} ${document.number}`,
      labelled(words.date, date(document.issuedAt)),
      labelled(words.order, document.orderNumber),
      ...(document.paymentReference ? [labelled(words.paymentReference, document.paymentReference)] : []),
      ...(credited ? [`${words.credits} ${credited.number} ${words.of} ${date(credited.issuedAt)}`] : []),
      ...(document.reason ? [labelled(words.reason, reasonText(document.reason, locale))] : []),
    ],
    column.x,
    documentEnd,
    column.width,
    'right',
  );

  // The buyer.
  const address = document.buyer.address;
  let y = Math.max(sellerEnd, documentEnd) + 20;
  y += write(words.billedTo, column.x, y, column.width, { bold: true }) + 2;
  y = block(
    [
      document.buyer.name,
      address.line1,
      ...(address.line2 ? [address.line2] : []),
      `${address.postalCode} ${address.city}`,
      countryText(address.country, locale),
      document.buyer.email,
    ],
    column.x,
    y,
    column.width,
  );

  // The lines.
  const widths = [180, 35, 65, 45, 70, width - 395];
  const cells = (texts: string[]): Cell[] =>
    texts.map((text, i) => ({ text, width: widths[i] ?? 0, align: i === 0 ? 'left' : 'right' }));
  const header = cells([
    words.description,
    words.quantity,
    words.unitNet,
    words.rate,
    words.unitGross,
    words.lineTotal,
  ]);
  const tableHeader = (at: number) => {
    const height = row(header, at, left, true);
    rule(at + height + 2);
    return at + height + 6;
  };
  y = tableHeader(y + 20);
  for (const line of document.lines) {
    const net = line.unitPriceCents - vatIncluded(line.unitPriceCents, line.vatRateBasisPoints);
    const lineCells = cells([
      line.description,
      String(line.quantity),
      money(net),
      formatVatRate(line.vatRateBasisPoints, locale),
      money(line.unitPriceCents),
      money(line.totalCents),
    ]);
    const height = rowHeight(lineCells, false);
    const at = room(y, height);
    if (at !== y) y = tableHeader(at);
    y += row(lineCells, y, left) + 4;
  }
  rule(y);

  // VAT per rate, then the totals, on the right.
  const vatWidths = [60, 65, 60, 75];
  const vatX = left + width - vatWidths.reduce((sum, w) => sum + w, 0);
  const vatCells = (texts: string[]): Cell[] =>
    texts.map((text, i) => ({ text, width: vatWidths[i] ?? 0, align: 'right' }));
  const totals = [
    [words.totalNet, money(document.vat.reduce((sum, share) => sum + share.netCents, 0))],
    [words.totalVat, money(document.vat.reduce((sum, share) => sum + share.vatCents, 0))],
    [words.total[document.kind], money(document.totalCents)],
  ] as const;
  y = room(y + 12, 14 * (document.vat.length + totals.length + 2));
  y += row(vatCells([words.vatRate, words.base, words.vat, words.gross]), y, vatX, true) + 4;
  for (const share of document.vat) {
    y +=
      row(
        vatCells([
          formatVatRate(share.rateBasisPoints, locale),
          money(share.netCents),
          money(share.vatCents),
          money(share.totalCents),
        ]),
        y,
        vatX,
      ) + 3;
  }
  y += 10;
  for (const [i, [label, value]] of totals.entries()) {
    const last = i === totals.length - 1;
    y +=
      row(
        [
          { text: label, width: 150, align: 'right' },
          { text: value, width: 100, align: 'right' },
        ],
        y,
        vatX,
        last,
      ) + 3;
  }

  // The seller's payment terms (late-payment penalties, no discount), which an invoice must state;
  // a credit note pays nothing and has none.
  if (document.kind === 'invoice') {
    pdf.font('Helvetica').fontSize(8);
    const footer = winAnsi(seller.invoiceFooter[locale]);
    y = room(y + 24, pdf.heightOfString(footer, { width }));
    write(seller.invoiceFooter[locale], left, y, width, { size: 8 });
  }

  // Every page says which document and which page it is.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0; // writing in the margin must not open a page
    write(`${document.number} · ${words.page} ${i + 1}/${range.count}`, left, pageHeight - 35, width, {
      size: 8,
      align: 'right',
    });
  }
  pdf.end();
  return rendered;
}
