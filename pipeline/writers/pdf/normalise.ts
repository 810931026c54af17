/**
 * The printed PDF made the same for the same edition: Chromium's dates set to
 * the edition date, and the document information (title, author, subject,
 * keywords) written from what the print HTML says of the text.
 */
import type { DocumentInfo } from './page-scripts.js';

/**
 * Makes Chromium's PDF reproducible. Skia stamps `/CreationDate` and
 * `/ModDate` from the clock (it writes no `/ID` and no XMP stream unless asked
 * for PDF/A); we overwrite both with the build's fixed date. The replacement
 * has exactly the same length, so the cross-reference offsets stay valid.
 */
export function normalisePdf(pdf: Uint8Array, isoDate: string): Uint8Array {
  if (!/^\d{4}-\d\d-\d\d$/.test(isoDate)) throw new Error(`the PDF date must be YYYY-MM-DD, got "${isoDate}"`);
  const stamp = `${isoDate.replaceAll('-', '')}000000`;
  // latin1 maps bytes to characters one to one, so offsets in the string are offsets in the file.
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_match, key: string, _clock: string, zone: string) => {
    // Skia writes the machine's offset as +HH'MM'; UTC has the same length. Any other form is kept as it is.
    const utc = /^[+-]\d\d'\d\d'$/.test(zone) ? "+00'00'" : zone;
    return `/${key} (D:${stamp}${utc})`;
  });
  if (fixed.length !== text.length) throw new Error('normalising the PDF dates changed its length');
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** A PDF text string: UTF-16BE with its byte order mark, written in hex (any character, no escaping). */
function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Gives the PDF its document information (Title, Author, Subject, Keywords),
 * which Chromium does not write beyond the title, by an incremental update
 * (ISO 32000-1, 7.5.6): a new Info dictionary, a cross-reference section for
 * it and a trailer pointing back to Chromium's. Chromium's bytes stay as they
 * are, so the outline, tags and links are untouched; the dates are the
 * edition's, and the update depends only on its inputs, so builds stay
 * byte-identical.
 */
export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo, isoDate: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  const startAt = text.lastIndexOf('startxref');
  if (trailerAt < 0 || startAt < trailerAt) throw new Error('the PDF has no classic trailer to update (Chromium wrote a cross-reference stream?)');
  const trailer = text.slice(trailerAt, startAt);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const previous = Number(/startxref\s+(\d+)/.exec(text.slice(startAt))?.[1]);
  if (!Number.isInteger(size) || !root || !Number.isInteger(previous)) throw new Error('the PDF trailer lacks /Size, /Root or startxref');
  // Chromium's Producer and Creator are kept, read from its Info dictionary.
  const oldInfoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const oldInfo = oldInfoRef ? new RegExp(`(?:^|\\s)${oldInfoRef[1]} ${oldInfoRef[2]} obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1] ?? '' : '';
  const kept = (key: string) => new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f]*>)`).exec(oldInfo)?.[1];
  const stamp = `(D:${isoDate.replaceAll('-', '')}000000+00'00')`;
  const entries = [
    info.title && `/Title ${pdfTextString(info.title)}`,
    info.author && `/Author ${pdfTextString(info.author)}`,
    info.subject && `/Subject ${pdfTextString(info.subject)}`,
    info.keywords && `/Keywords ${pdfTextString(info.keywords)}`,
    kept('Creator') && `/Creator ${kept('Creator')}`,
    kept('Producer') && `/Producer ${kept('Producer')}`,
    `/CreationDate ${stamp}`,
    `/ModDate ${stamp}`,
  ].filter(Boolean);
  const lead = text.endsWith('\n') ? '' : '\n';
  const objectAt = text.length + lead.length;
  const object = `${size} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    `${lead}${object}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${previous}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]));
}
