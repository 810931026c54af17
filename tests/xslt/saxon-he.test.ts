/**
 * The stylesheets under Saxon-HE (Java) as well as SaxonJS: Saxon-HE reports
 * ambiguous template matches that SaxonJS resolves silently, so every
 * template that could compete carries an explicit priority. Skipped, with
 * the reason, where Java or Saxon-HE (Debian's libsaxonhe-java) is missing.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SAXON_HE = '/usr/share/java/Saxon-HE.jar';
const haveSaxon = spawnSync('java', ['-version']).status === 0 && existsSync(SAXON_HE);
const work = mkdtempSync(path.join(tmpdir(), 'tei-press-saxonhe-'));

describe('Saxon-HE', () => {
  for (const driver of ['html', 'epub', 'book', 'archive', 'site']) {
    it.skipIf(!haveSaxon)(`runs xslt/${driver}.xsl on the test article without ambiguous matches or errors${haveSaxon ? '' : ` — skipped: java or ${SAXON_HE} missing`}`, () => {
      const run = spawnSync('java', ['-jar', SAXON_HE, '-s:tests/xslt/rich.tei.xml', `-xsl:xslt/${driver}.xsl`, `-o:${path.join(work, driver, 'out')}`, 'uuid=00000000-0000-5000-8000-000000000000'], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/ambiguous|XTDE0540|Warning/i);
      // The one message expected: the test article's deliberately unplanned element (and book.xsl's between its parts).
      const messages = run.stderr.split('\n').filter((line) => line.trim() && !(driver === 'book' && line === 'book:part-print'));
      expect(messages.every((line) => line.startsWith('render:unknown-element:')), run.stderr).toBe(true);
    }, 150_000);
  }
});
