import type { FastifyRequest } from 'fastify';

/**
 * The route a request was matched to (`/graphql`, `/events/:slug.ics`), as Fastify's router decoded it, or for an
 * unmatched request its path: the one way to ask "which endpoint is this?", so that `/%67raphql` or `/graphql#x`
 * are not told apart from `/graphql`.
 */
export const routePath = (request: FastifyRequest): string => request.routeOptions.url ?? request.url.split('?')[0];

/** /health and /health/ready: always answered, never limited. */
export const isHealthCheck = (request: FastifyRequest): boolean => {
  const path = routePath(request);
  return path === '/health' || path.startsWith('/health/');
};
