import type { Server } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';

/**
 * How long a connection may take and stay, so that no client holds one indefinitely: the headers within
 * HTTP_HEADERS_TIMEOUT_MS, the whole request within HTTP_REQUEST_TIMEOUT_MS (a body trickled in a byte at a time is cut
 * off with 408), and an idle keep-alive connection for HTTP_KEEP_ALIVE_TIMEOUT_MS. No socket inactivity timeout besides
 * (`connectionTimeout` 0): it would close idle keep-alive connections before their time, under a client or proxy about
 * to reuse them; the answer's own time is bounded by the statement and pool timeouts. Node checks the first two every
 * `connectionsCheckingInterval`. While the server closes, new requests on open connections get 503 and idle connections
 * are closed, so none keeps it open. */
export function serverOptions(config: AppConfig): FastifyHttpOptions<Server> {
  return {
    connectionTimeout: 0,
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    http: {
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(1000, config.HTTP_HEADERS_TIMEOUT_MS),
    },
  };
}
