/**
 * RELAX NG validation with libxml2 compiled to WebAssembly (xmllint-wasm).
 *
 * Why not xmllint-wasm's own `validateXML`: it starts a new worker thread,
 * compiles the 780 KB WebAssembly module and has libxml2 parse and compile the
 * schema on every call (~150 ms). The wasm build exports only `main`, so the
 * compiled schema cannot be kept through an API; but xmllint compiles the
 * schema once and then validates every file named on its command line. So one
 * worker thread per schema runs ONE long xmllint
 * (`xmllint --relaxng schema.rng --noout doc1.xml … docN.xml`) whose document
 * files are devices: when libxml2 opens the next one, the worker blocks
 * (Atomics.wait) until the main thread sends the next document. What a call
 * costs is then only libxml2 parsing and validating the document (a few ms for
 * a 50 KB article) instead of ~20 ms more to compile tei/tei-press.rng each
 * time; and the schema is compiled as soon as the worker starts, alongside the
 * rest of the start-up. After {@link DOCUMENTS_PER_RUN} documents (or if
 * libxml2 aborts) the worker starts a fresh xmllint.
 *
 * A document's messages are what xmllint printed between opening it and
 * opening the next one; it is valid exactly when xmllint printed
 * "docK.xml validates" for it. The worker is unref'd while no document is out,
 * so it never keeps the process alive.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One RELAX NG problem as libxml2 reports it (line only; libxml2 gives no column). */
export interface RngProblem {
  line?: number;
  /** The element libxml2 names, if any (used to find a column). */
  element?: string;
  message: string;
}

/** How many documents one xmllint run validates before a fresh one starts (bounds the wasm heap's growth). */
const DOCUMENTS_PER_RUN = 2000;

interface Job {
  id: number;
  xml: string;
}
interface JobResult {
  id: number;
  valid: boolean;
  stderr: string;
}

// Runs inside the worker (CommonJS, given to Worker with eval). Blocks in
// Atomics.wait for the next job; the main thread posts a job on `jobs` and
// then sets signal[0] and notifies; at exit it sets signal[1] and notifies. Results go back on parentPort, which the
// main thread reads while this thread is blocked.
const WORKER_SOURCE = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const factory = require(workerData.script);
const wasm = new WebAssembly.Module(require('node:fs').readFileSync(workerData.wasm));
const jobs = workerData.jobs;
const signal = new Int32Array(workerData.signal);
const perRun = workerData.perRun;

function nextJob() {
  for (;;) {
    Atomics.store(signal, 0, 0);
    const received = receiveMessageOnPort(jobs);
    if (received) return received.message;
    // signal[1]: the process is exiting (a thread blocked here would hold it up).
    if (Atomics.load(signal, 1) !== 0) process.exit(0);
    Atomics.wait(signal, 0, 0, 1000);
  }
}

