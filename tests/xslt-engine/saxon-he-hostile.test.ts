/**
 * The Saxon-HE engine's JVM may not read a local file or reach the network
 * for a document or a stylesheet it runs: document(), doc(), unparsed-text(),
 * collection() and external entities are refused with a reason, entity
 * expansion is bounded, and xsl:result-document writes only into the
 * response. Its RELAX NG checks (Jing) parse documents the same way: no DTD,
 * external or parameter entity is read, on disk or from a listener on
 * 127.0.0.1. Skipped, with the reason, where Java, Saxon-HE, Jing or the
 * compiled engine is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SaxonHeProcess, relaxNgMissing, saxonHeMissing } from '../../pipeline/xslt-engine/saxon-he.js';
import { VALID } from '../validate-docs.js';

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

  it.skipIf(!!missing)(`refuses document() of a file the document names, with a reason (an error, not an empty result)${skip}`, async () => {
    const run = engine().transform('hostile', `<x href="file://${SECRET}"/>`, { what: 'document' });
    await expect(run).rejects.toThrow(/engine:no-external: a transform may not read/);
    await run.catch((error: Error) => expect(error.message).not.toContain('SECRET-CONTENT'));
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

describe('RELAX NG in the Saxon-HE engine with hostile input', () => {
  const why = missing ?? relaxNgMissing();
  const skipRng = why ? ` — skipped: ${why}` : '';
  /** An XML file whose element no schema allows: a check that read it would name the element. */
  const SECRET_XML = path.join(work, 'secret.xml');
  writeFileSync(SECRET_XML, '<secret-element-7f3a>SECRET-CONTENT-7f3a</secret-element-7f3a>');
  let server: Server;
  let base = '';
  const seen: string[] = [];
  let jvm: SaxonHeProcess | undefined;
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.end('<!ENTITY % all "<!ENTITY &#x25; send SYSTEM \'http://127.0.0.1:9/?x\'>">%all;');
    });
    server.on('connection', () => seen.push('connection'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await jvm?.close();
    await new Promise((resolve) => server.close(resolve));
  });
  /** The valid document with a DOCTYPE before its root and `inBody` at the start of its body. */
  const hostile = (doctype: string, inBody = '') => VALID.replace('<TEI ', `${doctype}\n<TEI `).replace('<body>', `<body>${inBody}`);

  it.skipIf(!!why)(`reads no external entity, DTD or parameter entity, on disk or on the network${skipRng}`, async () => {
    jvm ??= new SaxonHeProcess({});
    expect(jvm.checksRelaxNg).toBe(true);
    for (const xml of [
      hostile(`<!DOCTYPE TEI [<!ENTITY e SYSTEM "file://${SECRET_XML}">]>`, '&e;'),
      hostile(`<!DOCTYPE TEI [<!ENTITY e SYSTEM "${base}/entity.xml">]>`, '&e;'),
      hostile(`<!DOCTYPE TEI SYSTEM "file://${SECRET_XML}">`),
      hostile(`<!DOCTYPE TEI SYSTEM "${base}/evil.dtd">`),
      hostile(`<!DOCTYPE TEI [<!ENTITY % p SYSTEM "${base}/evil.dtd"> %p;]>`),
      hostile(`<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://${SECRET_XML}"> %p;]>`),
    ]) {
      const said = JSON.stringify(await jvm.checkRelaxNg(xml).catch((error: Error) => error.message));
      expect(said).not.toMatch(/secret-element|SECRET-CONTENT/);
    }
    // The same document with the element written out is refused, naming it: a check that had read the file would have said so.
    const written = await jvm.checkRelaxNg(hostile('', '<secret-element-7f3a>x</secret-element-7f3a>'));
    expect(JSON.stringify(written)).toMatch(/secret-element-7f3a/);
    expect(seen).toEqual([]);
  }, 180_000);

  it.skipIf(!!why)(`bounds entity expansion (a "billion laughs" document is refused as not well-formed, with a reason)${skipRng}`, async () => {
    jvm ??= new SaxonHeProcess({});
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const problems = await jvm.checkRelaxNg(hostile(`<!DOCTYPE TEI [<!ENTITY l0 "ha">${levels}]>`, '<p>&l10;</p>'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ fatal: true });
    expect(problems[0]!.message).toMatch(/entit/i);
    // And the next document is checked as ever.
    expect(await jvm.checkRelaxNg(VALID)).toEqual([]);
  }, 180_000);
});
