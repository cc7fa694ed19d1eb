import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { AppearancesService } from '../events/reading/appearances.service.js';
import { EventsService } from '../events/reading/events.service.js';
import type { GraphQLContext } from './graphql-context.js';
import { createLoaders } from './loaders.js';

/** What graphql-ws hands the context function for a subscription over WebSocket. */
interface SocketContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { request: IncomingMessage };
}

/**
 * Builds each operation's context: the viewer from its bearer token (the Authorization header over HTTP, the
 * `Authorization` connection parameter over WebSocket), and fresh DataLoaders.
 */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly views: EventViewsRepository,
    private readonly events: EventsService,
    private readonly appearances: AppearancesService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /**
   * A WebSocket connection is refused (4403) when it carries a token that is invalid or expired, and closed (4401)
   * when its token expires: a subscription does not outlive the sign-in it started with.
   */
  async acceptsConnection(ctx: {
    connectionParams?: SocketContext['connectionParams'];
    extra: { socket: { close(code: number, reason: string): void; once(event: 'close', fn: () => void): void } };
  }): Promise<boolean> {
    const value = ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization;
    const header = typeof value === 'string' ? value : undefined;
    try {
      await this.auth.viewerFromHeader(header);
    } catch (error) {
      // A database out of reach says nothing about the token: the client is told to come back (1013), not that
      // it is refused (4403), and keeps its token.
      if ((error as GraphQLError).extensions?.code === 'SERVICE_UNAVAILABLE') {
        ctx.extra.socket.close(1013, 'Try again later');
      }
      return false;
    }
    const expiry = this.auth.tokenExpiry(header);
    if (expiry !== null) {
      const timer = setTimeout(() => ctx.extra.socket.close(4401, 'Token expired'), Math.max(0, expiry - Date.now()));
      ctx.extra.socket.once('close', () => clearTimeout(timer));
    }
    return true;
  }

  async create(source: FastifyRequest | SocketContext): Promise<GraphQLContext> {
    // graphql-ws leaves connectionParams out when a client sends none: such a client is anonymous.
    const socket = 'extra' in source;
    const req = socket ? source.extra.request : source;
    const params = socket ? (source.connectionParams ?? {}) : {};
    const header = socket ? (params.Authorization ?? params.authorization) : source.headers.authorization;
    const viewer = await this.auth.viewerFromHeader(typeof header === 'string' ? header : undefined);
    return {
      req,
      viewer,
      loaders: createLoaders(viewer, {
        views: this.views,
        events: this.events,
        appearances: this.appearances,
        manager: this.manager,
      }),
    };
  }
}
