/**
 * Compiles the Saxon-HE engine (java/TeiPressXslt.java) into build/java with
 * javac against Debian's Saxon-HE jar (run by `npm run build`), and its RELAX
 * NG checker (java/TeiPressRng.java) against Debian's Jing jar where that is
 * installed. Without javac or the Saxon-HE jar it says so and stops quietly:
 * the default engine, SaxonJS, needs no Java; without Jing the engine runs and
 * RELAX NG stays with libxml2. Reproducible: the same sources, javac and jars
 * give the same classes (no debug paths or timestamps in them; the jars are
 * the only dependencies, and nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_CLASSES, JING_JAR, SAXON_HE_JAR } from '../xslt-engine/saxon-he.js';
import { ROOT } from '../xslt-engine/engine.js';

/** The javac arguments that compile the engine into `out`: both classes where Jing's jar is, the XSLT side alone otherwise. */
function javacArguments(out: string, withJing = existsSync(JING_JAR)): string[] {
  const sources = ['TeiPressXslt.java', ...(withJing ? ['TeiPressRng.java'] : [])].map((name) => path.join(ROOT, 'java', name));
  const classPath = [SAXON_HE_JAR, ...(withJing ? [JING_JAR] : [])].join(path.delimiter);
  return ['--release', '17', '-g:none', '-encoding', 'UTF-8', '-cp', classPath, '-d', out, ...sources];
}

function compile(): void {
  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    process.stdout.write('compile-java: javac not found (a JDK, e.g. Debian openjdk-17-jdk-headless); the saxon-he engine is not built, SaxonJS works as ever\n');
    return;
  }
  if (!existsSync(SAXON_HE_JAR)) {
    process.stdout.write(`compile-java: ${SAXON_HE_JAR} not found (Debian libsaxonhe-java); the saxon-he engine is not built, SaxonJS works as ever\n`);
    return;
  }
  const withJing = existsSync(JING_JAR);
  if (!withJing) process.stdout.write(`compile-java: ${JING_JAR} not found (Debian jing); the saxon-he engine is built without RELAX NG, which libxml2 then checks\n`);
  rmSync(ENGINE_CLASSES, { recursive: true, force: true });
  mkdirSync(ENGINE_CLASSES, { recursive: true });
  const run = spawnSync('javac', javacArguments(ENGINE_CLASSES, withJing), { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    rmSync(ENGINE_CLASSES, { recursive: true, force: true });
    process.stderr.write('compile-java: javac failed (above); the saxon-he engine is not built\n');
    process.exitCode = 1;
  } else process.stdout.write(`compiled java/TeiPressXslt.java${withJing ? ' and java/TeiPressRng.java' : ''} (${javac.stdout.trim() || javac.stderr.trim()})\n`);
}

compile();
