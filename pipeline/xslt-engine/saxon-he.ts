/**
 * The Saxon-HE engine: one long-lived JVM per thread (java/TeiPressXslt.java,
 * compiled by `npm run build` against Debian's Saxon-HE 9.9 jar) that
 * compiles the stylesheets once and serves transforms over its stdin/stdout;
 * where Debian's Jing is installed, the same JVM also checks documents against
 * the project's RELAX NG schema (java/TeiPressRng.java), compiled once too.
 * Java's start-up and the compilation (≈ 3.6 s of CPU) are paid once per worker,
 * so it is for batches; SaxonJS stays the default.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { RELAX_NG_SCHEMA, ROOT, STYLESHEETS, sharedSerialisation, type EngineDocument, type SchemaProblem, type StylesheetName, type StylesheetParams, type TransformOutput, type XsltEngine } from './engine.js';

/** Debian's Saxon-HE (package libsaxonhe-java), the only jar the engine uses; none is downloaded. */
export const SAXON_HE_JAR = process.env.TEI_PRESS_SAXON_HE_JAR ?? '/usr/share/java/Saxon-HE.jar';
/** Debian's Jing (package jing): with it the engine's JVM checks RELAX NG too; without it libxml2 does, in Node. */
export const JING_JAR = process.env.TEI_PRESS_JING_JAR ?? '/usr/share/java/jing.jar';
/** Where `npm run build` compiles java/ (pipeline/tools/compile-java.ts). */
export const ENGINE_CLASSES = path.join(ROOT, 'build', 'java');
const ENGINE_CLASS = 'TeiPressXslt';
/** The RELAX NG checker, compiled only where Jing's jar is. */
const RELAX_NG_CLASS = 'TeiPressRng';

/**
 * The stylesheets the JVM compiles: all of the project's but the web
 * edition's (xslt/site.xsl), which only SaxonJS runs (pipeline/site/), so
 * that its compilation adds nothing to a worker's start.
 */
const JVM_STYLESHEETS = (Object.keys(STYLESHEETS) as StylesheetName[]).filter((name) => name !== 'site');

/**
 * JVM options: the serial collector (one GC thread: on 2 shared cores a
 * parallel one competes with the other worker); the C1 compiler only — on the
 * seed, with C2 as well the start took 6.4 s of CPU instead of 3.6 s and
 * took ≈ 100 articles to pay back (≈ 60 against ≈ 80 ms of CPU per article
 * after), so for batches of hundreds C1 alone costs less; and a heap bound
 * that keeps a JVM per worker inside the batch's memory budget, given back
 * after a peak (the free-ratio bounds). `TEI_PRESS_JVM_OPTIONS` replaces
 * them (for measuring).
 */
const JVM_OPTIONS = process.env.TEI_PRESS_JVM_OPTIONS?.split(/\s+/).filter(Boolean) ?? ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xmx384m', '-XX:MinHeapFreeRatio=10', '-XX:MaxHeapFreeRatio=30', '-Xss8m', '-XX:-UsePerfData'];

/** The first four bytes the engine writes once its stylesheets are compiled. */
const READY = 0x7e1a0001;

/** Why the Saxon-HE engine cannot run here, or undefined when it can (Java itself is found when it starts). */
export function saxonHeMissing(): string | undefined {
  if (!existsSync(SAXON_HE_JAR)) return `Saxon-HE is not installed (${SAXON_HE_JAR}; Debian package libsaxonhe-java)`;
  if (!existsSync(path.join(ENGINE_CLASSES, `${ENGINE_CLASS}.class`))) return `the engine's Java class is not compiled (${ENGINE_CLASSES}; "npm run build" compiles it when javac is installed)`;
  return undefined;
}

/** Why the engine's JVM cannot check RELAX NG itself (then libxml2 does, in Node), or undefined when it can. */
export function relaxNgMissing(): string | undefined {
  if (!existsSync(JING_JAR)) return `Jing is not installed (${JING_JAR}; Debian package jing)`;
  if (!existsSync(path.join(ENGINE_CLASSES, `${RELAX_NG_CLASS}.class`))) return `the engine's RELAX NG class is not compiled (${ENGINE_CLASSES}; "npm run build" compiles it when Jing is installed)`;
  return undefined;
}

/**
 * A document for this engine: its text, which the JVM parses (a few ms) for
 * each request; for a result checked where it was made, the check's problems.
 */
