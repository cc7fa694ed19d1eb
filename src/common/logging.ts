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
 * everywhere else, written asynchronously (pino's SonicBoom, flushed at exit).
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
        : { stream: pino.destination({ dest: 1, sync: false }) }),
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
