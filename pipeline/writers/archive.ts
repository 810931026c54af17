/**
 * The `archive` format: the archival TEI (xslt/archive.xsl), validated here
 * on its own tree: RELAX NG in full (inside the Saxon-HE engine where it can), and of the rules, which the edition TEI
 * passed, only those its changes can break.
 */
import type { XastNode } from '../xslt-engine/saxon-js-tree.js';
import { xsltEngine } from '../xslt-engine/index.js';
import { validateTei } from '../validate/index.js';
import { reportStylesheetMessages, stylesheetParams } from './render.js';
import type { Writer } from './writer.js';

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

export const write: Writer = async (artifact, { slug, settings }) => {
  // As a tree too (serialised as archive.xsl's xsl:output says), so that its rules need no second parse; and
  // checked against the schema where it is made when the engine can (Saxon-HE with Jing), so it is not sent back.
  const engine = xsltEngine(settings.engine);
  const archive = await engine.transform('archive', artifact.document(engine), stylesheetParams(artifact, slug, settings), { keepResult: true, checkResult: true });
  reportStylesheetMessages('archive', artifact, archive.messages);
  const phase = archiveKeepsEveryNode(artifact.layout as XastNode[] | undefined) ? 'archive' : undefined;
  await validateTei(archive.principal, artifact.log, { teiAll: settings.teiAll, label: `${slug}.archive.tei.xml`, document: () => archive.result!, engine, phase });
  return [{ name: `${slug}.archive.tei.xml`, data: archive.principal }];
};
