import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ServiceUnavailableError } from './domain-error.js';

/** What a 503 tells the client to wait before trying again: about how long a database restart takes. */
export const RETRY_AFTER_SECONDS = 5;

/** A warning at most this often about the database being out of reach, however many requests fail meanwhile. */
const REPORT_EVERY_MS = 10_000;

const logger = new Logger('Database');
let lastReport = 0;
let unreported = 0;

/**
 * Notes that a request (or a background task) failed because the database is out of reach, slow or out of
 * connections: one short warning every 10 s with how many failed since, no stack. An outage is one fact to an
 * operator, not one per request, and a stack trace says nothing more about it.
 */
export function reportDatabaseUnavailable(error: unknown): void {
  const now = Date.now();
  if (now - lastReport < REPORT_EVERY_MS) {
    unreported += 1;
    return;
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  const reason = [driverCode ?? code, message].filter((part) => typeof part === 'string' && part).join(' ');
  const since = unreported ? ` (${unreported} more since the last warning)` : '';
  logger.warn(`database unavailable: ${reason || String(error)}${since}`);
  lastReport = now;
  unreported = 0;
}

/** The headers of every 503 the service sends. */
export const unavailableHeaders = (): Record<string, string> => ({ 'retry-after': String(RETRY_AFTER_SECONDS) });

/** A GraphQL error that makes Apollo answer 503 with Retry-After: for failures before execution (the context). */
export function unavailableGraphQLError(): GraphQLError {
  const { code, message } = new ServiceUnavailableError();
  return new GraphQLError(message, {
    extensions: { code, http: { status: 503, headers: new HeaderMap(Object.entries(unavailableHeaders())) } },
  });
}

/**
 * A GraphQL response that carries SERVICE_UNAVAILABLE, wherever it was raised during execution, is an HTTP 503
 * with Retry-After: clients and proxies retry a 503, and a 200 hides the outage from every monitor.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        const { body } = response;
        const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        if (errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          for (const [name, value] of Object.entries(unavailableHeaders())) response.http.headers.set(name, value);
        }
        return Promise.resolve();
      },
    });
  },
};
