/**
 * Validation of every TEI file the pipeline writes.
 * FIRST VERSION: well-formedness only; the project RELAX NG schema and
 * Schematron rules in tei/ come next (issue 2, item 5).
 */
import { XMLValidator } from 'fast-xml-parser';
import type { MessageLog } from '../messages.js';

export interface ValidateOptions {
  /** Also check against this tei_all.rng with Jing. */
  teiAll?: string;
  /** Name of the document in messages (e.g. `x.archive.tei.xml`). */
  label?: string;
}

/** Validates a TEI document; problems become error messages in the log and make the build fail. */
export async function validateTei(xml: string, log: MessageLog, options: ValidateOptions = {}): Promise<void> {
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    log.fail('schema:well-formed', `${options.label ?? 'TEI'} is not well-formed: ${result.err.msg}`, { line: result.err.line, column: result.err.col });
  }
}
