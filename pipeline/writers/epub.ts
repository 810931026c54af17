/**
 * The `epub` format. Packages the files the EPUB stylesheet produced into an EPUB 3 container
 * with jszip: `mimetype` first and stored, then META-INF and OEBPS. We do not
 * use epub-gen-memory: it rewrites chapter markup (dropping attributes such as
 * `data-*` and `datetime`) and stamps a copyright and date of its own.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { bundledFace, fontFaceCss } from '../render/fonts.js';
import { render } from './render.js';
import type { Writer } from './writer.js';
import type { TransformOutput } from './xslt.js';

/** A fixed timestamp for every zip entry, so that the same input gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** The RFC 4122 URL namespace: our names are the TEI documents themselves. */
const UUID_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based (version 5, SHA-1) UUID of the TEI text, for the EPUB's
 * `dc:identifier`: the same TEI always gives the same identifier, a changed
 * TEI (text, header or build date) a new one. Never the clock, never random.
 */
export function contentUuid(teiXml: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(teiXml, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSZip's own pieces (jszip 3.10.2, pinned) for an entry whose deflated bytes are already made. */
interface PrecompressedParts {
  CompressedObject: new (compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Uint8Array) => object;
  DEFLATE: unknown;
  deflateRaw: (data: Uint8Array, options: { level: number }) => Uint8Array;
}

let precompressedParts: PrecompressedParts | undefined;

function jszipParts(): PrecompressedParts {
  if (precompressedParts) return precompressedParts;
  const fromJszip = createRequire(createRequire(import.meta.url).resolve('jszip'));
  precompressedParts = {
    CompressedObject: fromJszip('./compressedObject'),
    DEFLATE: fromJszip('./compressions').DEFLATE,
    // The pako that JSZip deflates with, so the bytes are the ones it would make.
    deflateRaw: fromJszip('pako').deflateRaw,
  };
  return precompressedParts;
}

/** Compression level of every deflated entry. */
const LEVEL = 9;

/**
 * An entry's data as JSZip would deflate it at {@link LEVEL} (pako's raw
 * deflate; the same bytes whether fed whole or, as JSZip does, in chunks),
 * made here in one call, so that JSZip only writes it out: its streaming
 * compression (workers, a CRC in JavaScript) cost a third as much again as
 * the deflating (tests/epub-zip.test.ts compares the archives byte for byte).
 */
function deflated(data: Uint8Array): object | Uint8Array {
  if (data.length === 0) return data; // JSZip stores empty entries
  const { CompressedObject, DEFLATE, deflateRaw } = jszipParts();
  const compressed = deflateRaw(data, { level: LEVEL });
  return new CompressedObject(compressed.length, data.length, crc32(data), DEFLATE, compressed);
}

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
    zip.file(name, deflated(typeof data === 'string' ? Buffer.from(data, 'utf8') : data) as Uint8Array, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: LEVEL }, mimeType: 'application/epub+zip' });
}

/** The `epub` writer: xslt/epub.xsl's files, the bundled face and its licence, packaged. */
export const write: Writer = async (artifact, { slug, settings }) => {
  const face = bundledFace();
  const fonts = new Map<string, string | Uint8Array>(face.files.map((file) => [`OEBPS/fonts/${file.name}`, file.data]));
  fonts.set('OEBPS/fonts/OFL.txt', face.licence);
  const output = await render('epub', artifact, slug, settings, {
    uuid: contentUuid(artifact.xml),
    'font-faces': fontFaceCss((file) => `fonts/${file.name}`),
    'font-files': [...fonts.keys()].map((name) => name.slice('OEBPS/'.length)),
  });
  return [{ name: `${slug}.epub`, data: await packageEpub(output, fonts) }];
};
