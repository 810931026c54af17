/**
 * A build worker: loads the pipeline (and, on first use, the compiled
 * stylesheets) once, then builds the inputs the pool sends it, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Settings } from '../settings.js';
import { closePrintBrowser } from '../writers/pdf.js';
import { closeXsltEngines } from '../xslt-engine/index.js';
import { runJob } from './job.js';
import type { PoolReply, PoolRequest } from './pool.js';

const settings = (workerData as { settings: Settings }).settings;
const port = parentPort!;

port.on('message', (message: PoolRequest) => {
  if (message.type === 'job') {
    runJob(message.request, settings).then(
      (result) => port.postMessage({ type: 'result', result } satisfies PoolReply),
      (error: unknown) => port.postMessage({ type: 'crash', index: message.request.index, reason: (error as Error).message ?? String(error) } satisfies PoolReply),
    );
  } else {
    // The PDF writer keeps one browser per thread, the saxon-he engine one JVM: close them before the thread ends.
    Promise.allSettled([closePrintBrowser(), closeXsltEngines()]).finally(() => port.postMessage({ type: 'closed' } satisfies PoolReply));
  }
});