interface SaxonHeDocument extends EngineDocument {
  readonly engine: 'saxon-he';
  readonly xml: string;
  readonly relaxNg?: SchemaProblem[];
}

function encodeString(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
}

function encodeInt(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

/** Reads the response format of java/TeiPressXslt.java. */
class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}
  int(): number {
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  string(): string {
    const length = this.int();
    const text = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return text;
  }
}

interface Request {
  frame: Buffer;
  resolve(response: Buffer): void;
  reject(error: Error): void;
}

/**
 * One JVM serving transforms with the stylesheets it was started with (by
 * default the project's, {@link STYLESHEETS}, but the web edition's) and
 * RELAX NG checks with the schema it was started with (by default the
 * project's, where Jing is installed), one request at a time.
 */
export class SaxonHeProcess {
  /** True when the JVM was started with a RELAX NG schema (see {@link checkRelaxNg}). */
  readonly checksRelaxNg: boolean;
  private readonly child: ChildProcessWithoutNullStreams;
  private received: Buffer = Buffer.alloc(0);
  private ready = false;
  private readonly queue: Request[] = [];
  private stderr = '';
  private ended: Error | undefined;

  /**
   * @param files stylesheet files by the name requests use
   * @param schema the RELAX NG schema file to check documents against (none: the JVM checks nothing)
   */
  constructor(
    files: Record<string, string> = Object.fromEntries(JVM_STYLESHEETS.map((name) => [name, path.join(ROOT, STYLESHEETS[name].xsl)])),
    schema: string | undefined = relaxNgMissing() ? undefined : path.join(ROOT, RELAX_NG_SCHEMA),
  ) {
    const missing = saxonHeMissing();
    if (missing) throw new Error(`the saxon-he engine cannot run: ${missing}`);
    this.checksRelaxNg = schema !== undefined;
    const stylesheets = Object.entries(files).map(([name, file]) => `${name}=${file}`);
    const classPath = [ENGINE_CLASSES, SAXON_HE_JAR, ...(schema ? [JING_JAR] : [])].join(path.delimiter);
    const args = [...JVM_OPTIONS, '-cp', classPath, ENGINE_CLASS, ...(schema ? [`--relaxng=${schema}`] : []), ...stylesheets];
    this.child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.child.on('error', (error) => this.fail(new Error(`the saxon-he engine did not start (is Java installed?): ${error.message}`)));
    this.child.on('close', (code, signal) => this.fail(new Error(`the saxon-he engine ended (${signal ?? `exit ${code}`})${this.stderr ? `: ${this.stderr.trim()}` : ''}`)));
    this.child.stdin.on('error', () => undefined);
    this.idle();
  }

  /** Lets the process exit while nothing is asked of the JVM (it ends when our end of its stdin closes). */
  private idle(): void {
    this.child.unref();
    for (const stream of [this.child.stdout, this.child.stderr, this.child.stdin]) (stream as unknown as Socket).unref();
  }

  private busy(): void {
    this.child.ref();
    (this.child.stdout as unknown as Socket).ref();
  }

  private fail(error: Error): void {
    this.ended ??= error;
    for (const request of this.queue.splice(0)) request.reject(this.ended);
    this.idle();
  }

  private receive(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    for (;;) {
      if (!this.ready) {
        if (this.received.length < 4) return;
        if (this.received.readUInt32BE(0) !== READY) return this.fail(new Error('the saxon-he engine answered out of protocol'));
        this.ready = true;
        this.received = this.received.subarray(4);
        continue;
      }
      if (this.received.length < 4) return;
      const length = this.received.readUInt32BE(0);
      if (this.received.length < 4 + length) return;
      const response = this.received.subarray(4, 4 + length);
      this.received = this.received.subarray(4 + length);
      const request = this.queue.shift();
      if (this.queue.length === 0) this.idle();
      request?.resolve(response);
    }
  }

  /** Runs the stylesheet `name` on the XML text; the results as SaxonJS gives them (see `sharedSerialisation`). */
  async transform(name: string, xml: string, params: StylesheetParams = {}): Promise<TransformOutput> {
    return transformOutput(await this.answer('transform', name, xml, params));
  }

  /** Checks the XML text against the JVM's RELAX NG schema. */
  async checkRelaxNg(xml: string): Promise<SchemaProblem[]> {
    return schemaProblems(await this.answer('relaxng', '', xml));
  }

