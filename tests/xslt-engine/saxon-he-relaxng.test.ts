/**
 * RELAX NG inside the Saxon-HE engine's JVM (Jing, java/TeiPressRng.java):
 * with `--engine saxon-he` and Jing installed, the project schema is checked
 * there, and the messages are those of the SaxonJS path (libxml2, whose
 * verdicts the jing command explains): the same rule ids, reasons and
 * line:column places. The archival TEI is checked in the JVM where it is made.
 * An invalid TEI fails the build and `validate` with a clear message and exit 1.
 * Skipped, with the reason, where Java, Saxon-HE, Jing or the compiled engine is missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, MessageLog, type Message } from '../../pipeline/messages.js';
import { validateTei } from '../../pipeline/validate/index.js';
import { closeXsltEngines, xsltEngine, type XsltEngine } from '../../pipeline/xslt-engine/index.js';
import { relaxNgMissing, saxonHeMissing } from '../../pipeline/xslt-engine/saxon-he.js';
import { runCli, SMALL_ARTICLE } from '../cli-helpers.js';
import { BODY, OUTSIDE_SUBSET, VALID, teiDocument } from '../validate-docs.js';

const missing = spawnSync('java', ['-version']).status !== 0
  ? 'java is not installed'
  : (saxonHeMissing() ?? relaxNgMissing() ?? (spawnSync('jing', [], { encoding: 'utf8' }).error ? 'the jing command is not installed' : undefined));
const skip = missing ? ` — skipped: ${missing}` : '';
const work = mkdtempSync(path.join(tmpdir(), 'tei-press-relaxng-'));

afterAll(async () => {
  await closeXsltEngines();
  rmSync(work, { recursive: true, force: true });
});

/** Validates with the engine and returns every message (the closing schema:invalid included). */
async function check(xml: string, engine: XsltEngine, label?: string): Promise<Message[]> {
  const log = new MessageLog('doc.tei.xml');
  try {
    await validateTei(xml, log, { label, engine });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    log.error(error.ruleId, error.message, error.place);
  }
  return log.messages;
}

