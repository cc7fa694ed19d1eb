import { randomUUID } from 'node:crypto';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ResolverErrorsToApollo } from './common/errors/format-error.js';
import { trustProxy } from './common/http/client-address.js';
import { routePath } from './common/http/route-path.js';
import { serverOptions } from './common/http/server-options.js';
import { loggerParams, logRequests } from './common/logging.js';
import { InputValidationPipe } from './common/validation/input-validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { refuseWhileNotServing } from './health/serving-gate.js';
import { PLAYGROUND_PAGE } from './playground/graphiql-landing-page.plugin.js';

/** The application as a server: AppModule, and the one logger (common/logging.ts) for it all. */
@Module({})
class ServerModule {}

/**
 * Builds the application for a resolved configuration (DATABASE_URL set). Used by main.ts and by the tests,
 * so both run exactly the same wiring.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Fastify's own logger stays off: requests are logged by logRequests (common/logging.ts), with the id Fastify
    // gives each one here.
    logger: false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // The largest body anyone may send; edge-hooks.ts holds anonymous ones to QUERY_BODY_LIMIT.
    bodyLimit: config.DOCUMENT_BODY_LIMIT,
    trustProxy: trustProxy(config.TRUST_PROXY),
    ...serverOptions(config),
  });
  const root = {
    module: ServerModule,
    imports: [LoggerModule.forRoot(loggerParams(config)), AppModule.forRoot(config)],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // First of the hooks: every request is logged, those refused at the edge too.
  logRequests(app.getHttpAdapter().getInstance());
  // Anonymous reads from any origin (partner sites, <agenda-embed>); credentials are never allowed cross-origin.
  app.enableCors({
    origin: '*',
    credentials: false,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    maxAge: 86400,
  });
  app.useGlobalPipes(new InputValidationPipe());
  app.useGlobalFilters(new ResolverErrorsToApollo(app.getHttpAdapter()));
  refuseWhileNotServing(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      reply.header('x-request-id', request.id);
      // The playground page: its scripts only, and never framed by another site (it keeps a sign-in token).
      if (routePath(request) === '/graphql' && String(reply.getHeader('content-type')).startsWith('text/html')) {
        reply.header('content-security-policy', PLAYGROUND_PAGE.csp);
      }
      done(null, payload);
    });
  return app;
}

export type App = INestApplication;