  /** Runs the stylesheet `name`, then checks its principal result against the RELAX NG schema without sending it back. */
  async transformAndCheck(name: string, xml: string, params: StylesheetParams = {}): Promise<TransformOutput & { relaxNg: SchemaProblem[] }> {
    const reader = await this.answer('transform-relaxng', name, xml, params);
    const output = transformOutput(reader);
    return { ...output, relaxNg: schemaProblems(reader) };
  }

  /** The response to a request, past its status; an error response throws its reason. */
  private async answer(op: string, name: string, xml: string, params: StylesheetParams = {}): Promise<Reader> {
    const reader = new Reader(await this.ask(request(op, name, xml, params)));
    if (reader.int() !== 0) throw new Error(`${name || op}: ${reader.string()}`);
    return reader;
  }

  private ask(frame: Buffer): Promise<Buffer> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.queue.push({ frame, resolve, reject });
      this.busy();
      this.child.stdin.write(frame);
    });
  }

  /** CPU seconds the JVM has used so far (Linux: /proc; undefined elsewhere). */
  cpuSeconds(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime (fields 14 and 15 of stat(5)), in clock ticks of 1/100 s.
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return undefined;
    }
  }

  close(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.ref();
      this.child.stdin.end();
    });
  }
}

let jvm: SaxonHeProcess | undefined;

/** CPU seconds this thread's JVM has used so far (for the bench: CPU a Node process does not count until the JVM ends). */
export function saxonHeCpuSeconds(): number {
  return jvm?.cpuSeconds() ?? 0;
}

function transformOutput(reader: Reader): TransformOutput {
  const principal = sharedSerialisation(reader.string());
  const documents = new Map<string, string>();
  for (let count = reader.int(); count > 0; count--) documents.set(reader.string(), sharedSerialisation(reader.string()));
  const messages: string[] = [];
  for (let count = reader.int(); count > 0; count--) messages.push(reader.string());
  return { principal, documents, messages };
}

function schemaProblems(reader: Reader): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (let count = reader.int(); count > 0; count--) {
    const fatal = reader.int() === 1;
    const line = reader.int();
    const column = reader.int();
    problems.push({ fatal, ...(line > 0 ? { line } : {}), ...(column > 0 ? { column } : {}), message: reader.string() });
  }
  return problems;
}

function request(op: string, stylesheet: string, xml: string, params: StylesheetParams): Buffer {
  const parts: Buffer[] = [...encodeString(op), ...encodeString(stylesheet)];
  const entries = Object.entries(params);
  parts.push(encodeInt(entries.length));
  for (const [name, value] of entries) {
    const values = typeof value === 'string' ? [value] : [...value];
    parts.push(...encodeString(name), encodeInt(values.length));
    for (const item of values) parts.push(...encodeString(String(item)));
  }
  parts.push(...encodeString(xml));
  return Buffer.concat(parts);
}

function textOf(document: EngineDocument): string {
  if (document.engine !== 'saxon-he') throw new Error(`a ${document.engine} document given to Saxon-HE`);
  return (document as SaxonHeDocument).xml;
}

export const saxonHeEngine: XsltEngine = {
  name: 'saxon-he',
  document: (xml) => ({ engine: 'saxon-he', xml }) as SaxonHeDocument,
  async transform(stylesheet, source, params = {}, options = {}) {
    jvm ??= new SaxonHeProcess();
    // The JVM checks the result as it serialised it: for archive.xsl (indent="no") sharedSerialisation changes no line.
    if (options.keepResult && options.checkResult && jvm.checksRelaxNg) {
      const { relaxNg, ...output } = await jvm.transformAndCheck(stylesheet, textOf(source), params);
      return { ...output, result: { engine: 'saxon-he', xml: output.principal, relaxNg } as SaxonHeDocument };
    }
    const output = await jvm.transform(stylesheet, textOf(source), params);
    return options.keepResult ? { ...output, result: { engine: 'saxon-he', xml: output.principal } as SaxonHeDocument } : output;
  },
  // Where Jing is installed, the JVM checks RELAX NG too (and was started with the schema: see SaxonHeProcess).
  ...(relaxNgMissing() ? {} : {
    relaxNg(document: EngineDocument) {
      jvm ??= new SaxonHeProcess();
      const checked = (document as SaxonHeDocument).relaxNg;
      return checked ? Promise.resolve(checked) : jvm.checkRelaxNg(textOf(document));
    },
  }),
  async close() {
    const running = jvm;
    jvm = undefined;
    await running?.close();
  },
};
