import type { FastifyInstance } from 'fastify';
import { PinoLogger, type Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { serializeError } from './errors/format-error.js';

/**
 * The one logger (nestjs-pino): Nest's own messages and every `new Logger(...)` of the code base, a line per request
 * (`logRequests`, with the request id Fastify took from `x-request-id` or made up) and the GraphQL error log all go
 * through the same pino instance at LOG_LEVEL. Readable (pino-pretty) at a terminal in development; JSON lines
 * everywhere else, written asynchronously and in batches: a write (a system call) per 4 KiB of lines, or after
 * LOG_FLUSH_MS, whichever comes first, instead of one per line. What is buffered is written at once on shutdown
 * (`flushLogs`) and, synchronously, when the process exits, a crash included (pino's exit hook).
 */
export function loggerParams(config: AppConfig): Params {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY === true;
  return {
    // No pino-http middleware: `logRequests` logs requests from Fastify's own hooks (a Nest middleware costs every
    // request @fastify/middie and a child logger, a third of a cached answer's time).
    forRoutes: [],
    pinoHttp: {
      level: config.LOG_LEVEL,
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: {
                translateTime: 'SYS:HH:MM:ss.l',
                ignore: 'pid,hostname,context,reqId,req,res,responseTime',
                messageFormat:
                  '{if context}{context}: {end}{msg}{if req} {req.method} {req.url} {res.statusCode} {responseTime}ms{end}',
              },
            },
          }
        : { stream: batchedStdout(config.LOG_FLUSH_MS) }),
      wrapSerializers: false,
      serializers: { err: serializeError },
    },
  };
}

/**
 * A request's URL as logged: its path, without the query (a preview link's secret, a GraphQL GET's variables) and
 * with an invitation link's secret left out. Links that work must not end up in logs.
 */
export const loggedUrl = (url: string): string =>
  url.split('?', 1)[0].replace(/^\/invitations\/[^/]+/, '/invitations/…');

/**
 * A line per request, when its answer has gone: `reqId`, `req` (method, `loggedUrl`, the client's address as Fastify
 * reads it with TRUST_PROXY), `res.statusCode` and `responseTime` in ms, at `info`; a 5xx is "request errored" and
 * names the status only (the error itself was logged once, where it was caught, with its stack; an outage's 503s, once
 * in a while). An error logged while serving a request names its `reqId` itself (errorLoggingPlugin): no request
 * context is kept for the log, since an AsyncLocalStorage costs every promise a hook on Node 20 (a tenth of an uncached
 * read).
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    logRequest(request.id, request.raw, request.ip, reply.statusCode, reply.elapsedTime);
    done();
  });
}

/** The line of one request (`logRequests`), also written for the front door's answers (common/http/front-door.ts). */
export function logRequest(
  id: string,
  req: { method?: string; url?: string },
  address: string | undefined,
  statusCode: number,
  elapsedMs: number,
): void {
  const line = {
    reqId: id,
    req: { method: req.method, url: loggedUrl(req.url ?? ''), remoteAddress: address },
    res: { statusCode },
    responseTime: Math.round(elapsedMs),
  };
  PinoLogger.root.info(line, statusCode >= 500 ? 'request errored' : 'request completed');
}

/** The standard-output destinations made by `loggerParams` (one per app), so that shutdown can flush them. */
const destinations = new Set<ReturnType<typeof pino.destination>>();

function batchedStdout(flushMs: number) {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: flushMs });
  destinations.add(destination);
  destination.on('close', () => destinations.delete(destination));
  return destination;
}

/** Writes every log line still buffered, synchronously: the last step before the process exits on purpose. */
export function flushLogs(): void {
  for (const destination of destinations) {
    try {
      destination.flushSync();
    } catch {
      // A write still under way (it then writes what is buffered) or a closed output: nothing more can be done.
    }
  }
}
