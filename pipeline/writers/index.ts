/**
 * The registry of output formats: a name to one writer (Pandoc's Writers.hs).
 * Writers start from the serialised TEI and return files; they never write to
 * disk themselves, so a failed build leaves nothing half-written.
 */
import type { Edition } from '../stages.js';
import type { OutputFormat, Settings } from '../settings.js';
import { messageRule, xsltEngine, type StylesheetName, type TransformOutput } from '../xslt-engine/index.js';
import { contentUuid, packageEpub } from './epub.js';
import { validateTei } from '../validate/index.js';
import { writePdf } from './pdf.js';
import { writeBag } from './bag.js';
import { editionDate, teiDocument } from '../stages.js';
import type { XastNode } from '../xslt-engine/saxon-js-tree.js';
import { reviewHtml, reviewItemsOf, reviewJson, titleOfTei } from '../enrich/review.js';
import { bundledFace, fontFaceCss, fontFamily, inlineFontFaceCss } from '../render/fonts.js';
import { hyphenateHtml } from '../render/hyphenate.js';

import type { OutputFile } from './output-file.js';

export type { OutputFile };

export interface WriterContext {
  slug: string;
  settings: Settings;
  /** The files the writers that ran before this one made in the same build (the `bag` writer packs them). */
  outputs?: readonly OutputFile[];
}

export type Writer = (edition: Edition, context: WriterContext) => Promise<OutputFile[]>;

/** The parameters every XSLT driver shares (documented in xslt/common/params.xsl), and `extra`. */
function stylesheetParams(edition: Edition, slug: string, settings: Settings, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const date = editionDate(edition, settings);
  return {
    slug,
    'tool-version': settings.toolVersion,
    // Only a full date makes a dcterms:modified; otherwise the stylesheet takes the TEI's own edition date.
    modified: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
    'edition-url': editionUrl(settings, slug),
    'identifier-scheme': settings.edition.identifier,
    'font-family': fontFamily(settings.edition.fonts?.body),
    ...extra,
  };
}

/** Reports a stylesheet's messages as warnings on the edition, each rule once with a count. */
function reportStylesheetMessages(name: string, edition: Edition, messages: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  for (const [message, count] of counts) {
    const { ruleId, reason } = messageRule(message);
    edition.log.warn(ruleId, `${name}: ${reason}${count > 1 ? ` (${count} times)` : ''}`);
  }
}

/** Runs one of the XSLT drivers (html, epub) on the edition's TEI, in the chosen engine, and reports its messages. */
async function render(name: StylesheetName, edition: Edition, slug: string, settings: Settings, extra: Record<string, string | string[]> = {}): Promise<TransformOutput> {
  const engine = xsltEngine(settings.engine);
  const output = await engine.transform(name, teiDocument(edition, engine), stylesheetParams(edition, slug, settings, extra));
  reportStylesheetMessages(name, edition, output.messages);
  return output;
}

/** The edition's address: the edition settings' `baseUrl` + slug + `/`, or '' when no base URL is set. */
export function editionUrl(settings: Settings, slug: string): string {
  return settings.edition.baseUrl ? `${settings.edition.baseUrl}${encodeURIComponent(slug)}/` : '';
}

/**
 * The print HTML: the bundled face inlined (it must stand alone), and soft
 * hyphens in the text by the patterns of the document's language.
 */
async function printHtml(edition: Edition, slug: string, settings: Settings): Promise<string> {
  const html = (await render('html', edition, slug, settings, { 'font-faces': inlineFontFaceCss() })).principal;
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'und';
  return hyphenateHtml(html, lang);
}

const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

/**
 * True when xslt/archive.xsl keeps every element and attribute of the edition
 * TEI (the nodes it was written from): all elements in the TEI namespace, no
 * attribute in a namespace other than XML's. Then the archival TEI differs from
 * the edition, which passed every rule, only by its xml-model instructions and
 * one revision entry, and the `archive` phase of the rules is enough.
 */
export function archiveKeepsEveryNode(nodes: readonly XastNode[] | undefined, namespace?: string): boolean {
  if (!nodes) return false;
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const declared = node.attributes.xmlns;
    const uri = declared === undefined || declared === null ? namespace : declared;
    if (node.name.includes(':') || uri !== TEI_NAMESPACE) return false;
    for (const name of Object.keys(node.attributes)) {
      if (name.includes(':') && !name.startsWith('xml:') && !name.startsWith('xmlns:')) return false;
    }
    if (!archiveKeepsEveryNode(node.children, uri)) return false;
  }
  return true;
}

export const writers: Record<OutputFormat, Writer> = {
  tei: async (edition, { slug }) => [{ name: `${slug}.tei.xml`, data: edition.teiXml! }],
  html: async (edition, { slug, settings }) => [{ name: `${slug}.html`, data: await printHtml(edition, slug, settings) }],
  archive: async (edition, { slug, settings }) => {
    // As a tree too (serialised as archive.xsl's xsl:output says), so that its rules need no second parse.
    const engine = xsltEngine(settings.engine);
    const archive = await engine.transform('archive', teiDocument(edition, engine), stylesheetParams(edition, slug, settings), { keepResult: true });
    reportStylesheetMessages('archive', edition, archive.messages);
    // RELAX NG in full; of the rules, which the edition TEI passed, only those the archival changes can break.
    const phase = archiveKeepsEveryNode(edition.teiLayout as XastNode[] | undefined) ? 'archive' : undefined;
    await validateTei(archive.principal, edition.log, { teiAll: settings.teiAll, label: `${slug}.archive.tei.xml`, document: () => archive.result!, engine, phase });
    return [{ name: `${slug}.archive.tei.xml`, data: archive.principal }];
  },
  epub: async (edition, { slug, settings }) => {
    // The bundled face goes into the package as files, with its licence beside them.
    const face = bundledFace();
    const fonts = new Map<string, string | Uint8Array>(face.files.map((file) => [`OEBPS/fonts/${file.name}`, file.data]));
    fonts.set('OEBPS/fonts/OFL.txt', face.licence);
    const output = await render('epub', edition, slug, settings, {
      uuid: contentUuid(edition.teiXml!),
      'font-faces': fontFaceCss((file) => `fonts/${file.name}`),
      'font-files': [...fonts.keys()].map((name) => name.slice('OEBPS/'.length)),
    });
    return [{ name: `${slug}.epub`, data: await packageEpub(output, fonts) }];
  },
  review: async (edition, { slug }) => {
    const items = reviewItemsOf(edition);
    const title = titleOfTei(edition.tei);
    const source = edition.path.split(/[\\/]/).pop()!;
    return [
      { name: `${slug}.review.json`, data: reviewJson(title, source, items, { slug, messages: edition.log.messages }) },
      { name: `${slug}.review.html`, data: reviewHtml(title, source, items, { slug, messages: edition.log.messages }) },
    ];
  },
  // The PDF is printed from exactly what the html writer makes (rerunning it costs milliseconds).
  pdf: async (edition, context) =>
    writePdf(await writers.html(edition, context), context.slug, {
      chromium: context.settings.chromium,
      date: editionDate(edition, context.settings),
      log: edition.log,
    }),
  bag: async (edition, { slug, settings, outputs = [] }) =>
    writeBag({
      slug,
      source: { name: edition.path, bytes: edition.bytes },
      outputs,
      tei: edition.tei,
      date: editionDate(edition, settings),
      toolVersion: settings.toolVersion,
      url: editionUrl(settings, slug) || undefined,
    }),
};
