/**
 * A problem the person running a command can fix (the configuration, the command line, where the embedded
 * PostgreSQL can run): printed as its message alone, never with a stack trace.
 */
export class OperatorError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Ends a command that failed: an OperatorError printed as its message, anything else whole, as a bug to report. */
export function exitOnFailure(error: unknown): never {
  console.error(error instanceof OperatorError ? error.message : error);
  process.exit(error instanceof OperatorError ? error.exitCode : 1);
}

/** Runs a command-line entry point and exits with its code (process.exit, so no open handle keeps it running). */
export function runCommand(main: () => Promise<number | void>): void {
  main().then((code) => process.exit(code ?? 0), exitOnFailure);
}
