/**
 * Compiles the Saxon-HE engine (java/TeiPressXslt.java) into build/java with
 * javac against Debian's Saxon-HE jar (run by `npm run build`). Without javac
 * or the jar it says so and stops quietly: the default engine, SaxonJS, needs
 * no Java. Reproducible: the same source, javac and jar give the same classes
 * (no debug paths or timestamps in them; the jar is the only dependency, and
 * nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_CLASSES, SAXON_HE_JAR } from '../xslt-engine/saxon-he.js';
import { ROOT } from '../xslt-engine/engine.js';

const source = path.join(ROOT, 'java', 'TeiPressXslt.java');
const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
if (javac.error || javac.status !== 0) {
  process.stdout.write('compile-java: javac not found (a JDK, e.g. Debian openjdk-17-jdk-headless); the saxon-he engine is not built, SaxonJS works as ever\n');
} else if (!existsSync(SAXON_HE_JAR)) {
  process.stdout.write(`compile-java: ${SAXON_HE_JAR} not found (Debian libsaxonhe-java); the saxon-he engine is not built, SaxonJS works as ever\n`);
} else {
  rmSync(ENGINE_CLASSES, { recursive: true, force: true });
  mkdirSync(ENGINE_CLASSES, { recursive: true });
  const run = spawnSync('javac', ['--release', '17', '-g:none', '-encoding', 'UTF-8', '-cp', SAXON_HE_JAR, '-d', ENGINE_CLASSES, source], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    rmSync(ENGINE_CLASSES, { recursive: true, force: true });
    process.stderr.write('compile-java: javac failed (above); the saxon-he engine is not built\n');
    process.exitCode = 1;
  } else process.stdout.write(`compiled java/TeiPressXslt.java (${javac.stdout.trim() || javac.stderr.trim()})\n`);
}
