import { runCommand } from '../common/errors/operator-error.js';
import { parseImportArgs, runImport } from './import-runner.js';

/**
 * `npm run import -- <file>... [--slug SLUG] [--publish]` (see import-runner.ts). An administrator action: it needs
 * database access (DATABASE_URL, or the embedded PostgreSQL), not a token. Exits 1 when any file was refused.
 */
async function main(): Promise<number> {
  const { files, slug, publish } = parseImportArgs(process.argv.slice(2));
  const result = await runImport(
    files,
    { slug, publish },
    { progress: process.stderr, log: (line) => console.log(line), error: (line) => console.error(line) },
  );
  return result.exitCode;
}

runCommand(main);
