/**
 * What the XSLT writers share: the parameters every driver takes (documented
 * in xslt/common/params.xsl), running a driver on the edition's TEI, and
 * reporting the stylesheet's messages on the edition.
 */
import type { Edition } from '../edition.js';
import type { Settings } from '../settings.js';
import { editionDate, teiDocument } from '../stages.js';
import { fontFamily } from '../render/fonts.js';
import { messageRule, runStylesheet, type TransformOutput } from './xslt.js';

/** The parameters every XSLT driver shares, and `extra`. */
export function stylesheetParams(edition: Edition, slug: string, settings: Settings, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
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
export function reportStylesheetMessages(name: string, edition: Edition, messages: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  for (const [message, count] of counts) {
    const { ruleId, reason } = messageRule(message);
    edition.log.warn(ruleId, `${name}: ${reason}${count > 1 ? ` (${count} times)` : ''}`);
  }
}

/** Runs one of the XSLT drivers (html, epub) on the edition's TEI and reports its messages. */
export function render(name: 'html' | 'epub', edition: Edition, slug: string, settings: Settings, extra: Record<string, string | string[]> = {}): TransformOutput {
  const output = runStylesheet(name, teiDocument(edition), stylesheetParams(edition, slug, settings, extra));
  reportStylesheetMessages(name, edition, output.messages);
  return output;
}

/** The edition's address: the edition settings' `baseUrl` + slug + `/`, or '' when no base URL is set. */
export function editionUrl(settings: Settings, slug: string): string {
  return settings.edition.baseUrl ? `${settings.edition.baseUrl}${encodeURIComponent(slug)}/` : '';
}
