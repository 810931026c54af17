/**
 * Runs the project's stylesheets in SaxonJS. Stylesheets are compiled to SEF
 * once, at build time (`npm run build`), and loaded once per process.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxonJS, type SaxonDocument } from '../saxon.js';
import { isRuleId, type RuleId } from '../messages.js';

/** Folder of the compiled stylesheets (`build/xslt`). */
export const SEF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'xslt');

const compiled = new Map<string, unknown>();

function loadSef(name: string): unknown {
  let sef = compiled.get(name);
  if (!sef) {
    const file = path.join(SEF_DIR, `${name}.sef.json`);
    if (!existsSync(file)) {
      throw new Error(`the compiled stylesheet ${file} is missing; run "npm run build" (npm ci runs it) to compile xslt/${name}.xsl`);
    }
    sef = JSON.parse(readFileSync(file, 'utf8'));
    compiled.set(name, sef);
  }
  return sef;
}

/** The outputs of one transform: the principal result and any `xsl:result-document`s, keyed by their href. */
export interface TransformOutput {
  principal: string;
  documents: Map<string, string>;
  /**
   * The stylesheet's `xsl:message`s, in order. By the project's convention a
   * message starts with its rule id (`render:unknown-element: …`); writers
   * surface them as warnings (see {@link messageRule}).
   */
  messages: string[];
}

/** A stylesheet message split into its rule id and reason (`xslt:message` when it names no rule). */
export function messageRule(message: string): { ruleId: RuleId; reason: string } {
  const match = /^([a-z][a-z0-9-]*:[a-z0-9-]+):\s*(.*)$/s.exec(message.trim());
  return match && isRuleId(match[1]!) ? { ruleId: match[1], reason: match[2]! } : { ruleId: 'xslt:message', reason: message.trim() };
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
 * Transforms TEI with the stylesheet `xslt/<name>.xsl`: serialised, or a
 * document parsed once with `parseXml` and shared between stylesheets.
 */
export function runStylesheet(name: string, source: string | SaxonDocument, params: Record<string, unknown> = {}): TransformOutput {
  const { result, documents, messages } = transform(name, source, params, 'serialized');
  return { principal: (result as string | undefined) ?? '', documents, messages };
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
          documents.set(uri.startsWith(base) ? uri.slice(base.length) : uri, text);
        },
      }),
    },
    'sync',
  );
  return { result: result.principalResult, documents, messages };
}
