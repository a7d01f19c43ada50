/**
 * PDF's standard fonts (Helvetica here: no font file to ship or embed) are encoded in WinAnsi,
 * which has the euro sign, French accents, Œ and typographic quotes, but nothing beyond: pdfkit
 * would write any other character as garbage. So a text is brought into WinAnsi first: the spaces
 * Intl puts in French amounts ("1 234,56 €" has a narrow no-break space) become no-break spaces,
 * a letter with an accent WinAnsi lacks loses the accent (ő → o), and what has no Latin form
 * becomes "?". Names in other scripts would need an embedded Unicode font.
 */
const beyondLatin1 = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

function fits(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || beyondLatin1.has(code);
}

export function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (fits(code)) out += char;
    else if (/\s/.test(char)) out += code === 0x20 || code === 0x0a ? char : '\u00a0';
    else {
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += plain && [...plain].every((c) => fits(c.codePointAt(0) ?? 0)) ? plain : '?';
    }
  }
  return out;
}
