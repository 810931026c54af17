/**
 * Loads SaxonJS (a 2.4 MB CommonJS file) for a fast cold start:
 *
 * - with V8's code cache: `npm run build` runs one build of the seed and saves
 *   the bytecode of every SaxonJS function it ran (`build/saxon-js.code-cache`,
 *   see tools/start-up-caches.ts), so a new process neither parses the 2.4 MB
 *   nor compiles those functions again on their first call (≈ 0.3 s of a cold
 *   one-article build). The cache is used only for the exact SaxonJS source
 *   it was made from (a SHA-256 of the file heads it; V8 itself checks only
 *   the source's length) and V8 rejects it for another Node/V8 version or
 *   other V8 flags; then SaxonJS is compiled as usual, only slower.
 * - without loading axios at start: SaxonJS requires it only to fetch `http:`
 *   resources, which this project never asks for; a stand-in loads it on first use.
 *
 * - with V8's tier-up budget raised (see {@link TIER_UP_FLAGS}), set here
 *   because V8 accepts a code cache only under the flags it was made with.
 *
 * Everything else is what Node's own `require` does: the file runs in the
 * CommonJS wrapper with its own `require`, `module` and `exports`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** The code cache `npm run build` writes (`build/saxon-js.code-cache`). */
export const SAXON_CODE_CACHE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'saxon-js.code-cache');

/**
 * V8 flags set before SaxonJS is compiled, once per process (V8's flags are the
 * process's). V8 optimises a function with
 * TurboFan, on background threads, once it has run about `interrupt-budget`
 * bytes of bytecode (default 67,584). A build runs a great deal of SaxonJS
 * code briefly, so with the default V8 spends more CPU on background compiles
 * than the main thread spends building: on 2 cores they compete with it.
 * With 300,000, a cold one-article run on the 2-core machine took process CPU
 * 3.8 → 2.7 s and wall 3.5 → 2.7 s (medians of 9 interleaved runs, loaded
 * machine), main-thread CPU unchanged; code that stays hot (a batch) is still
 * optimised, only a little later.
 *
 * Not `--no-regexp-tier-up`, though it made the cold quotations stage faster:
 * switched on at run time, after regular expressions already existed, it made
 * a vitest worker crash (segmentation fault) while importing the XSLT tests.
 * A tuning knob: if V8 ignored it, only the speed would change.
 */
export const TIER_UP_FLAGS = '--interrupt-budget=300000';

/** The environment variable that records, for worker threads started later, that this process set {@link TIER_UP_FLAGS}. */
const FLAGS_MARK = 'TEI_PRESS_V8_FLAGS_SET';

/** Length of the SHA-256 of the source that heads the cache file. */
const DIGEST_BYTES = 32;

/** What {@link loadSaxonJS} compiled, kept to write the code cache from. */
let loaded: { script: vm.Script; digest: Buffer; cache: 'used' | 'rejected' | 'none' } | undefined;

/** An object that loads the module only when a property is first read. */
function onFirstUse(load: () => object): object {
  let target: object | undefined;
  return new Proxy(
    {},
    {
      get(_, key) {
        target ??= load();
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    },
  );
}

/** Reads the code cache if it was made from this source; undefined otherwise. */
function readCodeCache(digest: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(SAXON_CODE_CACHE);
  } catch {
    return undefined;
  }
  return data.length > DIGEST_BYTES && data.subarray(0, DIGEST_BYTES).equals(digest) ? data.subarray(DIGEST_BYTES) : undefined;
}

/** Loads SaxonJS once per thread, from the code cache when it fits (see the module comment). */
export function loadSaxonJS(): unknown {
  // V8's flags belong to the process: set them once, in the first thread that loads SaxonJS. Worker
  // threads inherit the environment, so they see the mark and leave the flags alone rather than writing
  // them while other threads' compilers may be reading them.
  if (process.env[FLAGS_MARK] !== TIER_UP_FLAGS) {
    v8.setFlagsFromString(TIER_UP_FLAGS);
    process.env[FLAGS_MARK] = TIER_UP_FLAGS;
  }
  const nodeRequire = createRequire(import.meta.url);
  const file = nodeRequire.resolve('saxon-js');
  // One SaxonJS per thread: trees and values of one copy make another overflow its stack.
  // If something required it already, that copy is the one; ours is registered for later require/import.
  const cache = (Module as unknown as { _cache: Record<string, Module | undefined> })._cache;
  const known = cache[file];
  if (known?.loaded) return known.exports;
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest();
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n});`;
  const cachedData = readCodeCache(digest);
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  loaded = { script, digest, cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used' };
  const saxonRequire = createRequire(file);
  const requireForSaxon = (id: string): unknown => (id === 'axios' ? onFirstUse(() => saxonRequire('axios') as object) : saxonRequire(id));
  const cjsModule = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(cjsModule.exports, cjsModule.exports, requireForSaxon, cjsModule, file, path.dirname(file));
  const registered = new Module(file);
  registered.filename = file;
  registered.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  registered.exports = cjsModule.exports;
  registered.loaded = true;
  cache[file] = registered;
  return cjsModule.exports;
}

/** Whether SaxonJS came from the code cache in this thread: `none` when there was none for this source. */
export function saxonCodeCacheStatus(): 'used' | 'rejected' | 'none' | 'not loaded' {
  return loaded?.cache ?? 'not loaded';
}

/**
 * Writes the code cache of SaxonJS as compiled so far in this thread (every
 * function that has run). Call it after a representative build.
 * @returns the number of bytes written.
 */
export function saveSaxonCodeCache(file = SAXON_CODE_CACHE): number {
  if (!loaded) throw new Error('SaxonJS was not loaded by loadSaxonJS in this thread');
  const data = Buffer.concat([loaded.digest, loaded.script.createCachedData()]);
  writeFileSync(file, data);
  return data.length;
}
