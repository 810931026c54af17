/**
 * The Saxon-HE engine's JVM may not read a local file or reach the network
 * for a document or a stylesheet it runs: document(), doc(), unparsed-text(),
 * collection() and external entities are refused with a reason, entity
 * expansion is bounded, and xsl:result-document writes only into the
 * response. Skipped, with the reason, where Java, Saxon-HE or the compiled
 * engine is missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SaxonHeProcess, saxonHeMissing } from '../../pipeline/xslt-engine/saxon-he.js';

const missing = spawnSync('java', ['-version']).status === 0 ? saxonHeMissing() : 'java is not installed';
const skip = missing ? ` — skipped: ${missing}` : '';
const work = mkdtempSync(path.join(tmpdir(), 'tei-press-hostile-'));
const SECRET = path.join(work, 'secret.txt');
writeFileSync(SECRET, 'SECRET-CONTENT-7f3a');
const ESCAPED = path.join(work, 'escaped.txt');

/** A stylesheet that does, on request, each thing a document must not make the engine do. */
const HOSTILE_XSL = `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="what" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
  <xsl:template match="/">
    <r>
      <xsl:choose>
        <xsl:when test="$what = 'text'"><xsl:value-of select="unparsed-text('file://${SECRET}')"/></xsl:when>
        <xsl:when test="$what = 'doc'"><xsl:copy-of select="doc('file://${SECRET}')"/></xsl:when>
        <xsl:when test="$what = 'document'"><xsl:copy-of select="document(string(/x/@href))"/></xsl:when>
        <xsl:when test="$what = 'network'"><xsl:copy-of select="doc('http://127.0.0.1:9/x.xml')"/></xsl:when>
        <xsl:when test="$what = 'collection'"><xsl:copy-of select="collection('file://${work}')"/></xsl:when>
        <xsl:when test="$what = 'write'"><xsl:result-document href="file://${ESCAPED}" method="text">escaped</xsl:result-document></xsl:when>
        <xsl:otherwise><xsl:copy-of select="/"/></xsl:otherwise>
      </xsl:choose>
    </r>
  </xsl:template>
</xsl:stylesheet>`;

describe('the Saxon-HE engine with hostile input', () => {
  let jvm: SaxonHeProcess | undefined;
  const engine = () => {
    if (!jvm) {
      const hostile = path.join(work, 'hostile.xsl');
      writeFileSync(hostile, HOSTILE_XSL);
      jvm = new SaxonHeProcess({ hostile, archive: path.resolve(import.meta.dirname, '..', '..', 'xslt', 'archive.xsl') });
    }
    return jvm;
  };
  afterAll(async () => {
    await jvm?.close();
  });

  for (const what of ['text', 'doc', 'network', 'collection']) {
    it.skipIf(!!missing)(`refuses ${what === 'network' ? 'a URL' : `a local file by ${what === 'text' ? 'unparsed-text' : what}()`}, with a reason${skip}`, async () => {
      const run = engine().transform('hostile', '<x/>', { what });
      await expect(run).rejects.toThrow(/engine:no-external: a transform may not read/);
      await run.catch((error: Error) => expect(error.message).not.toContain('SECRET-CONTENT'));
    }, 180_000);
  }

  it.skipIf(!!missing)(`reads nothing for document() of a file the document names (XSLT makes its failure recoverable: empty)${skip}`, async () => {
    const output = await engine().transform('hostile', `<x href="file://${SECRET}"/>`, { what: 'document' });
    expect(output.principal).toBe('<?xml version="1.0" encoding="UTF-8"?><r/>');
  }, 180_000);

  it.skipIf(!!missing)(`writes xsl:result-document into the response, never to disk${skip}`, async () => {
    const output = await engine().transform('hostile', '<x/>', { what: 'write' });
    expect([...output.documents.values()]).toEqual(['escaped']);
    expect(existsSync(ESCAPED)).toBe(false);
  }, 180_000);

  it.skipIf(!!missing)(`does not read an external entity or DTD of the document${skip}`, async () => {
    for (const xml of [
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file://${SECRET}">]><x>&e;</x>`,
      `<!DOCTYPE x SYSTEM "file://${SECRET}"><x/>`,
      `<!DOCTYPE x [<!ENTITY % p SYSTEM "file://${SECRET}"> %p;]><x/>`,
    ]) {
      const result = await engine().transform('hostile', xml, { what: 'copy' }).then((output) => output.principal, (error: Error) => error.message);
      expect(result).not.toContain('SECRET-CONTENT');
    }
  }, 180_000);

  it.skipIf(!!missing)(`bounds entity expansion (a "billion laughs" document fails with a reason)${skip}`, async () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<!DOCTYPE x [<!ENTITY l0 "ha">${levels}]><x>&l10;</x>`;
    await expect(engine().transform('hostile', xml, { what: 'copy' })).rejects.toThrow(/entit/i);
  }, 180_000);

  it.skipIf(!!missing)(`still serves the next document after refusing one${skip}`, async () => {
    const output = await engine().transform('hostile', '<x><y>kept</y></x>', { what: 'copy' });
    expect(output.principal).toContain('<y>kept</y>');
  }, 180_000);
});
