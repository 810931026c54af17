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

/**
 * The stage or tool a rule belongs to: the part of a rule id before its first
 * colon. One list, so that the same event has one id wherever it is reported.
 */
export const RULE_FAMILIES = [
  'input', 'read', 'html', 'header', 'language', 'quotes', 'dates', 'entities', 'registers', 'schema', 'security',
  'validate', 'xslt', 'output', 'pdf', 'bag', 'build', 'config', 'critical', 'collate', 'variant', 'errata', 'emendation',
  'slip', 'site',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** A rule id: `family:rule` (`read:binary`, `schema:rng`, `schema:sch:unique-id`), or `internal` for a defect of the tool. */
export type RuleId = `${RuleFamily}:${string}` | 'internal';

/**
 * Rule ids of the enrichment stages' review items. An item's category is the
 * rule id of the message that reports the same event, so that the report and
 * the messages name it alike.
 */
export type ReviewRule =
  | 'entities:unknown'
  | 'entities:ambiguous'
  | 'entities:uncertain'
  | 'registers:no-id'
  | 'dates:relative'
  | 'dates:unresolved'
  | 'quotes:unbalanced'
  | 'quotes:unwrapped'
  | `variant:${string}`
  | 'emendation:applied'
  | 'slip:suspected';

/** True for a string that is a rule id of a known family (as an XSLT message's prefix may be). */
export function isRuleId(value: string): value is RuleId {
  const family = value.split(':')[0]!;
  return value === 'internal' || ((RULE_FAMILIES as readonly string[]).includes(family) && value.length > family.length + 1);
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
  ruleId: RuleId;
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
    readonly ruleId: RuleId,
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

  warn(ruleId: RuleId, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'warning', reason, ruleId });
  }

  info(ruleId: RuleId, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'info', reason, ruleId });
  }

  error(ruleId: RuleId, reason: string, place?: Place): void {
    this.messages.push({ file: this.file, place, severity: 'error', reason, ruleId });
  }

  /** Records an error and throws, ending the build of this file. */
  fail(ruleId: RuleId, reason: string, place?: Place): never {
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
