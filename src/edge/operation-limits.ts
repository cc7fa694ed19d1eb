import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { RateLimitedError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { clientAddress, type GraphQLContext } from '../graphql/graphql-context.js';
import { readKey } from './edge-hooks.js';
import { queryCost } from './query-cost.js';
import type { RateLimiter } from './rate-limiter.js';

/** What a graphql-ws client sends to subscribe. */
interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The limits every operation meets before it runs, over HTTP (Apollo) and over WebSocket (graphql-ws) alike:
 * tokens (graphql-js's parser), aliases, directives and depth (GraphQL Armor's rules), cost (query-cost.ts), and
 * for an anonymous HTTP caller, the points of its rate limit (1 + cost / RATE_LIMIT_COST_PER_POINT).
 */
export class OperationLimits {
  /** Reported like any validation error (400, GRAPHQL_VALIDATION_FAILED), not thrown (which Apollo takes for a fault). */
  readonly rules: ValidationRule[];
  readonly parseOptions: { maxTokens: number };
  private schema?: GraphQLSchema;

  constructor(
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {
    const common = {
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) =>
          context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
      ],
    };
    this.rules = [
      maxAliasesRule({ ...common, n: config.QUERY_MAX_ALIASES }),
      maxDirectivesRule({ ...common, n: config.QUERY_MAX_DIRECTIVES }),
      maxDepthRule({ ...common, n: config.QUERY_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true }),
    ];
    this.parseOptions = { maxTokens: config.QUERY_MAX_TOKENS };
  }

  /** Apollo's side: the shape rules run as validationRules; this costs each valid operation and charges it. */
  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      serverWillStart: ({ schema }) => {
        this.schema = schema;
        return Promise.resolve();
      },
      requestDidStart: () =>
        Promise.resolve({
          didResolveOperation: ({ request, document, operationName, contextValue, schema }) => {
            const cost = this.costWithin(schema, document, request.variables ?? {}, operationName ?? undefined);
            if (contextValue.viewer) return Promise.resolve();
            const points = 1 + Math.floor(cost / this.config.RATE_LIMIT_COST_PER_POINT);
            // A cache hit replaying this answer costs as much.
            if (contextValue.answer) contextValue.answer.points = points;
            const wait = this.limiter.consume(readKey(clientAddress(contextValue.req)), points);
            if (wait > 0) {
              const limited = new RateLimitedError(
                `Too many requests from this address; try again in ${wait} seconds`,
                wait,
              );
              throw new GraphQLError(limited.message, { extensions: { code: limited.code, ...limited.extensions } });
            }
            return Promise.resolve();
          },
        }),
    };
  }

  /** graphql-ws's onSubscribe: the same limits for a subscription; its errors, or nothing to go on. */
  checkSubscription(payload: SubscribePayload): readonly GraphQLError[] | undefined {
    if (!this.schema) return undefined;
    let document: DocumentNode;
    try {
      document = parse(payload.query, this.parseOptions);
    } catch (error) {
      return [error as GraphQLError];
    }
    const invalid = validate(this.schema, document, [...specifiedRules, ...this.rules]);
    if (invalid.length > 0) return invalid;
    try {
      this.costWithin(this.schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
    } catch (error) {
      return [error as GraphQLError];
    }
    return undefined;
  }

  private costWithin(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName?: string,
  ): number {
    let cost: number;
    try {
      cost = queryCost(schema, document, variables, operationName);
    } catch (error) {
      throw refusal((error as Error).message, {});
    }
    const limit = this.config.QUERY_MAX_COST;
    if (cost > limit) {
      throw refusal(
        `The operation would cost ${cost}; at most ${limit} is allowed. Ask for fewer fields, fewer aliases or ` +
          'smaller pages (`first`).',
        { cost, limit },
      );
    }
    return cost;
  }
}

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