/** An article naming a person of a user register whose entry holds an element outside the schema: its TEI is invalid. */
function invalidRegisterArticle(): string[] {
  const registers = path.join(work, 'registers');
  mkdirSync(registers, { recursive: true });
  writeFileSync(path.join(registers, 'persons.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<standOff>\n<listPerson>\n<person xml:id="pers-zed-zackary"><persName type="preferred">Zed Zackary</persName><blink>odd</blink></person>\n</listPerson>\n</standOff>\n</TEI>\n`);
  writeFileSync(path.join(work, 'article.txt'), SMALL_ARTICLE.replace('The first paragraph', 'Zed Zackary wrote that the first paragraph'));
  return ['article.txt', '--registers', registers];
}

const INVALID_TEI_MESSAGE = /^article\.txt:\d+:\d+: error: TEI:\d+:\d+: not valid against the project schema tei\/tei-press\.rng: element "blink" not allowed .*\[schema:rng\]$/m;

const shown = (messages: Message[]) => messages.map((message) => [message.severity, message.ruleId, message.reason, message.place]);

/** Documents the project schema refuses, each for one reason. */
const INVALID: Record<string, string> = {
  ...OUTSIDE_SUBSET,
  'an element outside TEI': teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p3"><blink>x</blink>') }),
  'a document in no namespace': VALID.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ''),
  'a repeated xml:id': teiDocument({ body: BODY.replace('<p xml:id="p3">', '<p xml:id="p1">') }),
};

describe.skipIf(!!missing)(`RELAX NG in the Saxon-HE engine's JVM${skip}`, () => {
  const saxonHe = xsltEngine('saxon-he');

  it('is what the engine does (no libxml2 worker is needed)', () => {
    expect(saxonHe.relaxNg).toBeTypeOf('function');
    expect(xsltEngine('saxonjs').relaxNg).toBeUndefined();
  });

  it('passes the valid document', async () => {
    expect(await check(VALID, saxonHe)).toEqual([]);
  }, 180_000);

  for (const [what, xml] of Object.entries(INVALID)) {
    it(`refuses ${what} with the messages of the SaxonJS path`, async () => {
      const viaJvm = await check(xml, saxonHe);
      expect(viaJvm.map((message) => message.ruleId)).toContain('schema:rng');
      expect(viaJvm.at(-1)!.ruleId).toBe('schema:invalid');
      expect(shown(viaJvm)).toEqual(shown(await check(xml, xsltEngine('saxonjs'))));
    }, 180_000);
  }

  it('names the document and puts its positions in the text when labelled (as for the archival TEI)', async () => {
    const xml = INVALID['an element outside TEI']!;
    const messages = await check(xml, saxonHe, 'x.archive.tei.xml');
    const line = xml.slice(0, xml.indexOf('<blink>')).split('\n').length;
    const column = xml.indexOf('<blink>') - xml.lastIndexOf('\n', xml.indexOf('<blink>')) + '<blink>'.length;
    expect(messages[0]).toMatchObject({ ruleId: 'schema:rng', place: undefined });
    expect(messages[0]!.reason).toMatch(new RegExp(`^x\\.archive\\.tei\\.xml:${line}:${column}: not valid against the project schema tei/tei-press\\.rng: element "blink" not allowed`));
  }, 180_000);

  it('refuses XML that is not well-formed, at its place, with only that message', async () => {
    const broken = await check('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n', saxonHe);
    expect(broken.map((message) => message.ruleId)).toEqual(['schema:well-formed', 'schema:invalid']);
    expect(broken[0]!.place?.line).toBe(3);
    // An undeclared entity: fast-xml-parser lets it through, the JVM's parser says why it refuses it.
    const xml = VALID.replace('<p xml:id="p3">See', '<p xml:id="p3">See &nbsp;');
    const entity = await check(xml, saxonHe);
    expect(entity.map((message) => message.ruleId)).toEqual(['schema:well-formed', 'schema:invalid']);
    expect(entity[0]!.reason).toMatch(/nbsp/);
    expect(entity[0]!.place?.line).toBe(xml.slice(0, xml.indexOf('&nbsp;')).split('\n').length);
  }, 180_000);

  it('checks the archival TEI where archive.xsl makes it, at its lines', async () => {
    const archive = async (xml: string) => {
      const output = await saxonHe.transform('archive', saxonHe.document(xml), { slug: 'doe-1941-test' }, { keepResult: true, checkResult: true });
      return check(output.principal, saxonHe, 'doe-1941-test.archive.tei.xml').then((messages) => ({ messages, text: output.principal }));
    };
    expect((await archive(VALID)).messages).toEqual([]);
    const { messages, text } = await archive(INVALID['an element outside TEI']!);
    const at = text.indexOf('<blink>');
    expect(at).toBeGreaterThan(0);
    expect(messages.map((message) => message.ruleId)).toEqual(['schema:rng', 'schema:invalid']);
    expect(messages[0]!.reason).toMatch(new RegExp(`^doe-1941-test\\.archive\\.tei\\.xml:${text.slice(0, at).split('\n').length}:\\d+: not valid against the project schema tei/tei-press\\.rng: element "blink" not allowed`));
  }, 180_000);

  it('fails a build whose TEI is invalid (a user register with an element outside the schema), as SaxonJS does: message and exit 1', () => {
    const input = invalidRegisterArticle();
    const run = (engine: string) => runCli(['build', ...input, '--out', `out-${engine}`, '--engine', engine], work);
    const viaJvm = run('saxon-he');
    expect(viaJvm.code).toBe(1);
    expect(viaJvm.stderr).toMatch(INVALID_TEI_MESSAGE);
    expect(viaJvm.stderr).toMatch(/^article\.txt:\d+:\d+: error: TEI is not valid: 1 problem \(listed above\) \[schema:invalid\]$/m);
    expect(viaJvm.stderr).not.toMatch(/^\s+at /m);
    expect(viaJvm.stderr).toBe(run('saxonjs').stderr);
  }, 360_000);

  it('validate --engine saxon-he: an invalid file gets its message and exit 1, a valid one passes', () => {
    writeFileSync(path.join(work, 'good.tei.xml'), VALID);
    writeFileSync(path.join(work, 'bad.tei.xml'), INVALID['an element outside TEI']!);
    const result = runCli(['validate', '--engine', 'saxon-he', 'good.tei.xml', 'bad.tei.xml'], work);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('valid good.tei.xml\n');
    expect(result.stderr).toMatch(/^bad\.tei\.xml:\d+:\d+: error: not valid against the project schema tei\/tei-press\.rng: element "blink" not allowed .*\[schema:rng\]$/m);
    expect(result.stderr).toMatch(/^bad\.tei\.xml:1:1: error: the document is not valid: 1 problem \(listed above\) \[schema:invalid\]$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 360_000);
});

describe('without Jing', () => {
  const why = spawnSync('java', ['-version']).status !== 0 ? 'java is not installed' : saxonHeMissing();
  it.skipIf(!!why)(`the Saxon-HE engine builds as before, and libxml2 checks the schema${why ? ` — skipped: ${why}` : ''}`, () => {
    const env = { ...process.env, TEI_PRESS_JING_JAR: path.join(work, 'no-jing.jar') };
    const script = `import('${path.resolve('build/xslt-engine/index.js')}').then((m) => console.log(typeof m.xsltEngine('saxon-he').relaxNg))`;
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env }).stdout.trim()).toBe('undefined');
    writeFileSync(path.join(work, 'plain.txt'), SMALL_ARTICLE);
    const cli = (args: string[]) => spawnSync(process.execPath, [path.resolve('build/cli.js'), 'build', ...args, '--engine', 'saxon-he', '--formats', 'tei,archive'], { cwd: work, encoding: 'utf8', env });
    const valid = cli(['plain.txt', '--out', 'out-no-jing']);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/1 built/);
    const invalid = cli([...invalidRegisterArticle(), '--out', 'out-no-jing-invalid']);
    expect(invalid.status).toBe(1);
    // libxml2's verdict, explained by the jing command where it is installed.
    expect(invalid.stderr).toMatch(/^article\.txt:\d+:\d+: error: TEI:\d+:\d+: not valid against the project schema tei\/tei-press\.rng: .*\[schema:rng\]$/m);
  }, 360_000);
});
