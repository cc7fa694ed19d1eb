// `npm start` and `npm test` build first, but only when a source changed since the last build: `nest build` takes
// ~8 s, this check a few milliseconds. The stamp lives in dist/, so `npm run build` (which empties dist/) or a
// deleted dist/ always leads to a full build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
  'src',
  'migrations',
  'bench',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
];
const STAMP = 'dist/.build-stamp';

/** The newest modification time under a file or folder, in milliseconds. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (Math.max(...INPUTS.map(newest)) >= built) {
  const started = Date.now();
  execFileSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build'], { stdio: 'inherit' });
  writeFileSync(STAMP, `built in ${Date.now() - started} ms\n`);
  // Dated when the build began, so a source saved during the build still counts as changed next time.
  utimesSync(STAMP, started / 1000, started / 1000);
}
