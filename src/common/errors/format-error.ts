import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';

/** Codes that graphql-js and Apollo themselves put on errors about the request; safe to pass through. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * The one place where errors become what clients see. Domain errors keep their code and message; errors about
 * the request itself pass through; anything else is masked as INTERNAL_SERVER_ERROR and logged whole.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
  }
  if (isUniqueViolation(original)) {
    // Two writers raced for one slug or email past the services' own checks.
    return { ...base, message: 'That already exists', extensions: { code: 'CONFLICT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_CODES.has(code) && !(original instanceof QueryFailedError)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || isUniqueViolation(original)) return true;
  if (original instanceof QueryFailedError) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' && REQUEST_CODES.has(code);
}

/** A failed query is logged with its SQL but without its parameters: those hold content, hashes, secrets. */
function loggable(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as { code?: string; detail?: string };
  return {
    type: 'QueryFailedError',
    message: error.message,
    code: driver.code,
    query: error.query,
    stack: error.stack,
  };
}

interface LoggingContext {
  req?: { log?: { error(obj: object, msg: string): void } };
}

/** Logs every unexpected error whole, with the request id of the request's logger, before it is masked. */
export const errorLoggingPlugin: ApolloServerPlugin<LoggingContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          if (isExpected(error)) continue;
          contextValue.req?.log?.error(
            { err: loggable(unwrapResolverError(error)), path: error.path, operationName },
            'unexpected error while serving a GraphQL request',
          );
        }
        return Promise.resolve();
      },
    });
  },
};
