/**
 * RELAX NG validation with libxml2 compiled to WebAssembly (xmllint-wasm).
 *
 * Why not xmllint-wasm's own `validateXML`: it starts a new worker thread and
 * compiles the 780 KB WebAssembly module on every call (~150 ms). Here one
 * worker thread per process keeps the compiled module and instantiates it per
 * document (a few ms); what remains per call is libxml2 compiling the schema
 * (~15 ms for tei/tei-press.rng) and validating (~3 ms for a 35 KB article).
 * The worker is unref'd, so it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One RELAX NG problem as libxml2 reports it (line only; libxml2 gives no column). */
export interface RngProblem {
  line?: number;
  /** The element libxml2 names, if any (used to find a column). */
  element?: string;
  message: string;
}

interface Job {
  id: number;
  files: { fileName: string; contents: string }[];
  args: string[];
}
interface JobResult {
  id: number;
  exitCode: number | null;
  stderr: string;
}

// Runs inside the worker (CommonJS, given to Worker with eval). It loads the
// Emscripten factory once and instantiates it from the compiled module each time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const factory = require(workerData.script);
const wasm = new WebAssembly.Module(require('node:fs').readFileSync(workerData.wasm));
parentPort.on('message', async (job) => {
  if (!job || typeof job.id !== 'number') return;
  let stderr = '';
  let exitCode = null;
  try {
    await factory({
      inputFiles: job.files,
      arguments: job.args,
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
        return {};
      },
      print() {},
      printErr(text) { stderr += text + '\\n'; },
      onExit(code) { exitCode = code; },
      onAbort(reason) { stderr += 'WASM abort: ' + reason + '\\n'; },
    });
  } catch (error) {
    if (exitCode === null) stderr += String(error && error.message || error) + '\\n';
  }
  parentPort.postMessage({ id: job.id, exitCode, stderr });
});
`;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (result: JobResult) => void; reject: (error: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const require = createRequire(import.meta.url);
  const script = require.resolve('xmllint-wasm/xmllint-node.js');
  const created = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { script, wasm: path.join(path.dirname(script), 'xmllint.wasm') },
  });
  created.unref();
  created.on('message', (result: JobResult) => {
    const waiting = pending.get(result.id);
    if (!waiting) return;
    pending.delete(result.id);
    if (pending.size === 0) created.unref();
    waiting.resolve(result);
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  created.on('error', fail);
  created.on('exit', (code) => fail(new Error(`the RELAX NG worker stopped (exit code ${code})`)));
  worker = created;
  return created;
}

function runXmllint(job: Omit<Job, 'id'>): Promise<JobResult> {
  const running = getWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Keep the process alive while a job is out, so an awaited validation always finishes.
    running.ref();
    running.postMessage({ ...job, id });
  });
}

// xmllint lines look like "doc.xml:12: element foo: Relax-NG validity error : Expecting …".
const LINE = /^doc\.xml:(\d+): (?:element (\S+): )?(?:Relax-NG validity error|parser error|validity error|namespace error)? ?:? ?(.*)$/;

/**
 * Validates `xml` against the RELAX NG schema text `schema`.
 * @returns the problems found; empty when the document is valid.
 */
export async function validateRng(xml: string, schema: string): Promise<RngProblem[]> {
  const result = await runXmllint({
    files: [
      { fileName: 'doc.xml', contents: xml },
      { fileName: 'schema.rng', contents: schema },
    ],
    args: ['--relaxng', 'schema.rng', '--noout', 'doc.xml'],
  });
  if (result.exitCode === 0) return [];
  const problems: RngProblem[] = [];
  for (const raw of result.stderr.split('\n')) {
    const text = raw.trim();
    if (!text || text === 'doc.xml fails to validate' || /^\^$/.test(text)) continue;
    const match = LINE.exec(text);
    if (match) problems.push({ line: Number(match[1]), element: match[2], message: match[3]!.trim() });
    else if (!text.startsWith('doc.xml:') && problems.length && !/^schema\.rng/.test(text)) continue; // source excerpt lines under a parser error
    else problems.push({ message: text.replace(/^schema\.rng:/, 'tei-press.rng:') });
  }
  if (problems.length === 0) problems.push({ message: `xmllint failed (exit code ${result.exitCode}) without a message` });
  return problems;
}
