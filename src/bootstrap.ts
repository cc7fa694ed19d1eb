import { randomUUID } from 'node:crypto';
import { ConsoleLogger, type INestApplication, type LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { InputValidationPipe } from './common/validation/input-validation.pipe.js';
import type { AppConfig, LogLevel } from './config/app-config.js';
import { PLAYGROUND_PAGE } from './playground/graphiql-landing-page.plugin.js';

const NEST_LEVELS: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const RANK: Record<Exclude<LogLevel, 'silent'>, number> = { fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };

/** Nest's own messages at LOG_LEVEL: JSON lines in production (as Fastify's request logs are), readable otherwise. */
function nestLogger(config: AppConfig): ConsoleLogger | false {
  if (config.LOG_LEVEL === 'silent') return false;
  return new ConsoleLogger({ json: config.production, logLevels: NEST_LEVELS.slice(0, RANK[config.LOG_LEVEL]) });
}

/**
 * Builds the application for a resolved configuration (DATABASE_URL set). Used by main.ts and by the tests,
 * so both run exactly the same wiring.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: nestLogger(config),
    bufferLogs: false,
    abortOnError: false,
  });
  // Anonymous reads from any origin (partner sites, <agenda-embed>); credentials are never allowed cross-origin.
  app.enableCors({
    origin: '*',
    credentials: false,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    maxAge: 86400,
  });
  app.useGlobalPipes(new InputValidationPipe());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
      // The playground page: its scripts only, and never framed by another site (it keeps a sign-in token).
      if (request.url.split('?')[0] === '/graphql' && String(reply.getHeader('content-type')).startsWith('text/html')) {
        reply.header('content-security-policy', PLAYGROUND_PAGE.csp);
      }
    });
  return app;
}

export type App = INestApplication;
