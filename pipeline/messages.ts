/**
 * Problems travel in two channels (as in unified and Pandoc): messages with a
 * severity attached to the file being built, and a few fatal error classes with
 * stable exit codes. Every message names its place and a rule id.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning' | 'info';

/** A place in a source file (1-based line and column). */
export interface Place {
  line: number;
  column?: number;
}

/** One problem or notice about one file. */
export interface Message {
  /** The file the message is about (as given on the command line). */
  file: string;
  place?: Place;
  severity: Severity;
  /** What was wrong, what was expected, what was found and how to fix it. */
  reason: string;
  /** Stable id of the rule, e.g. `read:binary` or `schema:rng`. */
  ruleId: string;
}

/** Exit codes of the CLI; documented in the README. */
export const ExitCode = {
  ok: 0,
  /** At least one input failed to build or validate. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
} as const;

/** A fatal problem with one input: the build of that input stops, the batch goes on. */
export class InputError extends Error {
  constructor(
    readonly ruleId: string,
    reason: string,
    readonly place?: Place,
  ) {
    super(reason);
    this.name = 'InputError';
  }
}

/** Collects the messages of one file and turns fatal ones into {@link InputError}s. */
export class MessageLog {
  readonly messages: Message[] = [];
  constructor(readonly file: string) {}

  warn(ruleId: string, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'warning', reason, ruleId });
  }

  info(ruleId: string, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'info', reason, ruleId });
  }

  error(ruleId: string, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'error', reason, ruleId });
  }

  /** Records an error and throws, ending the build of this file. */
  fail(ruleId: string, reason: string, place?: Place): never {
    throw new InputError(ruleId, reason, place);
  }

  get hasErrors(): boolean {
    return this.messages.some((message) => message.severity === 'error');
  }
}

/** Formats a message as `file:line:col: severity: reason [rule]`. */
export function formatMessage(message: Message, cwd = process.cwd()): string {
  const name = path.isAbsolute(message.file) ? path.relative(cwd, message.file) || message.file : message.file;
  const where = message.place
    ? `${name}:${message.place.line}:${message.place.column ?? 1}`
    : `${name}:1:1`;
  return `${where}: ${message.severity}: ${message.reason} [${message.ruleId}]`;
}
