import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { RateLimitedError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { clientAddress, type GraphQLContext } from '../graphql/graphql-context.js';
import { readKey } from './edge-hooks.js';
import { queryCost } from './query-cost.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * The shape limits, as GraphQL Armor's validation rules: aliases and directives counted over the whole operation
 * (introspection included, fragments expanded), depth outside introspection's own type references. Tokens are
 * limited by graphql-js's parser itself (`parseOptions.maxTokens`, graphql-options.ts).
 */
export function operationShapeRules(config: AppConfig): ValidationRule[] {
  // Reported like any validation error (400, GRAPHQL_VALIDATION_FAILED), not thrown (which Apollo takes for a fault).
  const common = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return [
    maxAliasesRule({ ...common, n: config.QUERY_MAX_ALIASES }),
    maxDirectivesRule({ ...common, n: config.QUERY_MAX_DIRECTIVES }),
    maxDepthRule({ ...common, n: config.QUERY_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true }),
  ];
}

/**
 * Once an operation is valid and before it runs: its cost (query-cost.ts) against QUERY_MAX_COST, and for an
 * anonymous caller, its points against the address's rate limit (1 + cost / RATE_LIMIT_COST_PER_POINT).
 */
export function operationCostPlugin(config: AppConfig, limiter: RateLimiter): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, operationName, contextValue, schema }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            throw refusal((error as Error).message, {});
          }
          if (cost > config.QUERY_MAX_COST) {
            throw refusal(
              `The operation would cost ${cost}; at most ${config.QUERY_MAX_COST} is allowed. Ask for fewer fields, ` +
                'fewer aliases or smaller pages (`first`).',
              { cost, limit: config.QUERY_MAX_COST },
            );
          }
          if (contextValue.viewer) return Promise.resolve();
          const points = 1 + Math.floor(cost / config.RATE_LIMIT_COST_PER_POINT);
          const wait = limiter.consume(readKey(clientAddress(contextValue.req)), points);
          if (wait > 0) {
            const limited = new RateLimitedError(
              `Too many requests from this address; try again in ${wait} seconds`,
              wait,
            );
            throw new GraphQLError(limited.message, { extensions: { code: limited.code, ...limited.extensions } });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
