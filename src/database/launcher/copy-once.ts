import { cpSync, existsSync, lstatSync, readdirSync, renameSync, rmSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './processes.js';

function eachEntry(path: string, visit: (path: string, stats: Stats) => void): void {
  const stats = lstatSync(path);
  visit(path, stats);
  if (stats.isDirectory()) for (const name of readdirSync(path)) eachEntry(join(path, name), visit);
}

/**
 * Copies the directory `source` to `target` unless `target` exists: into a sibling first, where `adjust` sets each
 * entry's owner or mode, then renamed into place, so `target` only ever appears complete. `source` is only read.
 * Returns whether it copied.
 */
export function copyOnce(
  source: string,
  target: string,
  options: { adjust: (path: string, stats: Stats) => void; skip?: (path: string) => boolean },
): boolean {
  if (existsSync(target)) return false;
  const parent = dirname(target);
  const prefix = `${basename(target)}.partial-`;
  for (const name of readdirSync(parent)) {
    // What a killed run was copying.
    if (name.startsWith(prefix) && !isAlive(Number(name.slice(prefix.length)))) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  const staging = join(parent, `${prefix}${process.pid}`);
  try {
    cpSync(source, staging, {
      recursive: true,
      verbatimSymlinks: true,
      preserveTimestamps: true,
      filter: (path) => !options.skip?.(path),
    });
    eachEntry(staging, options.adjust);
    renameSync(staging, target);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(target)) return false; // another process made it meanwhile
    throw error;
  }
}
