import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: the request (the upgrade request for a subscription), who is asking, DataLoaders. */
export interface GraphQLContext {
  req: FastifyRequest | IncomingMessage;
  viewer: Viewer | null;
  loaders: Loaders;
}
