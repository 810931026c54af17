/**
 * Validation against tei_all with Jing (Java), the TEI community's reference
 * RELAX NG validator. Spawned once per document: ~0.4 s (JVM start and
 * compiling tei_all), so it is opt-in (`--tei-all PATH`) and used by the
 * conformance tests, not on every build by default.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A problem Jing reported, or the reason Jing could not run. */
export interface JingProblem {
  line?: number;
  column?: number;
  message: string;
  /** True when Jing itself could not run (missing, schema unreadable). */
  toolFailure?: boolean;
}

/** The Jing command (override with the `JING` environment variable). */
export function jingCommand(): string {
  return process.env.JING || 'jing';
}

// Jing prints "/path/doc.xml:12:34: error: element "foo" not allowed here; …".
const LINE = /^(.*?):(\d+):(\d+): (error|fatal): (.*)$/;

/** Validates the document text against `schemaPath` (e.g. tei_all.rng) with Jing. */
export async function validateWithJing(xml: string, schemaPath: string): Promise<JingProblem[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tei-press-jing-'));
  const file = path.join(folder, 'document.xml');
  try {
    await writeFile(file, xml);
    const { code, stdout, stderr, spawnError } = await new Promise<{ code: number; stdout: string; stderr: string; spawnError?: NodeJS.ErrnoException }>((resolve) => {
      execFile(jingCommand(), [schemaPath, file], { maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
        const failure = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (failure && typeof failure.code === 'string') resolve({ code: -1, stdout: out, stderr: err, spawnError: failure });
        else resolve({ code: failure ? Number(failure.code ?? 1) : 0, stdout: out, stderr: err });
      });
    });
    if (spawnError) {
      return [{ toolFailure: true, message: spawnError.code === 'ENOENT'
        ? `Jing is not installed ("${jingCommand()}" was not found), so the document could not be checked against ${schemaPath}; install it (apt-get install jing) or leave out --tei-all`
        : `Jing could not be started: ${spawnError.message}` }];
    }
    const problems: JingProblem[] = [];
    for (const line of `${stdout}\n${stderr}`.split('\n')) {
      const match = LINE.exec(line.trim());
      if (!match) continue;
      const where = match[1]!;
      const message = match[5]!;
      if (where === file) problems.push({ line: Number(match[2]), column: Number(match[3]), message });
      else problems.push({ toolFailure: true, message: `Jing could not use ${schemaPath}: ${message}` });
    }
    if (code !== 0 && problems.length === 0) {
      const said = stderr.split('\n').filter((line) => line.trim() && !line.startsWith('[warning]')).join(' ').trim();
      problems.push({ toolFailure: true, message: `Jing failed (exit code ${code}) on ${schemaPath}${said ? `: ${said}` : ''}` });
    }
    return problems;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
