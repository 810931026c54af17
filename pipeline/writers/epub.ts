/**
 * The `epub` format. Packages the files the EPUB stylesheet produced into an EPUB 3 container
 * with jszip: `mimetype` first and stored, then META-INF and OEBPS. We do not
 * use epub-gen-memory: it rewrites chapter markup (dropping attributes such as
 * `data-*` and `datetime`) and stamps a copyright and date of its own.
 */
import JSZip from 'jszip';
import { epubFiles, epubFontFiles } from './print-and-epub.js';
import type { Writer } from './writer.js';
import type { TransformOutput } from './xslt.js';

export { contentUuid } from './print-and-epub.js';

/** A fixed timestamp for every zip entry, so that the same input gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** Zips the stylesheet's result documents (paths relative to the EPUB root) into an EPUB. */
export async function packageEpub(output: TransformOutput, extraFiles: Map<string, string | Uint8Array> = new Map()): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date: ZIP_DATE });
  // No folder entries: JSZip would stamp them with the clock, and the same input must give the same bytes.
  zip.file('META-INF/container.xml', CONTAINER, { date: ZIP_DATE, createFolders: false });
  const files = new Map<string, string | Uint8Array>([...output.documents, ...extraFiles]);
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name)!;
    // Encoded by Node (native) rather than by JSZip's own UTF-8 encoder: the same bytes, about twice as fast.
    zip.file(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, mimeType: 'application/epub+zip' });
}

/** The `epub` writer: xslt/epub.xsl's files (or book.xsl's, print-and-epub.ts), the bundled face and its licence, packaged. */
export const write: Writer = async (artifact, context) => {
  const output = await epubFiles(artifact, context);
  return [{ name: `${context.slug}.epub`, data: await packageEpub(output, epubFontFiles()) }];
};
