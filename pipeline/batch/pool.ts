/**
 * A pool of worker threads that build inputs in parallel. Each worker loads
 * the pipeline and the compiled stylesheets once and builds one input at a
 * time; a worker that dies is replaced and its input reported as failed, so
 * the batch goes on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT, type Settings } from '../settings.js';
import type { JobRequest, JobResult } from './job.js';

/** Messages to a worker. */
export type PoolRequest = { type: 'job'; request: JobRequest } | { type: 'close' };
/** Messages from a worker. */
export type PoolReply = { type: 'result'; result: JobResult } | { type: 'crash'; index: number; reason: string } | { type: 'closed' };

/** The compiled worker script (`npm run build` makes it). */
export const WORKER_SCRIPT = path.join(PROJECT_ROOT, 'build', 'batch', 'worker.js');

/**
 * The old-generation heap limit of each worker, in MB (`TEI_PRESS_WORKER_HEAP_MB` overrides it, for tests and
 * big texts). Chosen by measurement (40 articles, --jobs 2, CPU of all threads): 256 MB made V8 collect far more
 * often (932–1,013 ms per article), 512 MB 868 ms, 1,024 MB 834 ms, with the same peak RSS (378–416 MB);
 * no real limit (4,096 MB) gave 1,017 ms and 495 MB. A book of a few MB fits in it without a retry.
 */
export const WORKER_HEAP_MB = 1024;

/** Something that builds inputs: a pool of threads, or the main thread itself. */
export interface Builder {
  run(request: JobRequest): Promise<JobResult>;
  /** Starts no more work: queued inputs come back `interrupted`, those being built finish. */
  stop(): void;
  /** Ends the work in flight too (its inputs come back `interrupted`), then closes. */
  abort(): Promise<void>;
  close(): Promise<void>;
}

/** True when worker threads can be used (the compiled worker exists). */
export function canUseWorkers(): boolean {
  return existsSync(WORKER_SCRIPT);
}

/** A whole number of MB from the environment, or the default. */
function heapSetting(name: string, fallback: number | undefined): number | undefined {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The result of an input that was not (fully) built because the batch stopped. */
export function interrupted(request: JobRequest): JobResult {
  return { index: request.index, input: request.input, status: 'interrupted', files: [], messages: [] };
}

interface Pending {
  request: JobRequest;
  resolve: (result: JobResult) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  /** The worker ran out of heap on its input (`ERR_WORKER_OUT_OF_MEMORY`). */
  outOfMemory?: boolean;
}

/**
 * Starts a worker thread with the given heap limit and sends it each job of
 * {@link Slot.busy}; `onDone` gets every reply and `onGone` the end of the thread.
 */
function startWorker(settings: Settings, heapMb: number | undefined, onReply: (slot: Slot, reply: PoolReply) => void, onGone: (slot: Slot, reason: string) => void): Slot {
  const resourceLimits = heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb };
  const slot: Slot = { worker: new Worker(WORKER_SCRIPT, { workerData: { settings }, resourceLimits }) };
  let reason = 'it exited';
  slot.worker.on('message', (reply: PoolReply) => onReply(slot, reply));
  slot.worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') slot.outOfMemory = true;
    reason = error.message;
  });
  slot.worker.on('exit', () => onGone(slot, reason));
  return slot;
}

function crashed(request: JobRequest, reason: string): JobResult {
  return {
    index: request.index,
    input: request.input,
    status: 'failed',
    files: [],
    messages: [{ file: request.input, severity: 'error', reason: `internal error: the build worker stopped (${reason}). Please report it with this input`, ruleId: 'internal' }],
  };
}

function outOfMemory(request: JobRequest, limits: string): JobResult {
  return {
    index: request.index,
    input: request.input,
    status: 'failed',
    files: [],
    messages: [
      {
        file: request.input,
        severity: 'error',
        reason: `building this input ran out of memory (${limits}); the rest of the batch goes on. Split the text, or raise the limit with TEI_PRESS_WORKER_HEAP_MB`,
        ruleId: 'build:out-of-memory',
      },
    ],
  };
}

/**
 * Builds one input alone in a fresh worker with a larger heap (default: V8's
 * own limit, as the main thread has), after a pool worker ran out of memory on
 * it. A worker, not the main thread, so that running out again fails this
 * input with a message instead of ending the whole batch.
 */
