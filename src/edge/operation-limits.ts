import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
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

/** Subscriptions one WebSocket may hold open at once. */
export const SUBSCRIPTIONS_PER_SOCKET = 20;

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
            let cost: number;
            try {
              cost = this.costWithin(schema, document, request.variables ?? {}, operationName ?? undefined);
            } catch (refused) {
              // A refused operation still pays, as the most costly one allowed: probing the limit is not free.
              this.charge(contextValue, this.config.QUERY_MAX_COST);
              throw refused;
            }
            this.charge(contextValue, cost);
            return Promise.resolve();
          },
        }),
    };
  }

  /**
   * An anonymous caller's operation pays floor(cost / RATE_LIMIT_COST_PER_POINT) points beyond the 1 its request
   * paid on arrival (edge-hooks.ts); over its budget, RATE_LIMITED (429 with Retry-After).
   */
  private charge(context: GraphQLContext, cost: number): void {
    if (context.viewer) return;
    const points = Math.floor(cost / this.config.RATE_LIMIT_COST_PER_POINT);
    // A cache hit replaying this answer pays as much.
    if (context.answer) context.answer.points = points;
    if (points === 0) return;
    const wait = this.limiter.consume(readKey(clientAddress(context.req)), points);
    if (wait === 0) return;
    const limited = new RateLimitedError(`Too many requests from this address; try again in ${wait} seconds`, wait);
    throw new GraphQLError(limited.message, { extensions: { code: limited.code, ...limited.extensions } });
  }

  /**
   * graphql-ws's onSubscribe: the same limits for a subscription, at most SUBSCRIPTIONS_PER_SOCKET open on one
   * socket, and only subscriptions (queries and mutations go over HTTP, through the rate limits and caps there);
   * its errors, or nothing to go on.
   */
  checkSubscription(payload: SubscribePayload, open: number): readonly GraphQLError[] | undefined {
    if (!this.schema) return undefined;
    if (open >= SUBSCRIPTIONS_PER_SOCKET) {
      return [new GraphQLError(`At most ${SUBSCRIPTIONS_PER_SOCKET} subscriptions on one connection`)];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, this.parseOptions);
    } catch (error) {
      return [error as GraphQLError];
    }
    const invalid = validate(this.schema, document, [...specifiedRules, ...this.rules]);
    if (invalid.length > 0) return invalid;
    const operation = getOperationAST(document, payload.operationName);
    if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [new GraphQLError('Only subscriptions go over this socket; send queries and mutations over HTTP')];
    }
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
    const cost = rememberedCost(schema, document, variables, operationName);
    if (typeof cost === 'string') throw refusal(cost, {});
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

/**
 * Costs by document (Apollo keeps one DocumentNode per query text it has seen) and variables: the same few
 * operations come again and again, and costing walks the whole document. A cost, or why it cannot be costed.
 * At most COSTS_KEPT variants per document, of variables up to COSTED_KEY_KEPT characters, then afresh.
 */
const COSTS_KEPT = 100;
const COSTED_KEY_KEPT = 1024;
const costs = new WeakMap<DocumentNode, Map<string, number | string>>();

function rememberedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number | string {
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map<string, number | string>()));
  const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
  let cost = key.length <= COSTED_KEY_KEPT ? known.get(key) : undefined;
  if (cost === undefined) {
    try {
      cost = queryCost(schema, document, variables, operationName);
    } catch (error) {
      cost = (error as Error).message;
    }
    if (key.length > COSTED_KEY_KEPT) return cost;
    if (known.size >= COSTS_KEPT) known.clear();
    known.set(key, cost);
  }
  return cost;
}

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
