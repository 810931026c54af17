/**
 * The manifest of an output folder shared by several builds (issue 13 item 3):
 * each process keeps its own view and must see what the others recorded,
 * even when another build started, recorded and folded its journal into the
 * manifest entirely between two of its own reads. Two stores stand for two
 * processes; the lock is not needed when their steps are taken in turn.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManifestStore, type ManifestEntry } from '../pipeline/batch/cache.js';

function entry(slug: string): ManifestEntry {
  return { key: `key-${slug}`, baseSlug: slug, slug, files: [`${slug}.tei.xml`], summary: {} as ManifestEntry['summary'] };
}

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'tei-press-manifest-'));
}

describe('two builds recording into one output folder', () => {
  it('a build sees the editions of another that began, recorded and compacted after its own start', async () => {
    const out = folder();
    const first = new ManifestStore(out);
    await first.compact();
    const second = new ManifestStore(out);
    await second.compact();
    await second.refresh();
    await second.record('/b/shared.txt', entry('doe-1945-shared-title'));
    await second.compact();

    await first.refresh();
    expect(first.slugOwners.get('doe-1945-shared-title')).toBe('/b/shared.txt');
  });

  it('a build sees entries folded into the manifest before another journal was begun', async () => {
    const out = folder();
    const first = new ManifestStore(out);
    await first.compact();
    const second = new ManifestStore(out);
    await second.refresh();
    await second.record('/b/one.txt', entry('doe-1945-one'));
    await second.compact();
    await second.refresh();
    await second.record('/b/two.txt', entry('doe-1945-two'));

    await first.refresh();
    expect([...first.slugOwners.keys()].sort()).toEqual(['doe-1945-one', 'doe-1945-two']);
  });

  it('records of both builds interleaved are all kept, in the manifest and in each view', async () => {
    const out = folder();
    const first = new ManifestStore(out);
    const second = new ManifestStore(out);
    await first.load();
    await second.load();
    for (let i = 0; i < 3; i++) {
      await first.refresh();
      await first.record(`/a/${i}.txt`, entry(`a-${i}`));
      await second.refresh();
      await second.record(`/b/${i}.txt`, entry(`b-${i}`));
    }
    await first.compact();
    await second.refresh();
    expect(second.entries.size).toBe(6);
    const fresh = new ManifestStore(out);
    await fresh.load();
    expect([...fresh.entries.keys()].sort()).toEqual(['/a/0.txt', '/a/1.txt', '/a/2.txt', '/b/0.txt', '/b/1.txt', '/b/2.txt']);
  });
});
