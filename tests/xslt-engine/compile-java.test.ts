/**
 * The Saxon-HE engine's Java side is built reproducibly: `npm run build`
 * compiles java/TeiPressXslt.java with javac against Debian's Saxon-HE jar
 * (pipeline/tools/compile-java.ts), and two compilations give the same bytes,
 * which are the bytes in build/java. Skipped, with the reason, without javac or the jar.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENGINE_CLASSES, SAXON_HE_JAR } from '../../pipeline/xslt-engine/saxon-he.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const why = spawnSync('javac', ['-version']).status !== 0 ? 'javac is not installed' : existsSync(SAXON_HE_JAR) ? undefined : `${SAXON_HE_JAR} is missing`;

/** Runs the build step into a scratch copy of build/java and returns its class files. */
function compileOnce(): Map<string, Buffer> {
  const out = mkdtempSync(path.join(tmpdir(), 'tei-press-javac-'));
  const run = spawnSync('javac', ['--release', '17', '-g:none', '-encoding', 'UTF-8', '-cp', SAXON_HE_JAR, '-d', out, path.join(ROOT, 'java', 'TeiPressXslt.java')], { encoding: 'utf8', timeout: 170_000 });
  expect(run.status, run.stderr).toBe(0);
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(path.join(out, name))]));
}

describe.skipIf(!!why)(`the Saxon-HE engine's Java side${why ? ` — skipped: ${why}` : ''}`, () => {
  it('compiles to the same class files twice, the ones npm run build put in build/java', () => {
    const first = compileOnce();
    const second = compileOnce();
    expect([...first.keys()]).toContain('TeiPressXslt.class');
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), name).toBe(true);
    // What the build made is this compilation (built from the same source with the same flags).
    const built = readdirSync(ENGINE_CLASSES).sort();
    expect(built).toEqual([...first.keys()]);
    for (const name of built) expect(readFileSync(path.join(ENGINE_CLASSES, name)).equals(first.get(name)!), name).toBe(true);
  }, 360_000);
});
