/** Files of an output folder, for tests that compare what a command left behind. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder (anything but a folder), relative with "/" separators, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
