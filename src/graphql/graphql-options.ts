import { resolve } from 'node:path';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { errorLoggingPlugin, formatError } from '../common/errors/format-error.js';
import { serviceUnavailablePlugin } from '../common/errors/service-unavailable.js';
import type { AppConfig } from '../config/app-config.js';
import { OperationLimits } from '../edge/operation-limits.js';
import type { RateLimitSync } from '../edge/rate-limit-sync.js';
import type { ResponseCache } from '../response-cache/response-cache.service.js';
import { graphiqlLandingPage, PLAYGROUND_PAGE } from '../playground/graphiql-landing-page.plugin.js';
import type { GraphQLContextFactory } from './graphql-context.factory.js';

/**
 * Apollo on Fastify, code-first. Introspection and the playground stay on in production (organisers edit there,
 * partners build against the schema); PLAYGROUND=false turns the playground off. Subscriptions speak graphql-ws
 * (the graphql-transport-ws protocol) on the same path. With SCHEMA_FILE set (npm run start:dev), the schema is
 * written there: schema.gql is committed so every change shows in review.
 */
export function graphqlOptions(
  config: AppConfig,
  contexts: GraphQLContextFactory,
  limits: RateLimitSync,
  cache: ResponseCache,
): Omit<ApolloDriverConfig, 'driver'> {
  const operations = new OperationLimits(config, limits.limiter);
  return {
    path: '/graphql',
    autoSchemaFile: config.SCHEMA_FILE ? resolve(config.SCHEMA_FILE) : true,
    sortSchema: true,
    graphiql: false,
    introspection: true,
    autoTransformHttpErrors: false,
    // An error's own HTTP status stands, raised during execution too (429 RATE_LIMITED with Retry-After; 503
    // SERVICE_UNAVAILABLE, serviceUnavailablePlugin).
    preserveHttpStatusForExecutionErrors: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: operations.rules,
    parseOptions: operations.parseOptions,
    // Bearer tokens are the only credentials (no cookies, no basic auth), which a cross-site request cannot carry,
    // and Apollo refuses mutations over GET: CSRF prevention would only stop plain GETs of public reads, which
    // browsers and CDNs are meant to send (docs/caching.md). Persisted queries (APQ) are on, in Apollo's own
    // bounded in-memory cache.
    csrfPrevention: false,
    plugins: [
      cache.plugin(),
      errorLoggingPlugin,
      serviceUnavailablePlugin,
      operations.plugin(),
      // Cache hints are unused, and the plugin wraps every field resolver: a whole agenda resolves thousands.
      ApolloServerPluginCacheControlDisabled(),
      config.PLAYGROUND ? graphiqlLandingPage(PLAYGROUND_PAGE) : ApolloServerPluginLandingPageDisabled(),
    ],
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: (ctx) =>
          contexts.acceptsConnection(ctx as Parameters<GraphQLContextFactory['acceptsConnection']>[0]),
        onSubscribe: (ctx, _id, payload) =>
          // graphql-ws has counted this one already.
          operations.checkSubscription(payload, Object.keys(ctx.subscriptions).length - 1),
      },
    },
    context: (source: Parameters<GraphQLContextFactory['create']>[0]) => contexts.create(source),
  };
}
