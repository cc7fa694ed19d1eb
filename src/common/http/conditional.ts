import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching in one place, for the GraphQL answers (src/response-cache/) and the partner feeds alike: the
 * headers of a public answer, its strong ETag, and the 304 decision (docs/caching.md).
 */

/** Mutations, errors and signed-in reads: nobody keeps them. */
export const PRIVATE_NO_STORE = 'private, no-store';

export const publicCacheControl = (maxAgeS: number, staleWhileRevalidateS: number): string =>
  `public, max-age=${maxAgeS}, stale-while-revalidate=${staleWhileRevalidateS}`;

/** A strong validator of exactly these bytes. */
export const strongETag = (body: string | Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url')}"`;

/** What a public answer is sent with. */
export interface PublicHeaders {
  contentType: string;
  cacheControl: string;
  etag: string;
  /** The names a shared cache may purge the answer by (`event-<id>`, `events`, ...). */
  surrogateKeys: readonly string[];
  lastModified?: Date | null;
}

/** The response headers of a public answer: Fastly's Surrogate-Key (space-separated) and Cloudflare's Cache-Tag. */
export function publicHeaders(answer: PublicHeaders): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': answer.contentType,
    'cache-control': answer.cacheControl,
    etag: answer.etag,
  };
  if (answer.surrogateKeys.length > 0) {
    headers['surrogate-key'] = answer.surrogateKeys.join(' ');
    headers['cache-tag'] = answer.surrogateKeys.join(',');
  }
  if (answer.lastModified) headers['last-modified'] = answer.lastModified.toUTCString();
  return headers;
}

/**
 * Whether the client's copy is still current (RFC 9110 13.2.2): If-None-Match decides when it is sent (any of its
 * tags, weak or strong, or `*`); else If-Modified-Since against the last modification, to the second.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified?: Date | null): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    return match.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === etag;
    });
  }
  const since = headers['if-modified-since'];
  if (since === undefined || !lastModified) return false;
  const at = Date.parse(since);
  return !Number.isNaN(at) && Math.floor(lastModified.getTime() / 1000) * 1000 <= at;
}

/** Sends a public answer with its headers: 304 without the body when the client's copy is current. */
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  headers: Record<string, string>,
  lastModified?: Date | null,
): FastifyReply {
  reply.headers(headers);
  if (notModified(request.headers, headers.etag, lastModified)) return reply.code(304).send();
  return reply.code(200).send(body);
}
