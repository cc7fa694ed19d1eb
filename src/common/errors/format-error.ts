import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import { stdSerializers } from 'pino';
import { QueryFailedError } from 'typeorm';
import { DomainError, isDatabaseUnavailable, ServiceUnavailableError } from './domain-error.js';
import { reportDatabaseUnavailable, unavailableHeaders } from './service-unavailable.js';

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
  'SERVICE_UNAVAILABLE',
]);

/**
 * The one place where errors become what clients see. Domain errors keep their code and message; errors about
 * the request itself pass through; anything else is masked as INTERNAL_SERVER_ERROR and logged whole.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    // `http` is Apollo's: the status and headers of the response, already applied.
    const { http: _http, ...extensions } = original.extensions;
    return { ...base, message: original.message, extensions: { code: original.code, ...extensions } };
  }
  if (isDatabaseUnavailable(original)) {
    const unavailable = new ServiceUnavailableError();
    return { ...base, message: unavailable.message, extensions: { code: unavailable.code } };
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
  if (original instanceof DomainError || isUniqueViolation(original) || isDatabaseUnavailable(original)) return true;
  if (original instanceof QueryFailedError) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' && REQUEST_CODES.has(code);
}

/**
 * How pino writes an `err`, wherever it is logged. A failed query keeps its SQL but not its parameters nor the
 * driver's detail: those hold content, hashes, secrets.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error instanceof Error ? stdSerializers.err(error) : error;
  return {
    type: 'QueryFailedError',
    message: error.message,
    code: (error.driverError as { code?: string }).code,
    query: error.query,
    stack: error.stack,
  };
}

const logger = new Logger('GraphQL');

/** Logs every unexpected error whole, with its request's id, before it is masked. */
export const errorLoggingPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, operationName, contextValue }) {
        const reqId = (contextValue as { req?: { id?: unknown } }).req?.id;
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isDatabaseUnavailable(original)) reportDatabaseUnavailable(original);
          if (isExpected(error)) continue;
          logger.error(
            { reqId, err: original, path: error.path, operationName },
            'unexpected error while serving a GraphQL request',
          );
        }
        return Promise.resolve();
      },
    });
  },
};

interface RequestRefusal {
  statusCode: number;
  code: string;
  message: string;
  limit?: number;
}

/**
 * The error with which Fastify refused a request before any handler (FST_ERR_CTP_*, 4xx), or one raised in its
 * name; Nest hands it over as the cause of an HttpException.
 */
function requestRefusal(exception: unknown): RequestRefusal | undefined {
  const e = (exception instanceof HttpException ? exception.cause : exception) as Partial<RequestRefusal> | null;
  const refused =
    typeof e?.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_ERR_');
  return refused ? (e as RequestRefusal) : undefined;
}

/**
 * Nest's handler around resolvers logs whatever they throw, client errors included, before Apollo sees it. This
 * global filter hands resolvers' errors to Apollo untouched instead, so that formatError and the plugin above are
 * the only ones to judge them and an unexpected error is logged once. Over HTTP, a request Fastify refused before
 * any handler (its body) is a 4xx BAD_USER_INPUT; for partner formats and health, a database out of reach is a 503 with Retry-After, noted once in a while (reportDatabaseUnavailable) instead of a
 * 500 with its stack; everything else keeps Nest's handling.
 */
@Catch()
export class ResolverErrorsToApollo extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const refusal = host.getType() === 'http' ? requestRefusal(exception) : undefined;
    if (refusal) {
      // Fastify refused the request itself (a body too large, not JSON, empty, of a type it cannot read): the
      // client's mistake, answered in the shape of a GraphQL answer like every other refusal.
      const adapter = this.httpAdapterHost?.httpAdapter ?? this.applicationRef;
      const reply: unknown = host.switchToHttp().getResponse();
      const { limit, message, statusCode } = refusal;
      const extensions = { code: 'BAD_USER_INPUT', ...(limit === undefined ? {} : { limit }) };
      adapter?.setHeader(reply, 'cache-control', 'no-store');
      adapter?.reply(reply, { errors: [{ message, extensions }] }, statusCode);
      return;
    }
    if (host.getType() === 'http' && isDatabaseUnavailable(exception)) {
      reportDatabaseUnavailable(exception);
      const adapter = this.httpAdapterHost?.httpAdapter ?? this.applicationRef;
      const reply: unknown = host.switchToHttp().getResponse();
      for (const [name, value] of Object.entries(unavailableHeaders())) adapter?.setHeader(reply, name, value);
      const { message } = new ServiceUnavailableError();
      adapter?.reply(reply, { statusCode: 503, error: 'Service Unavailable', message }, 503);
      return;
    }
    super.catch(exception, host);
  }
}
