import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOT_OURS = new Set(['node_modules', 'dist', '.data', '.git', 'coverage']);
// Spelled in two parts so that this file does not name the folder itself.
const OUTSIDE = ['..', 'shared'].join('/');

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_OURS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

describe('the repository stands alone', () => {
  it('has no file that reads from or points to a folder beside the clone', () => {
    const offenders = [...files(ROOT)].filter((path) => readFileSync(path).includes(OUTSIDE));
    expect(offenders.map((path) => relative(ROOT, path))).toEqual([]);
  });
});
