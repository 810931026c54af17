/**
 * SaxonJS, loaded with `require`: it is a 2.4 MB CommonJS file, and importing
 * it from an ES module makes Node scan the whole file for named exports first,
 * which costs a few hundred milliseconds at every start.
 */
import { createRequire } from 'node:module';
import type SaxonJSModule from 'saxon-js';

export const SaxonJS = createRequire(import.meta.url)('saxon-js') as typeof SaxonJSModule;

/** A document parsed by SaxonJS's own parser, ready to be a transform's `sourceNode`. */
export type SaxonDocument = { readonly nodeType: number } & object;

interface Platform {
  parseXmlFromString(text: string): SaxonDocument;
}

/**
 * Parses XML once into the tree SaxonJS transforms, so that several
 * stylesheets (the writers, the Schematron rules) can share one parse: for a
 * 35 KB article's TEI the parse costs about as much as a small transform.
 * Throws, like a transform given the text, when the XML is not well-formed.
 */
export function parseXml(text: string): SaxonDocument {
  return (SaxonJS as unknown as { getPlatform(): Platform }).getPlatform().parseXmlFromString(text);
}

/**
 * Forgets the key indexes SaxonJS cached on a shared document. Each compiled
 * stylesheet's keys have their own ids, so stylesheets never see each other's
 * indexes; this only frees memory held by a document kept for later.
 */
export function forgetIndexes(document: SaxonDocument): void {
  (SaxonJS as unknown as { resetIndexes(doc: SaxonDocument): boolean }).resetIndexes(document);
}
