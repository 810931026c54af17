/**
 * What the writers and validators ask of an XSLT engine, whichever it is
 * (SaxonJS in this thread, or Saxon-HE on a warm JVM): run one of the
 * project's compiled stylesheets on a document and hand back the serialised
 * results. Only types and the serialisation rules both engines share live here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRuleId, type RuleId } from '../messages.js';

/** The engines: `saxonjs` (default; no Java needed) and `saxon-he` (Java, for batches). */
export const ENGINE_NAMES = ['saxonjs', 'saxon-he'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The project root (this file is build/xslt-engine/engine.js once compiled). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The stylesheets an engine runs: the XSLT drivers in xslt/ (book: the print
 * HTML and the EPUB in one transform) and the compiled
 * Schematron rules (whole, and the `archive` phase), which report problems as JSON.
 */
export const STYLESHEETS = {
  html: { xsl: 'xslt/html.xsl', sef: 'build/xslt/html.sef.json' },
  epub: { xsl: 'xslt/epub.xsl', sef: 'build/xslt/epub.sef.json' },
  book: { xsl: 'xslt/book.xsl', sef: 'build/xslt/book.sef.json' },
  archive: { xsl: 'xslt/archive.xsl', sef: 'build/xslt/archive.sef.json' },
  site: { xsl: 'xslt/site.xsl', sef: 'build/xslt/site.sef.json' },
  schematron: { xsl: 'build/schematron/tei-press.sch.xsl', sef: 'build/schematron/tei-press.sef.json' },
  'schematron-archive': { xsl: 'build/schematron/tei-press.archive.sch.xsl', sef: 'build/schematron/tei-press.archive.sef.json' },
} as const;
export type StylesheetName = keyof typeof STYLESHEETS;

/** The project's RELAX NG schema, which an engine may check documents against itself (Saxon-HE with Jing). */
export const RELAX_NG_SCHEMA = 'tei/tei-press.rng';

/** A problem an engine's RELAX NG check found: `fatal` when the document is not well-formed (nothing after it was checked). */
export interface SchemaProblem {
  fatal: boolean;
  line?: number;
  column?: number;
  message: string;
}

/**
 * A document made ready for transforms (parsed once, for SaxonJS): opaque
 * outside its engine; share it between the transforms of one document.
 */
export interface EngineDocument {
  readonly engine: EngineName;
}

/** The outputs of one transform: the principal result and any `xsl:result-document`s, keyed by their href. */
export interface TransformOutput {
  principal: string;
  documents: Map<string, string>;
  /**
   * The stylesheet's `xsl:message`s, in order. By the project's convention a
   * message starts with its rule id (`render:unknown-element: …`); writers
   * surface them as warnings (see `messageRule`).
   */
  messages: string[];
}

/** Stylesheet parameters: a string, or a sequence of strings. */
export type StylesheetParams = Record<string, string | readonly string[]>;

export interface XsltEngine {
  readonly name: EngineName;
  /**
   * Makes `xml` ready for several transforms; `nodes`, the xast nodes it was
   * serialised from when known, may spare a parse. May throw when `xml` is not
   * well-formed (or leave that to the first transform).
   */
  document(xml: string, nodes?: readonly unknown[]): EngineDocument;
  /**
   * Runs a stylesheet. With `keepResult`, the principal result also comes back
   * as a document ready for further transforms (the archival TEI's rules);
   * with `checkResult` as well, an engine that checks RELAX NG itself checks
   * that document against {@link RELAX_NG_SCHEMA} while it holds it, and
   * {@link XsltEngine.relaxNg} then answers for it without asking again.
   */
  transform(stylesheet: StylesheetName, source: EngineDocument, params?: StylesheetParams, options?: { keepResult?: boolean; checkResult?: boolean }): Promise<TransformOutput & { result?: EngineDocument }>;
  /**
   * Checks a document against {@link RELAX_NG_SCHEMA} inside the engine;
   * present only where the engine does that (Saxon-HE with Jing), else the
   * caller checks it (libxml2). The problems' places are lines and columns of the document's text.
   */
  relaxNg?(document: EngineDocument): Promise<SchemaProblem[]>;
  /** Ends what the engine keeps running (a JVM); it starts again on next use. */
  close(): Promise<void>;
}

/** An XML start or empty-element tag (attribute values never hold a raw `<` or `>` in serialised XML). */
const START_TAG = /<[A-Za-z][^<>]*>/g;

/**
 * The serialisation details in which Saxon-HE 9.9 and SaxonJS 2 differ though
 * both follow the stylesheet's `xsl:output`, and which no `xsl:output`
 * parameter of Saxon-HE settles (`saxon:line-length` is Saxon-PE's), brought
 * to one form for both engines: SaxonJS's, which the golden fixtures record.
 * On SaxonJS's output it changes nothing; after it the two engines' outputs
 * are byte-identical (tests/xslt-engine/engines.test.ts).
 *
 * - HTML: Saxon-HE writes `<!DOCTYPE HTML>`, SaxonJS `<!DOCTYPE html>`.
 * - XML, indented (content.opf): Saxon-HE puts a start tag's attributes on
 *   lines of their own past 80 characters, and ends the file with a newline;
 *   SaxonJS keeps one line and ends with the root's end tag. (A newline inside
 *   a tag can only be that wrapping: in attribute values it is `&#xA;`.)
 * - XHTML (EPUB content documents): SaxonJS ends the XML declaration and the
 *   DOCTYPE with a newline, writes empty elements as `<br />`, and declares
 *   the root's prefixed namespaces before the default one; Saxon-HE writes
 *   `…?><!DOCTYPE html><html xmlns="…" xmlns:epub="…">` and `<br/>`.
 */
export function sharedSerialisation(text: string): string {
  if (text.startsWith('<!DOCTYPE HTML>')) return `<!DOCTYPE html>${text.slice('<!DOCTYPE HTML>'.length)}`;
  if (!text.startsWith('<?xml ')) return text;
  let result = text.includes('\n') ? text.replace(START_TAG, (tag) => (tag.includes('\n') ? tag.replace(/\s*\n\s*/g, ' ') : tag)) : text;
  if (result.endsWith('>\n')) result = result.slice(0, -1);
  const xhtml = /^(<\?xml [^>]*\?>)\n?<!DOCTYPE html>\n?(?=<)/.exec(result);
  if (xhtml) {
    result = `${xhtml[1]}\n<!DOCTYPE html>\n${result.slice(xhtml[0].length)}`;
    result = result.replace(/<([A-Za-z][^<>]*?[^\s/<>])\/>/g, '<$1 />');
    result = result.replace(/<[A-Za-z][^<>]*>/, (root) => {
      const declarations = root.match(/ xmlns(?::[\w.-]+)?="[^"]*"/g) ?? [];
      const ordered = [...declarations.filter((item) => item.startsWith(' xmlns:')), ...declarations.filter((item) => item.startsWith(' xmlns='))];
      let next = 0;
      return root.replace(/ xmlns(?::[\w.-]+)?="[^"]*"/g, () => ordered[next++]!);
    });
  }
  return result;
}

/** A stylesheet message split into its rule id and reason (`xslt:message` when it names no rule). */
export function messageRule(message: string): { ruleId: RuleId; reason: string } {
  const match = /^([a-z][a-z0-9-]*:[a-z0-9-]+):\s*(.*)$/s.exec(message.trim());
  return match && isRuleId(match[1]!) ? { ruleId: match[1], reason: match[2]! } : { ruleId: 'xslt:message', reason: message.trim() };
}
