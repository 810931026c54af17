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

/** The old-generation heap limit of each worker, in MB. */
export const WORKER_HEAP_MB = 256;

/** Something that builds inputs: a pool of threads, or the main thread itself. */
export interface Builder {
  run(request: JobRequest): Promise<JobResult>;
  close(): Promise<void>;
}

/** True when worker threads can be used (the compiled worker exists). */
export function canUseWorkers(): boolean {
  return existsSync(WORKER_SCRIPT);
}

interface Slot {
  worker: Worker;
  busy?: { request: JobRequest; resolve: (result: JobResult) => void };
}

/** Starts `size` workers. */
export function createPool(size: number, settings: Settings): Builder {
  const queue: { request: JobRequest; resolve: (result: JobResult) => void }[] = [];
  const slots: Slot[] = [];
  let closing = false;

  const crashed = (request: JobRequest, reason: string): JobResult => ({
    index: request.index,
    input: request.input,
    status: 'failed',
    files: [],
    messages: [{ file: request.input, severity: 'error', reason: `internal error: the build worker stopped (${reason}). Please report it with this input`, ruleId: 'internal' }],
  });

  const dispatch = (slot: Slot) => {
    const next = queue.shift();
    if (!next) return;
    slot.busy = next;
    slot.worker.postMessage({ type: 'job', request: next.request } satisfies PoolRequest);
  };

  const start = (): Slot => {
    // A bounded heap makes V8 collect garbage before a worker grows past what one
    // article needs (SaxonJS, the stylesheets and one edition's trees take far
    // less: about 55 MB live after a build), which keeps a long batch's memory flat; see the benchmark.
    const slot: Slot = { worker: new Worker(WORKER_SCRIPT, { workerData: { settings }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) };
    slot.worker.on('message', (reply: PoolReply) => {
      if (reply.type === 'closed') return;
      const busy = slot.busy;
      slot.busy = undefined;
      if (busy) busy.resolve(reply.type === 'result' ? reply.result : crashed(busy.request, reply.reason));
      dispatch(slot);
    });
    slot.worker.on('error', (error) => {
      const busy = slot.busy;
      slot.busy = undefined;
      if (busy) busy.resolve(crashed(busy.request, error.message));
    });
    slot.worker.on('exit', () => {
      const at = slots.indexOf(slot);
      if (at === -1 || closing) return;
      const busy = slot.busy;
      if (busy) busy.resolve(crashed(busy.request, 'it exited'));
      const replacement = start();
      slots[at] = replacement;
      dispatch(replacement);
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(start());

  return {
    run(request) {
      return new Promise<JobResult>((resolve) => {
        queue.push({ request, resolve });
        const idle = slots.find((slot) => !slot.busy);
        if (idle) dispatch(idle);
      });
    },
    async close() {
      closing = true;
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
    },
  };
}
