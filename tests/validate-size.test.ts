/**
 * `tei-press validate` refuses a file over its documented size limit at once,
 * with a clear message and exit 1, instead of holding it in memory for minutes
 * (issue 13, item 2). The big file is sparse, so the test writes almost nothing.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli-helpers.js';
import { MAX_VALIDATE_BYTES } from '../pipeline/validate/size-limit.js';

describe('tei-press validate on a file over the size limit', () => {
  it('fails that file with validate:too-large, reads none of it, and still checks the others', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tei-press-validate-size-'));
    const big = path.join(folder, 'big.tei.xml');
    writeFileSync(big, '<TEI xmlns="http://www.tei-c.org/ns/1.0">');
    truncateSync(big, MAX_VALIDATE_BYTES + 1);
    const small = path.join(folder, 'small.xml');
    writeFileSync(small, '<not-closed>');
    const result = runCli(['validate', big, small], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`big\\.tei\\.xml(:1:1)?: error: the file has ${MAX_VALIDATE_BYTES + 1} bytes, more than the ${MAX_VALIDATE_BYTES} \\(64 MiB\\).*\\[validate:too-large\\]`));
    // The next file is still checked, with its own message.
    expect(result.stderr).toMatch(/small\.xml:\d+:\d+: error: .*\[schema:well-formed\]/);
    expect(result.stderr).not.toMatch(/internal|at .*\.js:\d+/);
  }, 120_000);
});
