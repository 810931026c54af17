/**
 * Conformance: the seed and every corpus article, built by the CLI as a user
 * would, give TEI and archival TEI that real Jing finds valid against
 * tei_all.rng and against the project schema (the build itself has already
 * passed them through libxml2 and the Schematron rules, or it would have
 * failed). Needs `npm run build`, Java and jing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const CORPUS = path.resolve('../shared/corpus');
const PROJECT_RNG = path.resolve('tei/tei-press.rng');
const hasJava = spawnSync('java', ['-version'], { encoding: 'utf8' }).error === undefined;
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
const reason = !hasJava
  ? ': SKIPPED, java is not installed (apt-get install default-jre-headless jing)'
  : !hasJing
    ? ': SKIPPED, jing is not installed (apt-get install jing)'
    : !existsSync(TEI_ALL)
      ? `: SKIPPED, ${TEI_ALL} is missing`
      : '';

/** Every file under `folder` whose name ends with `suffix`. */
function filesEnding(folder: string, suffix: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => path.join(folder, name))
    .sort();
}

/** Jing's error lines (its "[warning] … xml-apis" start-up lines are not about the documents). */
function jingErrors(schema: string, files: string[]): string[] {
  const result = spawnSync('jing', [schema, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() && !line.startsWith('[warning]'));
}

describe.skipIf(reason !== '')(`TEI conformance of the seed and the corpus${reason}`, () => {
  let out: string;
  let inputs: string[];

  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'tei-press-conformance-'));
    inputs = [path.resolve('seeds'), ...(existsSync(CORPUS) ? [CORPUS] : [])];
    const build = spawnSync(process.execPath, ['build/cli.js', 'build', ...inputs, '--out', out, '--formats', 'tei,archive'], { encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  it('built every input into a TEI and an archival TEI', () => {
    const sources = inputs.flatMap((folder) => readdirSync(folder).filter((name) => /\.(txt|html?)$/.test(name)));
    expect(filesEnding(out, '.archive.tei.xml')).toHaveLength(sources.length);
    expect(filesEnding(out, '.tei.xml')).toHaveLength(2 * sources.length);
  });

  it('every .tei.xml and .archive.tei.xml is valid against tei_all (Jing)', () => {
    const files = filesEnding(out, '.tei.xml');
    expect(files.length).toBeGreaterThan(0);
    expect(jingErrors(TEI_ALL, files)).toEqual([]);
  });

  it('every .tei.xml and .archive.tei.xml is valid against the project schema (Jing)', () => {
    const files = filesEnding(out, '.tei.xml');
    expect(jingErrors(PROJECT_RNG, files)).toEqual([]);
  });

  it('Jing on a broken copy fails, so the checks above can fail', () => {
    const file = filesEnding(out, '.archive.tei.xml')[0]!;
    const broken = path.join(out, 'broken.xml');
    spawnSync('sh', ['-c', `sed 's#<teiHeader>#<teiHeader><blink/>#' "${file}" > "${broken}"`]);
    expect(jingErrors(TEI_ALL, [broken]).join('\n')).toMatch(/blink/);
  });
});
