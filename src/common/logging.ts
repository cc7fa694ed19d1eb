import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { serializeError } from './errors/format-error.js';

/**
 * The one logger (nestjs-pino): Nest's own messages and every `new Logger(...)` of the code base, a line per request
 * (pino-http, with the request id Fastify took from `x-request-id` or made up) and the GraphQL error log all go
 * through the same pino instance at LOG_LEVEL. Readable (pino-pretty) at a terminal in development; JSON lines
 * everywhere else, written asynchronously and in batches: a write (a system call) per 4 KiB of lines, or after
 * LOG_FLUSH_MS, whichever comes first, instead of one per line. What is buffered is written at once on shutdown
 * (`flushLogs`) and, synchronously, when the process exits, a crash included (pino's exit hook).
 */
export function loggerParams(config: AppConfig): Params {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY === true;
  return {
    // nestjs-pino's default ('{/*splat}') reaches @fastify/middie 9.3 as '/{/*splat}', which matches '/' alone.
    forRoutes: [{ path: '/{*splat}', method: RequestMethod.ALL }],
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
      // Lines logged while serving a request carry its `reqId`; only the request's own line has method and URL.
      quietReqLogger: true,
      wrapSerializers: false,
      serializers: {
        // `originalUrl` and `ip` are set by @fastify/middie: the URL before it strips the mount path, the client's
        // address as Fastify reads it (TRUST_PROXY).
        req: (req: IncomingMessage & { originalUrl?: string; ip?: string }) => ({
          method: req.method,
          url: req.originalUrl ?? req.url,
          remoteAddress: req.ip,
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
      // A 5xx line names the status only: the error itself was logged once, where it was caught, with its stack.
      customErrorObject: (_req, _res, _error, { err: _err, ...line }: Record<string, unknown>) => line,
    },
  };
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
