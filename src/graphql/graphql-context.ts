import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: the request, who is asking, and this request's DataLoaders. */
export interface GraphQLContext {
  req: FastifyRequest;
  viewer: Viewer | null;
  loaders: Loaders;
}
