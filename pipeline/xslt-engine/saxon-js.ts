/**
 * The SaxonJS engine: runs the project's stylesheets in this thread.
 * Stylesheets are compiled to SEF once, at build time (`npm run build`), and
 * loaded once per thread; a document is parsed once (or built straight from
 * the nodes it was written from) and that tree shared by every transform.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { SaxonJS, parseXml, saxonDocumentOf, type SaxonDocument, type XastNode } from './saxon-js-tree.js';
import { ROOT, STYLESHEETS, sharedSerialisation, type EngineDocument, type StylesheetName, type StylesheetParams, type TransformOutput, type XsltEngine } from './engine.js';

export { messageRule, type TransformOutput } from './engine.js';

/** Folder of the compiled stylesheets (`build/xslt`). */
export const SEF_DIR = path.join(ROOT, 'build', 'xslt');

const compiled = new Map<string, unknown>();

/** A compiled stylesheet: a driver of xslt/ by name, or a SEF file by path. */
function loadSef(nameOrFile: string): unknown {
  let sef = compiled.get(nameOrFile);
  if (!sef) {
    const file = nameOrFile.endsWith('.sef.json') ? nameOrFile : path.join(SEF_DIR, `${nameOrFile}.sef.json`);
    if (!existsSync(file)) {
      throw new Error(`the compiled stylesheet ${file} is missing; run "npm run build" (npm ci runs it) to compile it`);
    }
    sef = JSON.parse(readFileSync(file, 'utf8'));
    compiled.set(nameOrFile, sef);
  }
  return sef;
}

/** The text of what SaxonJS hands to `deliverMessage` (a document fragment, or a string). */
function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  const text = (message as { textContent?: unknown } | null)?.textContent;
  return typeof text === 'string' ? text : String(message);
}

/** How a principal result tree is serialised: what the stylesheet's `xsl:output` says. */
export interface Serialization {
  method: 'xml';
  indent: boolean;
}

/**
 * Transforms TEI with the stylesheet `xslt/<name>.xsl` (or a compiled SEF
 * file), in this thread: serialised, or a document parsed once with
 * `parseXml` and shared between stylesheets.
 */
export function runStylesheet(name: string, source: string | SaxonDocument, params: Record<string, unknown> = {}): TransformOutput {
  const { result, documents, messages } = transform(name, source, params, 'serialized');
  return { principal: sharedSerialisation((result as string | undefined) ?? ''), documents, messages };
}

/**
 * Like {@link runStylesheet}, but also gives the principal result as SaxonJS's
 * tree, so that it can be checked without parsing its text again; the text is
 * that tree serialised as `serialization` says, which must be the stylesheet's
 * own `xsl:output` (the same bytes, tests/writers-archive.test.ts).
 */
export function runStylesheetToTree(
  name: string,
  source: string | SaxonDocument,
  params: Record<string, unknown>,
  serialization: Serialization,
): TransformOutput & { tree: SaxonDocument } {
  const { result, documents, messages } = transform(name, source, params, 'document');
  const tree = result as SaxonDocument;
  const text = (SaxonJS as unknown as { serialize(node: unknown, options: object): string | Uint8Array }).serialize(tree, serialization);
  return { principal: typeof text === 'string' ? text : Buffer.from(text).toString('utf8'), documents, messages, tree };
}

/** The principal result (text or tree, as `destination` says), the secondary results and the messages. */
function transform(
  name: string,
  source: string | SaxonDocument,
  params: Record<string, unknown>,
  destination: 'serialized' | 'document',
): { result: unknown; documents: Map<string, string>; messages: string[] } {
  const documents = new Map<string, string>();
  const messages: string[] = [];
  const base = 'file:///out/';
  const result = SaxonJS.transform(
    {
      stylesheetInternal: loadSef(name),
      ...(typeof source === 'string' ? { sourceText: source } : { sourceNode: source }),
      destination,
      stylesheetParams: params,
      baseOutputURI: base,
      deliverMessage: (message: unknown) => {
        messages.push(messageText(message));
      },
      deliverResultDocument: (target: unknown) => ({
        destination: 'serialized',
        save: (_resolved: unknown, text: string) => {
          const uri = String(target);
          documents.set(uri.startsWith(base) ? uri.slice(base.length) : uri, sharedSerialisation(text));
        },
      }),
    },
    'sync',
  );
  return { result: result.principalResult, documents, messages };
}

/** A document for this engine: SaxonJS's tree, made on first use. */
interface SaxonJsDocument extends EngineDocument {
  readonly engine: 'saxonjs';
  tree(): SaxonDocument;
}

function saxonJsDocument(make: () => SaxonDocument): SaxonJsDocument {
  let tree: SaxonDocument | undefined;
  return { engine: 'saxonjs', tree: () => (tree ??= make()) };
}

/** The tree of a document made by this engine (for callers that need SaxonJS itself). */
export function saxonTreeOf(document: EngineDocument): SaxonDocument {
  if (document.engine !== 'saxonjs') throw new Error(`a ${document.engine} document given to SaxonJS`);
  return (document as SaxonJsDocument).tree();
}

/** How the stylesheets' principal results are serialised when also kept as trees (their `xsl:output`). */
const TREE_SERIALIZATION: Partial<Record<StylesheetName, Serialization>> = {
  archive: { method: 'xml', indent: false },
};

export const saxonJsEngine: XsltEngine = {
  name: 'saxonjs',
  document(xml, nodes) {
    // The tree from the nodes is the one parsing gives (tests/saxon-tree.test.ts), five times faster.
    const tree = (nodes && saxonDocumentOf(nodes as XastNode[])) || parseXml(xml);
    return saxonJsDocument(() => tree);
  },
  async transform(stylesheet, source, params: StylesheetParams = {}, options = {}) {
    const sef = STYLESHEETS[stylesheet].sef;
    const file = path.join(ROOT, sef);
    const name = sef.startsWith('build/xslt/') ? stylesheet : file;
    if (!options.keepResult) return runStylesheet(name, saxonTreeOf(source), params);
    const serialization = TREE_SERIALIZATION[stylesheet];
    if (!serialization) throw new Error(`no serialisation known for keeping the result of ${stylesheet}`);
    const output = runStylesheetToTree(name, saxonTreeOf(source), params, serialization);
    return { ...output, result: saxonJsDocument(() => output.tree) };
  },
  async close() {},
};
