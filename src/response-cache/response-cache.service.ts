import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import {
  notModified,
  PRIVATE_NO_STORE,
  publicCacheControl,
  publicHeaders,
  sendPublic,
  strongETag,
} from '../common/http/conditional.js';
import { clientAddress, trustProxy } from '../common/http/client-address.js';
import { openFrontDoor, replayedBody } from '../common/http/front-door.js';
import { routePath } from '../common/http/route-path.js';
import { logRequest } from '../common/logging.js';
import { AppConfig } from '../config/app-config.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { NotificationsService, SHARED_RECORD_CHANGES_CHANNEL } from '../database/notifications.service.js';
import { readKey, refuseRateLimited } from '../edge/edge-hooks.js';
import { RateLimitSync } from '../edge/rate-limit-sync.js';
import { EVENT_CHANGES_CHANNEL, type EventChangeSignal } from '../events/domain/event-change.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AnswerCache, type CachedAnswer, type Fill } from './answer-cache.js';
import { AnswerScope, eventKey, eventSlugKey, LISTS_KEY } from './answer-scope.js';
import { knownKey, REMEMBERED_BODY_MAX, requestKey } from './request-key.js';

/** Root fields whose answer depends on the events they name only; any other makes an answer depend on the lists. */
const SINGLE_EVENT_ROOTS = new Set(['event', '__typename']);

const onlySingleEvents = (operation: OperationDefinitionNode): boolean =>
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SINGLE_EVENT_ROOTS.has(s.name.value));

/** The headers a reply has so far that are the same for every request: not its id or length. */
function edgeHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string' && name !== 'x-request-id' && name !== 'content-length') headers[name] = value;
  }
  return headers;
}

const isGraphQL = (request: FastifyRequest): boolean => routePath(request) === '/graphql';

/**
 * The public response cache (docs/caching.md). An anonymous GraphQL read whose answer is public (a query answered
 * without errors) is kept in memory with its bytes and headers, and a repeat of it is answered before Apollo parses
 * anything (an exact repeat at the front door, before Fastify; otherwise a GET in Fastify's onRequest, a POST in
 * preHandler once its body is read), charged the points the operation cost. Every such answer, cached or not, is
 * sent with `Cache-Control: public`, a strong ETag (304 on If-None-Match) and the surrogate keys of what it depends
 * on; every other /graphql answer with `private, no-store`. The change notices (NOTIFY, from any replica) drop the
 * answers of the event they name and the lists; a write to a shared record drops all.
 */
