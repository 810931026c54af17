/**
 * The Saxon-HE engine's Java side is built reproducibly: `npm run build`
 * compiles java/TeiPressXslt.java with javac against Debian's Saxon-HE jar
 * (and java/TeiPressRng.java against Debian's Jing jar, where it is installed)
 * (pipeline/tools/compile-java.ts), and two compilations give the same bytes,
 * which are the bytes in build/java. Skipped, with the reason, without javac or the jar.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENGINE_CLASSES, JING_JAR, SAXON_HE_JAR } from '../../pipeline/xslt-engine/saxon-he.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const why = spawnSync('javac', ['-version']).status !== 0 ? 'javac is not installed' : existsSync(SAXON_HE_JAR) ? undefined : `${SAXON_HE_JAR} is missing`;

/** Runs the build step into a scratch copy of build/java and returns its class files. */
function compileOnce(): Map<string, Buffer> {
  const out = mkdtempSync(path.join(tmpdir(), 'tei-press-javac-'));
  const withJing = existsSync(JING_JAR);
  const sources = ['TeiPressXslt.java', ...(withJing ? ['TeiPressRng.java'] : [])].map((name) => path.join(ROOT, 'java', name));
  const classPath = [SAXON_HE_JAR, ...(withJing ? [JING_JAR] : [])].join(path.delimiter);
  const run = spawnSync('javac', ['--release', '17', '-g:none', '-encoding', 'UTF-8', '-cp', classPath, '-d', out, ...sources], { encoding: 'utf8', timeout: 170_000 });
  expect(run.status, run.stderr).toBe(0);
  return new Map(readdirSync(out).sort().map((name) => [name, readFileSync(path.join(out, name))]));
}

describe.skipIf(!!why)(`the Saxon-HE engine's Java side${why ? ` — skipped: ${why}` : ''}`, () => {
  it('compiles to the same class files twice, the ones npm run build put in build/java', () => {
    const first = compileOnce();
    const second = compileOnce();
    expect([...first.keys()]).toContain('TeiPressXslt.class');
    if (existsSync(JING_JAR)) expect([...first.keys()]).toContain('TeiPressRng.class');
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), name).toBe(true);
    // What the build made is this compilation (built from the same source with the same flags).
    const built = readdirSync(ENGINE_CLASSES).sort();
    expect(built).toEqual([...first.keys()]);
    for (const name of built) expect(readFileSync(path.join(ENGINE_CLASSES, name)).equals(first.get(name)!), name).toBe(true);
  }, 360_000);
});
