import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import type { AnswerScope } from '../response-cache/answer-scope.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: the request (the upgrade request for a subscription), who is asking, DataLoaders. */
export interface GraphQLContext {
  req: FastifyRequest | IncomingMessage;
  viewer: Viewer | null;
  loaders: Loaders;
  /** An anonymous operation over HTTP: what its answer depends on, for the response cache and its headers. */
  answer?: AnswerScope;
}

/** The client's address: Fastify's (X-Forwarded-For when TRUST_PROXY), else the socket's. */
export const clientAddress = (req: GraphQLContext['req']): string =>
  ('ip' in req ? req.ip : req.socket.remoteAddress) ?? '';