@Injectable()
export class ResponseCache implements OnModuleInit {
  /** Undefined with RESPONSE_CACHE=off: the headers stay, nothing is kept. */
  readonly store?: AnswerCache;
  private readonly cacheControl: string;
  private readonly scopes = new WeakMap<FastifyRequest, AnswerScope>();
  private readonly fills = new WeakMap<FastifyRequest, Fill>();
  private readonly served = new WeakSet<FastifyRequest>();
  private readonly address: (req: IncomingMessage) => string | undefined;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitSync,
    private readonly lifecycle: DatabaseLifecycle,
  ) {
    if (config.RESPONSE_CACHE && config.RESPONSE_CACHE_MAX_BYTES > 0) {
      this.store = new AnswerCache(config.RESPONSE_CACHE_MAX_BYTES);
    }
    this.cacheControl = publicCacheControl(config.RESPONSE_CACHE_MAX_AGE_S, config.RESPONSE_CACHE_SWR_S);
    this.address = clientAddress(trustProxy(config.TRUST_PROXY));
  }

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    const answer = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (!this.store || !isGraphQL(request) || request.headers.authorization) return done();
      void this.lookUp(this.store, request, reply).then((answered) => answered || done(), done);
    };
    // A GET is answered as soon as it is routed (after the edge's rate limit, edge-hooks.ts); a POST once its
    // body is read.
    fastify.addHook('onRequest', (request, reply, done) =>
      request.method === 'GET' ? answer(request, reply, done) : done(),
    );
    fastify.addHook('preHandler', (request, reply, done) =>
      request.method === 'POST' ? answer(request, reply, done) : done(),
    );
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (!isGraphQL(request) || this.served.has(request) || request.method === 'OPTIONS') return done(null, payload);
      if (String(reply.getHeader('content-type')).startsWith('text/html')) return done(null, payload);
      done(null, this.headed(request, reply, payload));
    });
    const { store } = this;
    if (!store) return;
    openFrontDoor(fastify, {
      bodyFirst: (req) => this.readsFirst(req),
      answer: (req, res, body) => this.answerEarly(store, req, res, body),
    });
    this.notifications.listen(EVENT_CHANGES_CHANNEL, (payload) => {
      const change = JSON.parse(payload) as EventChangeSignal;
      store.invalidate([eventKey(change.eventId), eventSlugKey(change.slug), LISTS_KEY]);
    });
    this.notifications.onStale([SHARED_RECORD_CHANGES_CHANNEL], () => store.clear());
  }

  /**
   * Apollo's side: every anonymous operation gets an AnswerScope in its context (resolvers name the events they
   * read); a query without errors is public. (A write returns once this replica heard its change notices:
   * WriteTransactions.)
   */
  plugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      requestDidStart: ({ contextValue }) => {
        const req = contextValue.req;
        const scope = contextValue.viewer || !('raw' in req) ? undefined : new AnswerScope();
        if (scope) {
          contextValue.answer = scope;
          this.scopes.set(req as FastifyRequest, scope);
        }
        return Promise.resolve({
          didResolveOperation: ({ operation }) => {
            if (scope && operation && !onlySingleEvents(operation)) scope.lists();
            return Promise.resolve();
          },
          willSendResponse: ({ response, operation }) => {
            if (
              scope &&
              !scope.previewed &&
              operation?.operation === OperationTypeNode.QUERY &&
              response.body.kind === 'single' &&
              !response.body.singleResult.errors &&
              (response.http.status ?? 200) === 200
            ) {
              scope.public = true;
            }
            return Promise.resolve();
          },
        });
      },
    };
  }

  /**
   * The front door (common/http/front-door.ts): a request whose exact text Fastify has already routed to /graphql
   * once (its URL, Accept and, for a POST, content type and body: requestKey remembers them with its key) and that
   * is a hit now is answered here, with what the usual path would send: the stored headers (the edge's CORS
   * header among them), a request id, 304 when current, the client's points counted, the request's log line.
   * Anything else (a miss, a fill under way, a client over its budget, a token, the service not serving or not
   * hearing change notices) goes the usual way.
   */
  private answerEarly(store: AnswerCache, req: IncomingMessage, res: ServerResponse, body?: Buffer): boolean {
    if (!this.mayAnswerEarly(req)) return false;
    const key = knownKey(req, body);
    const hit = key === undefined ? undefined : store.get(key);
    if (!hit) return false;
    const started = performance.now();
    const address = this.address(req);
    // The point every request pays on arrival (edge-hooks.ts) and the operation's: refused, the usual path refuses.
    if (this.limits.limiter.consume(readKey(address ?? ''), 1 + hit.points) > 0) return false;
    res.once('close', this.lifecycle.requestStarted());
    const id = (req.headers['x-request-id'] as string | undefined) || randomUUID();
    if (notModified(req.headers, hit.headers.etag)) {
      res.writeHead(304, { ...hit.headers, 'x-request-id': id });
      res.end();
    } else {
      res.writeHead(200, { ...hit.headers, 'x-request-id': id, 'content-length': hit.body.length });
      res.end(hit.body);
    }
    logRequest(id, req, address, res.statusCode, performance.now() - started);
    return true;
  }

  private mayAnswerEarly(req: IncomingMessage): boolean {
    return (
      (req.method === 'GET' || req.method === 'POST') &&
      req.headers.authorization === undefined &&
      this.lifecycle.serving &&
      this.notifications.connected()
    );
  }

  /** A small POST to /graphql, plain (no encoding, its length declared), is read before it can be looked up. */
  private readsFirst(req: IncomingMessage): boolean {
    const { headers } = req;
    return (
      req.method === 'POST' &&
      req.url?.startsWith('/graphql') === true &&
      headers['content-encoding'] === undefined &&
      headers['transfer-encoding'] === undefined &&
      Number(headers['content-length']) <= REMEMBERED_BODY_MAX &&
      this.mayAnswerEarly(req)
    );
  }

  /** A hit answers (true); a miss starts the one fill of its key, or waits for the one under way and looks again. */
  private async lookUp(store: AnswerCache, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    // Answers are trusted only while the change notices arrive.
    if (!this.notifications.connected()) return false;
    const key = requestKey(request, replayedBody(request.raw));
    if (key === undefined) return false;
    let hit = store.get(key);
    const pending = hit ? undefined : store.pending(key);
    if (pending) {
      await pending;
      hit = store.get(key);
    }
    if (hit) {
      this.serve(request, reply, hit);
      return true;
    }
    const fill = store.begin(key);
    if (fill) {
      this.fills.set(request, fill);
      // However the request ends (an error, a client gone), the fill ends with it and its waiters go on.
      reply.raw.once('close', () => store.complete(fill));
    }
    return false;
  }

  private serve(request: FastifyRequest, reply: FastifyReply, hit: CachedAnswer): void {
    this.served.add(request);
    // (Its request paid its point on arrival, edge-hooks.ts.)
    const wait = hit.points > 0 ? this.limits.limiter.consume(readKey(request.ip), hit.points) : 0;
    if (wait > 0) {
      refuseRateLimited(reply, wait);
      return;
    }
    sendPublic(request, reply, hit.body, hit.headers);
  }

  /** The cache headers of an answer Apollo made; a public one is stored when its request filled, 304 when current. */
  private headed(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const scope = this.scopes.get(request);
    const fill = this.fills.get(request);
    const isPublic =
      scope?.public === true &&
      !request.headers.authorization &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      Buffer.byteLength(payload) <= this.config.RESPONSE_MAX_BYTES;
    if (!isPublic) {
      reply.header('cache-control', PRIVATE_NO_STORE);
      if (scope?.previewed) reply.header('x-robots-tag', 'noindex, nofollow');
      if (fill) this.store?.complete(fill);
      return payload;
    }
    const body = Buffer.from(payload);
    const keys = scope.surrogateKeys();
    const headers = {
      // What the edge has set already (CORS): the front door sends it too.
      ...edgeHeaders(reply),
      ...publicHeaders({
        contentType: String(reply.getHeader('content-type')),
        cacheControl: this.cacheControl,
        etag: strongETag(body),
        surrogateKeys: keys,
      }),
    };
    if (fill) this.store?.complete(fill, { body, headers, keys, points: scope.points });
    reply.headers(headers);
    if (!notModified(request.headers, headers.etag)) return payload;
    reply.code(304);
    return '';
  }
}
