/**
 * What the XSLT writers share: the parameters every driver takes (documented
 * in xslt/common/params.xsl) and reporting the stylesheet's messages on the
 * edition. The drivers run in print-and-epub.ts and archive.ts.
 */
import type { TeiArtifact } from '../artifact.js';
import type { Settings } from '../settings.js';
import { fontFamily } from '../render/fonts.js';
import { messageRule } from '../xslt-engine/index.js';

/** The parameters every XSLT driver shares, and `extra`. */
export function stylesheetParams(artifact: TeiArtifact, slug: string, settings: Settings, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    slug,
    'tool-version': settings.toolVersion,
    modified: artifact.editionDate,
    'edition-url': editionUrl(settings, slug),
    'identifier-scheme': settings.edition.identifier,
    'font-family': fontFamily(settings.edition.fonts?.body),
    ...extra,
  };
}

/** Reports a stylesheet's messages as warnings on the edition, each rule once with a count. */
export function reportStylesheetMessages(name: string, artifact: TeiArtifact, messages: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  for (const [message, count] of counts) {
    const { ruleId, reason } = messageRule(message);
    artifact.log.warn(ruleId, `${name}: ${reason}${count > 1 ? ` (${count} times)` : ''}`);
  }
}

/** The edition's address: the edition settings' `baseUrl` + slug + `/`, or '' when no base URL is set. */
export function editionUrl(settings: Settings, slug: string): string {
  return settings.edition.baseUrl ? `${settings.edition.baseUrl}${encodeURIComponent(slug)}/` : '';
}
