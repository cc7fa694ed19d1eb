import { HeaderMap } from '@apollo/server';

/** The stable codes clients see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

/**
 * An error the service means to tell the client about. Services throw these; the GraphQL error formatter
 * (common/errors/format-error.ts) turns them into GraphQLErrors with `extensions.code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input: `field` is the path of the offending argument or document member, e.g. `input.endsAt`. */
export class BadInputError extends DomainError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

/** A change made at `expectedVersion` to a record that has moved on: CONFLICT carrying the current version. */
export class StaleVersionError extends ConflictError {
  constructor(what: string, expectedVersion: number | null, currentVersion: number) {
    super(
      `The ${what} has changed since version ${expectedVersion}: it is at version ${currentVersion}. ` +
        'Reload it and apply your change again.',
      { currentVersion, expectedVersion },
    );
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

/**
 * Too many requests: the client may try again after `retryAfter` seconds. Apollo answers it with HTTP 429 and
 * Retry-After (the `http` extension, which never reaches the client), thrown before or during execution.
 */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super('RATE_LIMITED', message, {
      retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    });
  }
}

/** The database cannot be reached right now: the request may be tried again. */
export class ServiceUnavailableError extends DomainError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The service cannot reach its database right now; try again shortly');
  }
}

/**
 * Whether an error says the database is out of reach (refused, gone, shutting down, out of connections, a
 * connection that broke or timed out, not connected yet, its database not created yet: 3D000) or too slow to wait for (a statement cancelled by
 * statement_timeout, 57014, or a lock not granted within lock_timeout, 55P03), as opposed to a query that failed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  const codes = [code, driverCode].filter((c): c is string => typeof c === 'string');
  if (
    codes.some((c) =>
      /^(08|57P0[1-3]|57014|55P03|53300|3D000|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND)/.test(c),
    )
  )
    return true;
  return /Connection terminated|timeout exceeded when trying to connect|Driver not Connected|connection is not yet established|is not currently accepting connections|the database system is (starting up|shutting down)/i.test(
    typeof message === 'string' ? message : '',
  );
}