async function run() {
  let current = null;   // { id, slot }
  let stderr = '';
  const finish = () => {
    if (!current) return;
    const name = 'doc' + current.slot + '.xml';
    const lines = stderr.split('\\n');
    const valid = lines.includes(name + ' validates');
    const text = lines.filter((line) => line !== name + ' validates').join('\\n').split(name).join('doc.xml');
    parentPort.postMessage({ id: current.id, valid, stderr: text });
    current = null;
    stderr = '';
  };
  // Device input for document slot K: on its first read, the previous document
  // is done; block for the next job, then hand out its bytes one by one.
  const device = (slot) => {
    let bytes = null;
    let offset = 0;
    return () => {
      if (bytes === null) {
        finish();
        const job = nextJob();
        current = { id: job.id, slot };
        bytes = Buffer.from(job.xml, 'utf8');
      }
      return offset < bytes.length ? bytes[offset++] : null;
    };
  };
  const args = ['--relaxng', 'schema.rng', '--noout'];
  for (let slot = 1; slot <= perRun; slot++) args.push('doc' + slot + '.xml');
  try {
    await factory({
      inputFiles: [{ fileName: 'schema.rng', contents: workerData.schema }],
      arguments: args,
      instantiateWasm(imports, done) {
        done(new WebAssembly.Instance(wasm, imports), wasm);
        return {};
      },
      onRuntimeInitialized() {
        for (let slot = 1; slot <= perRun; slot++) this.FS_createDevice('/', 'doc' + slot + '.xml', device(slot), null);
      },
      print() {},
      printErr(text) { stderr += text + '\\n'; },
    });
  } catch (error) {
    stderr += String(error && error.message || error) + '\\n';
  }
  if (current) {
    // xmllint ended (or aborted) on this document: report what it said.
    if (!/validates\\n?$/.test(stderr) && !/fails to validate/.test(stderr)) stderr += 'xmllint stopped: ' + stderr.trim().split('\\n').pop() + '\\n';
    finish();
  }
}
(async () => { for (;;) await run(); })();
`;

interface Validator {
  worker: Worker;
  jobs: MessagePort;
  signal: Int32Array;
}

const validators = new Map<string, Validator>();
let nextId = 1;
const pending = new Map<number, { resolve: (result: JobResult) => void; reject: (error: Error) => void }>();

function getValidator(schema: string): Validator {
  const existing = validators.get(schema);
  if (existing) return existing;
  const require = createRequire(import.meta.url);
  const script = require.resolve('xmllint-wasm/xmllint-node.js');
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(8);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { script, wasm: path.join(path.dirname(script), 'xmllint.wasm'), schema, jobs: port2, signal: shared, perRun: DOCUMENTS_PER_RUN },
    transferList: [port2],
  });
  worker.on('message', (result: JobResult) => {
    const waiting = pending.get(result.id);
    if (!waiting) return;
    pending.delete(result.id);
    if (pending.size === 0) worker.unref();
    waiting.resolve(result);
  });
  const fail = (error: Error) => {
    validators.delete(schema);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the RELAX NG worker stopped (exit code ${code})`)));
  // Unref'd only now: adding a 'message' listener refs the worker's port again, and a worker given no
  // document (every one went to Jing) must not hold the process open.
  worker.unref();
  port1.unref();
  const validator = { worker, jobs: port1, signal: new Int32Array(shared) };
  validators.set(schema, validator);
  if (validators.size === 1) process.once('exit', stopWorkers);
  return validator;
}

// Node ends worker threads at exit, but one blocked in Atomics.wait only notices
// at its next timeout: wake each one and tell it to stop, so exit is not delayed.
function stopWorkers(): void {
  for (const { signal } of validators.values()) {
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 0);
  }
}

/**
 * Starts the worker for `schema` and has libxml2 compile it now, so that the
 * first validation does not wait for it. Optional: {@link validateRng} starts it too.
 */
export function prepareRng(schema: string): void {
  getValidator(schema);
}

function runXmllint(xml: string, schema: string): Promise<JobResult> {
  const validator = getValidator(schema);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Keep the process alive while a job is out, so an awaited validation always finishes.
    validator.worker.ref();
    validator.jobs.postMessage({ id, xml } satisfies Job);
    Atomics.store(validator.signal, 0, 1);
    Atomics.notify(validator.signal, 0);
  });
}

// xmllint lines look like "doc.xml:12: element foo: Relax-NG validity error : Expecting …".
const LINE = /^doc\.xml:(\d+): (?:element (\S+): )?(?:Relax-NG validity error|parser error|validity error|namespace error)? ?:? ?(.*)$/;

/**
 * Validates `xml` against the RELAX NG schema text `schema` (compiled once per
 * process and schema text).
 * @returns the problems found; empty when the document is valid.
 */
export async function validateRng(xml: string, schema: string): Promise<RngProblem[]> {
  const result = await runXmllint(xml, schema);
  if (result.valid) return [];
  const problems: RngProblem[] = [];
  for (const raw of result.stderr.split('\n')) {
    const text = raw.trim();
    if (!text || text === 'doc.xml fails to validate' || /^\^$/.test(text)) continue;
    const match = LINE.exec(text);
    if (match) problems.push({ line: Number(match[1]), element: match[2], message: match[3]!.trim() });
    else if (!text.startsWith('doc.xml:') && problems.length && !/^schema\.rng/.test(text)) continue; // source excerpt lines under a parser error
    else problems.push({ message: text.replace(/^schema\.rng:/, 'tei-press.rng:') });
  }
  if (problems.length === 0) problems.push({ message: 'xmllint failed without a message' });
  return problems;
}
