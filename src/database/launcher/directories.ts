import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Whether `dir` holds a PostgreSQL cluster. */
export function hasCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** `dir` itself when it exists, else the closest directory above it that does. */
export function nearestExisting(dir: string): string {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Makes `dir` and its missing parents, each 0755 whatever the umask, so the PostgreSQL user can enter them. */
export function makeSearchableDirectory(dir: string): void {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return;
  for (let at = dir; at.length >= first.length; at = dirname(at)) chmodSync(at, 0o755);
}
