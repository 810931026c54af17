/**
 * How a batch shows itself: a progress bar redrawn in place on a terminal,
 * one plain line per input otherwise (logs, CI), and a closing summary.
 */
import path from 'node:path';
import type { EditionResult } from './run.js';

/** Where progress goes: a stream and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Counts of a batch. */
export interface BatchCounts {
  built: number;
  skipped: number;
  failed: number;
  warnings: number;
  errors: number;
}

/** Counts the editions of a batch by status and their messages by severity. */
export function countBatch(editions: readonly EditionResult[]): BatchCounts {
  const counts: BatchCounts = { built: 0, skipped: 0, failed: 0, warnings: 0, errors: 0 };
  for (const edition of editions) {
    counts[edition.status]++;
    for (const message of edition.messages) {
      if (message.severity === 'warning') counts.warnings++;
      else if (message.severity === 'error') counts.errors++;
    }
  }
  return counts;
}

/** The folder an edition was written to, relative to the working folder. */
function where(edition: EditionResult): string {
  const first = edition.outputs[0];
  return first ? `${path.relative(process.cwd(), path.dirname(first)) || '.'}/` : '';
}

/** One plain line for an input. */
export function progressLine(done: number, total: number, edition: EditionResult): string {
  const counter = `[${done}/${total}]`;
  const errors = edition.messages.filter((message) => message.severity === 'error').length;
  const warnings = edition.messages.filter((message) => message.severity === 'warning').length;
  const notes = warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
  if (edition.status === 'built') return `${counter} built ${edition.input} → ${edition.outputs.length} files in ${where(edition)}${notes}`;
  if (edition.status === 'skipped') return `${counter} skipped ${edition.input} (unchanged) → ${where(edition)}`;
  return `${counter} failed ${edition.input} (${errors} error${errors === 1 ? '' : 's'})`;
}

/** A reporter for {@link BatchHooks.onProgress}: a bar on a terminal, plain lines elsewhere. */
export function createProgress(stream: ProgressStream): { onProgress: (event: { done: number; total: number; result: EditionResult }) => void; finish: () => void } {
  const seen: EditionResult[] = [];
  let drawn = false;
  return {
    onProgress({ done, total, result }) {
      seen.push(result);
      if (!stream.isTTY) {
        stream.write(progressLine(done, total, result) + '\n');
        return;
      }
      const counts = countBatch(seen);
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const status = `${bar} ${done}/${total}  built ${counts.built} · skipped ${counts.skipped} · failed ${counts.failed}`;
      const room = Math.max(0, (stream.columns ?? 80) - status.length - 3);
      const name = path.basename(result.input);
      stream.write(`\r\x1b[K${status}${room > 3 ? `  ${name.length > room ? `…${name.slice(-(room - 1))}` : name}` : ''}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}

/** The closing summary line; a batch stopped by a signal says so and how many inputs it left unbuilt. */
export function summaryLine(editions: readonly EditionResult[], interrupted?: { signal: string; notBuilt: number }): string {
  const counts = countBatch(editions);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const line = `${plural(editions.length, 'input')}: ${counts.built} built, ${counts.skipped} skipped, ${counts.failed} failed, ${plural(counts.warnings, 'warning')}`;
  if (!interrupted) return line;
  return `${line}; stopped by ${interrupted.signal}: ${plural(interrupted.notBuilt, 'more input')} not built (run the same command again to build ${interrupted.notBuilt === 1 ? 'it' : 'them'})`;
}