function retryAlone(request: JobRequest, settings: Settings, firstHeapMb: number, running: Set<Worker>): Promise<JobResult> {
  const heapMb = heapSetting('TEI_PRESS_RETRY_HEAP_MB', undefined);
  return new Promise((resolve) => {
    let result: JobResult | undefined;
    const slot = startWorker(
      settings,
      heapMb,
      (_, reply) => {
        if (reply.type === 'result') {
          result = reply.result;
          result.messages.unshift({
            file: request.input,
            severity: 'info',
            reason: `the build worker ran out of memory on this input (a ${firstHeapMb} MB heap), so it was built again alone with ${heapMb === undefined ? 'the default heap' : `a ${heapMb} MB heap`}`,
            ruleId: 'build:out-of-memory-retried',
          });
        }
        else if (reply.type === 'crash') result = crashed(request, reply.reason);
        if (reply.type === 'closed') void slot.worker.terminate();
        else slot.worker.postMessage({ type: 'close' } satisfies PoolRequest);
      },
      (gone, reason) => {
        running.delete(gone.worker);
        const limits = `a ${firstHeapMb} MB worker heap, then alone with ${heapMb === undefined ? 'the default heap' : `a ${heapMb} MB heap`}`;
        resolve(result ?? (gone.outOfMemory ? outOfMemory(request, limits) : crashed(request, reason)));
      },
    );
    running.add(slot.worker);
    slot.worker.postMessage({ type: 'job', request } satisfies PoolRequest);
  });
}

/** Starts `size` workers. */
export function createPool(size: number, settings: Settings): Builder {
  const heapMb = heapSetting('TEI_PRESS_WORKER_HEAP_MB', WORKER_HEAP_MB)!;
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let closing = false;
  let stopped = false;
  let aborted = false;
  const retrying = new Set<Worker>();
  // Inputs that ran out of memory are built again one at a time.
  let retries: Promise<unknown> = Promise.resolve();

  const dispatch = (slot: Slot) => {
    const next = stopped ? undefined : queue.shift();
    if (!next) return;
    slot.busy = next;
    slot.worker.postMessage({ type: 'job', request: next.request } satisfies PoolRequest);
  };

  const onReply = (slot: Slot, reply: PoolReply) => {
    if (reply.type === 'closed') return;
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) busy.resolve(reply.type === 'result' ? reply.result : crashed(busy.request, reply.reason));
    dispatch(slot);
  };

  const onGone = (slot: Slot, reason: string) => {
    const at = slots.indexOf(slot);
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      if (closing || stopped) busy.resolve(interrupted(busy.request));
      else if (slot.outOfMemory) {
        const retry = retries.then(() => (stopped ? interrupted(busy.request) : retryAlone(busy.request, settings, heapMb, retrying)));
        retries = retry;
        void retry.then(busy.resolve);
      } else busy.resolve(crashed(busy.request, reason));
    }
    if (at === -1 || closing) return;
    const replacement = start();
    slots[at] = replacement;
    dispatch(replacement);
  };

  const start = (): Slot =>
    // A bounded heap makes V8 collect garbage before a worker grows past what one
    // article needs (SaxonJS, the stylesheets and one edition's trees take far
    // less: about 55 MB live after a build), which keeps a long batch's memory flat; see the benchmark.
    startWorker(settings, heapMb, onReply, onGone);
  for (let i = 0; i < size; i++) slots.push(start());

  const close = async () => {
    closing = true;
    if (aborted) return;
    await retries.catch(() => undefined);
    await Promise.all(
      slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            slot.worker.once('exit', () => resolve());
            slot.worker.once('message', (reply: PoolReply) => {
              if (reply.type === 'closed') void slot.worker.terminate();
            });
            slot.worker.postMessage({ type: 'close' } satisfies PoolRequest);
          }),
      ),
    );
  };

  return {
    run(request) {
      return new Promise<JobResult>((resolve) => {
        if (stopped) return resolve(interrupted(request));
        queue.push({ request, resolve });
        const idle = slots.find((slot) => !slot.busy);
        if (idle) dispatch(idle);
      });
    },
    stop() {
      stopped = true;
      for (const pending of queue.splice(0)) pending.resolve(interrupted(pending.request));
    },
    async abort() {
      this.stop();
      closing = true;
      aborted = true;
      await Promise.all([...slots, ...[...retrying].map((worker) => ({ worker }))].map((slot) => slot.worker.terminate()));
    },
    close,
  };
}
