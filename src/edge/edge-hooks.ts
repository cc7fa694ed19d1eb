import { Transform } from 'node:stream';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service.js';
import { isHealthCheck, routePath } from '../common/http/route-path.js';
import { AppConfig } from '../config/app-config.js';
import { RateLimitSync } from './rate-limit-sync.js';
import { addressKey } from './rate-limiter.js';

/** The key an anonymous client's reads count under. */
export const readKey = (address: string): string => `read:${addressKey(address)}`;

/** A refusal in the shape of a GraphQL answer, so every client reads it the same way. */
export function refuse(reply: FastifyReply, status: number, code: string, message: string, extensions = {}) {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/** 429 RATE_LIMITED with Retry-After, before any GraphQL (an address over its budget, a cache hit it cannot pay). */
export function refuseRateLimited(reply: FastifyReply, wait: number) {
  reply.header('retry-after', String(wait));
  return refuse(reply, 429, 'RATE_LIMITED', `Too many requests from this address; try again in ${wait} seconds`, {
    retryAfter: wait,
  });
}

/**
 * The HTTP side of the public edge, before any GraphQL: a client over its rate limit is refused before its body
 * is read (the GraphQL plugin counts what each operation costs), partner feeds cost their points here, a body
 * is cut off at its limit (larger for a signed-in editor, who may import a document), and an answer too large
 * to send is refused.
 */
@Injectable()
export class EdgeHooks implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly limits: RateLimitSync,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    // Whether a request carries a token this service signed, decided once: only those skip the rate limit and
    // may send a document-sized body or receive an answer over RESPONSE_MAX_BYTES.
    const signed = new WeakMap<FastifyRequest, boolean>();
    const signedIn = (request: FastifyRequest): boolean => {
      let known = signed.get(request);
      if (known === undefined) signed.set(request, (known = this.auth.signedToken(request.headers.authorization)));
      return known;
    };
    fastify.addHook('onRequest', (request, reply, done) => {
      const wait = signedIn(request) ? 0 : this.rateLimitWait(request);
      if (wait === 0) return done();
      refuseRateLimited(reply, wait);
    });
    fastify.addHook('preParsing', (request, reply, payload, done) => {
      const limit = signedIn(request) ? this.config.DOCUMENT_BODY_LIMIT : this.config.QUERY_BODY_LIMIT;
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limit) {
        // The connection closes after the answer: the body it announced is never read.
        reply.header('connection', 'close');
        refuse(reply, 413, 'BAD_USER_INPUT', tooLarge(limit), { limit });
        return;
      }
      // A declared length Fastify holds the body to (400 if it differs); only a chunked body is counted as it comes.
      done(null, request.headers['content-length'] === undefined ? payload.pipe(capped(limit)) : payload);
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      // An editor's answer (an import's, a whole export) is theirs to have; the cap is for anonymous callers.
      if (routePath(request) !== '/graphql' || typeof payload !== 'string' || signedIn(request)) {
        return done(null, payload);
      }
      if (Buffer.byteLength(payload) <= this.config.RESPONSE_MAX_BYTES) return done(null, payload);
      reply.code(400).header('content-length', null);
      const limit = this.config.RESPONSE_MAX_BYTES;
      done(
        null,
        JSON.stringify({
          errors: [
            {
              message: `The answer is larger than ${limit} bytes; ask for fewer fields or smaller pages`,
              extensions: { code: 'BAD_USER_INPUT', limit },
            },
          ],
        }),
      );
    });
  }

  /**
   * For an anonymous request: every GraphQL request pays 1 point here, refused or not (its operation pays the rest
   * of its cost once known, operation-limits.ts), a partner feed or page its RATE_LIMIT_FEED_POINTS.
   */
  private rateLimitWait(request: FastifyRequest): number {
    if (isHealthCheck(request) || request.method === 'OPTIONS') return 0;
    const points = routePath(request) === '/graphql' ? 1 : this.config.RATE_LIMIT_FEED_POINTS;
    return this.limits.limiter.consume(readKey(request.ip), points);
  }
}
const tooLarge = (limit: number) =>
  `The request body is larger than ${limit} bytes; a signed-in editor may send larger documents`;

/** Passes a body through until `limit` bytes, then fails it with Fastify's 413. */
function capped(limit: number): Transform & { receivedEncodedLength?: number } {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        const error = Object.assign(new Error(tooLarge(limit)), {
          statusCode: 413,
          code: 'FST_ERR_CTP_BODY_TOO_LARGE',
        });
        callback(Object.assign(error, { limit }));
      } else callback(null, chunk);
    },
  });
}
